// The command-line tests' fixture: spawns the sidewalk-twin binary in a fresh temporary directory per test
// (kept on failure) and captures its exit code, stdout and stderr; plus file helpers and a small scenario.
#pragma once
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#ifndef ST_BINARY
#error "ST_BINARY must name the sidewalk-twin binary"
#endif
#ifndef ST_SCENARIOS_DIR
#error "ST_SCENARIOS_DIR must name the shipped scenarios directory"
#endif

namespace st::cli_test {

namespace fs = std::filesystem;

inline std::string read(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
inline void write(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}
inline std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}
inline std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}
inline std::string quote(const std::string& s) { return "'" + s + "'"; }

struct Result {
  int exit_code;
  std::string out;
  std::string err;
};

class cliRun : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    dir_ = fs::temp_directory_path() / ("st-cli-test-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) +
                                        "-" + std::to_string(counter++));
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    if (!HasFailure()) fs::remove_all(dir_, ec);  // kept on failure for inspection
  }

  // Runs `sidewalk-twin <args>` with stdout and stderr captured to files.
  Result twin(const std::string& args) {
    const fs::path out = dir_ / "stdout.txt";
    const fs::path err = dir_ / "stderr.txt";
    const std::string cmd = "SYSTEMC_DISABLE_COPYRIGHT_MESSAGE=1 " + quote(ST_BINARY) + " " + args + " >" +
                            quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    const int status = std::system(cmd.c_str());
    Result r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read(out), read(err)};
    fs::remove(out);
    fs::remove(err);
    return r;
  }
  std::string template_text() {
    const Result r = twin("template");
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.err, "");
    return r.out;
  }
  // Every entry below `d` (hidden ones included) with file contents.
  static std::map<std::string, std::string> snapshot(const fs::path& d) {
    std::map<std::string, std::string> m;
    for (const auto& e : fs::recursive_directory_iterator(d))
      m[fs::relative(e.path(), d).string()] = e.is_regular_file() ? read(e.path()) : "<dir>";
    return m;
  }

  fs::path dir_;
};

// A small, loss-free scenario with both ECDH curves (for the key-log checks): 120 devices, 20 minutes.
constexpr const char* kSmall = R"(scenario:
  name: small
  seed: 5
  duration: 20min
topology:
  radio: explicit
  gateways:
    - name: gw
      count: 6
      links: [ble, fsk]
  link_model:
    ble: {latency: 40ms, loss: 0}
    fsk: {latency: 120ms, loss: 0}
fleet:
  device_types:
    - name: tracker
      count: 80
      qualified: true
      links: [fsk, ble]
      curve: x25519
      manufacture: {at: 0s, over: 2min}
      traffic: {uplink_period: 5min}
    - name: sensor
      count: 40
      stage: preproduction
      links: [ble]
      curve: p256
      traffic: {uplink_period: 5min}
)";

}  // namespace st::cli_test
