// RunDirectory: writes a run's files into a staging directory beside the target and moves them into the
// target only when the run finishes, so a failed run never damages an existing --out directory.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace st::output {

class RunDirectory {
 public:
  explicit RunDirectory(std::filesystem::path target);
  ~RunDirectory();  // a run that never committed leaves no trace
  RunDirectory(const RunDirectory&) = delete;
  RunDirectory& operator=(const RunDirectory&) = delete;

  // Path of a file in the staging area; commit() moves it to `final_path` (default: target/name).
  std::filesystem::path stage(const std::string& name, std::filesystem::path final_path = {});
  void commit();
  const std::filesystem::path& target() const { return target_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  std::vector<std::pair<std::filesystem::path, std::filesystem::path>> files_;
  bool committed_ = false;
};

}  // namespace st::output
