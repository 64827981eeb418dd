// TestBroker: a real mosquitto (Debian's package) on a free loopback port, started and stopped by the test that
// owns it (SIGTERM, then waited for, SIGKILL after 5 s); it can be stopped and started again on the same port. It
// runs as the test's user: started by root, mosquitto would switch to its own user, whom a container's root may
// not be allowed to signal.
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <fcntl.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace st::test {

inline std::uint16_t free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  socklen_t len = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("no free loopback port");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

inline bool port_accepts(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(port);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

class TestBroker {
 public:
  TestBroker() : port_(free_loopback_port()) {
    conf_ = std::filesystem::temp_directory_path() / ("st-mosquitto-" + std::to_string(::getpid()) + "-" +
                                                       std::to_string(port_) + ".conf");
    {
      std::ofstream conf(conf_);  // (closed before mosquitto reads it)
      conf << "listener " << port_ << " 127.0.0.1\nallow_anonymous true\npersistence false\nlog_dest none\n";
      if (::geteuid() == 0) conf << "user root\n";
    }
    start();
  }
  ~TestBroker() {
    stop();
    std::error_code ec;
    std::filesystem::remove(conf_, ec);
  }
  TestBroker(const TestBroker&) = delete;
  TestBroker& operator=(const TestBroker&) = delete;

  std::uint16_t port() const { return port_; }

  void start() {
    if (pid_ > 0) return;
    const pid_t parent = ::getpid();
    pid_ = ::fork();
    if (pid_ == 0) {
      // Dies with the test process, even one that a sanitizer or a crash ends before its destructors run; and holds
      // none of its output pipes (ctest waits for them to close).
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(1);
      const int null = ::open("/dev/null", O_RDWR);
      ::dup2(null, STDIN_FILENO);
      ::dup2(null, STDOUT_FILENO);
      ::dup2(null, STDERR_FILENO);
      ::execl("/usr/sbin/mosquitto", "mosquitto", "-c", conf_.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    for (int i = 0; i < 500 && !port_accepts(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!port_accepts(port_)) {
      stop();  // (a constructor that throws runs no destructor)
      throw std::runtime_error("mosquitto did not start on port " + std::to_string(port_));
    }
  }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 500; ++i) {  // up to 5 s for a clean exit
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ::kill(pid_, SIGKILL);
    for (int i = 0; i < 200 && ::waitpid(pid_, &status, WNOHANG) != pid_; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pid_ = -1;
  }

 private:
  std::uint16_t port_;
  std::filesystem::path conf_;
  pid_t pid_ = -1;
};

}  // namespace st::test
