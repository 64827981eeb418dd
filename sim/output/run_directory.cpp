#include "sim/output/run_directory.hpp"

#include <unistd.h>

namespace st::output {

namespace fs = std::filesystem;

RunDirectory::RunDirectory(fs::path target) : target_(fs::absolute(std::move(target)).lexically_normal()) {
  if (!target_.has_filename()) target_ = target_.parent_path();  // "runs/x/" names the directory x
  fs::path parent = target_.parent_path();
  fs::create_directories(parent);
  std::string name(".");
  name.append(target_.filename().string()).append(".partial-").append(std::to_string(::getpid()));
  staging_ = parent / name;
  fs::remove_all(staging_);
  fs::create_directories(staging_);
}

RunDirectory::~RunDirectory() {
  std::error_code ec;
  fs::remove_all(staging_, ec);
}

fs::path RunDirectory::stage(const std::string& name, fs::path final_path) {
  fs::path p = staging_ / name;
  files_.emplace_back(p, final_path.empty() ? target_ / name : std::move(final_path));
  return p;
}

void RunDirectory::commit() {
  fs::create_directories(target_);
  for (const auto& [from, to] : files_) {
    if (!fs::exists(from)) continue;
    if (to.has_parent_path()) fs::create_directories(fs::absolute(to).parent_path());
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) {  // another file system: copy, then remove
      fs::copy_file(from, to, fs::copy_options::overwrite_existing);
      fs::remove(from);
    }
  }
  committed_ = true;
}

}  // namespace st::output
