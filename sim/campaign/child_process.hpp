// One child process (POSIX posix_spawn): its standard output and error go to a log file, its input is
// /dev/null. Owned: a child still running when its owner goes is killed and reaped.
#pragma once
#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace st::campaign {

class ChildProcess {
 public:
  // std::runtime_error naming the program when it cannot be started.
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& log);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // Waits for it to end: its exit code, or 128 + the signal that ended it.
  int wait();

 private:
  pid_t pid_ = -1;
};

// The running program's own executable (/proc/self/exe).
std::filesystem::path own_executable();

}  // namespace st::campaign
