// RunDirectory: files are staged beside the target and moved in only on commit; a run that never commits
// leaves the target exactly as it was and no staging directory behind.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "sim/output/run_directory.hpp"

namespace st::output {
namespace {

namespace fs = std::filesystem;

// A fresh, empty directory of its own for each test, removed afterwards.
class outputRunDirectory : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    root_ = fs::temp_directory_path() / ("st-output-test-" + std::to_string(::getpid()) + "-" +
                                         std::to_string(stamp) + "-" + std::to_string(counter++));
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  static void write(const fs::path& p, const std::string& text) {
    std::ofstream f(p, std::ios::binary);
    f << text;
  }
  static std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
  }
  // Every entry under `dir` (recursively, hidden ones included) with the contents of regular files.
  static std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> out;
    if (!fs::exists(dir)) return out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      const std::string rel = fs::relative(e.path(), dir).string();
      out[rel] = e.is_regular_file() ? read(e.path()) : std::string("<dir>");
    }
    return out;
  }

  fs::path root_;
};

TEST_F(outputRunDirectory, CommitMovesStagedFilesIntoANewTarget) {
  const fs::path target = root_ / "run1";
  {
    RunDirectory dir(target);
    EXPECT_EQ(dir.target(), target);
    const fs::path a = dir.stage("summary.json");
    const fs::path b = dir.stage("states.csv");
    // Staged files are not in the target (which does not even exist yet).
    EXPECT_NE(a.parent_path(), target);
    EXPECT_FALSE(fs::exists(target));
    write(a, "{\"ok\": true}\n");
    write(b, "time_s,created\n0,0\n");
    dir.commit();
    EXPECT_TRUE(fs::is_directory(target));
  }
  EXPECT_EQ(read(target / "summary.json"), "{\"ok\": true}\n");
  EXPECT_EQ(read(target / "states.csv"), "time_s,created\n0,0\n");
  // Only the target is left in root: no staging directory.
  const auto all = snapshot(root_);
  EXPECT_EQ(all.size(), 3u) << "unexpected entries beside the target";
  EXPECT_EQ(all.count("run1"), 1u);
}

TEST_F(outputRunDirectory, StagedNamesThatWereNeverWrittenAreSkipped) {
  const fs::path target = root_ / "run";
  {
    RunDirectory dir(target);
    write(dir.stage("written.txt"), "x");
    (void)dir.stage("never-written.txt");
    dir.commit();
  }
  EXPECT_TRUE(fs::exists(target / "written.txt"));
  EXPECT_FALSE(fs::exists(target / "never-written.txt"));
}

TEST_F(outputRunDirectory, ExistingTargetKeepsUnrelatedFilesAndGetsNewOnesReplaced) {
  const fs::path target = root_ / "out";
  fs::create_directories(target / "notes");
  write(target / "README.txt", "mine, keep me\n");
  write(target / "notes" / "n.txt", "nested\n");
  write(target / "summary.json", "old summary\n");
  {
    RunDirectory dir(target);
    write(dir.stage("summary.json"), "new summary\n");
    write(dir.stage("events.jsonl"), "{}\n");
    dir.commit();
  }
  EXPECT_EQ(read(target / "README.txt"), "mine, keep me\n");
  EXPECT_EQ(read(target / "notes" / "n.txt"), "nested\n");
  EXPECT_EQ(read(target / "summary.json"), "new summary\n");
  EXPECT_EQ(read(target / "events.jsonl"), "{}\n");
  EXPECT_EQ(snapshot(target).size(), 5u);  // README, notes/, notes/n.txt, summary, events
}

TEST_F(outputRunDirectory, DestroyedWithoutCommitLeavesAnExistingTargetUntouched) {
  const fs::path target = root_ / "out";
  fs::create_directories(target);
  write(target / "summary.json", "previous run\n");
  write(target / "keep.txt", "keep\n");
  const auto before = snapshot(root_);
  {
    RunDirectory dir(target);
    write(dir.stage("summary.json"), "half-written\n");
    write(dir.stage("states.csv"), "partial\n");
    // While the run is going, the staging area exists somewhere else than the target.
    EXPECT_EQ(snapshot(target).size(), 2u);
  }
  EXPECT_EQ(snapshot(root_), before) << "the target or its parent changed, or a staging directory was left";
}

TEST_F(outputRunDirectory, DestroyedWithoutCommitCreatesNoTarget) {
  const fs::path target = root_ / "never";
  {
    RunDirectory dir(target);
    write(dir.stage("summary.json"), "x");
  }
  EXPECT_FALSE(fs::exists(target));
  EXPECT_TRUE(snapshot(root_).empty());
}

TEST_F(outputRunDirectory, FilesWithAFinalPathOutsideTheTargetLandThere) {
  const fs::path target = root_ / "out";
  const fs::path keylog = root_ / "elsewhere" / "keys.log";
  {
    RunDirectory dir(target);
    write(dir.stage("keylog.partial", keylog), "ECDH ...\n");
    write(dir.stage("summary.json"), "{}");
    dir.commit();
  }
  EXPECT_EQ(read(keylog), "ECDH ...\n");
  EXPECT_FALSE(fs::exists(target / "keylog.partial"));
  EXPECT_TRUE(fs::exists(target / "summary.json"));
}

TEST_F(outputRunDirectory, UncommittedKeylogDoesNotReachItsFinalPath) {
  const fs::path keylog = root_ / "keys.log";
  {
    RunDirectory dir(root_ / "out");
    write(dir.stage("keylog.partial", keylog), "secret\n");
  }
  EXPECT_FALSE(fs::exists(keylog));
  EXPECT_TRUE(snapshot(root_).empty());
}

// Regression: with a trailing slash (`--out runs/x/`, as shell completion writes it) the target's filename was
// empty, so the staging directory went inside the target and an uncommitted run left a new empty target.
TEST_F(outputRunDirectory, TrailingSlashTargetLeavesNoTraceWithoutCommit) {
  const fs::path target = root_ / "fresh/";
  {
    RunDirectory dir(target);
    write(dir.stage("summary.json"), "x");
  }
  EXPECT_FALSE(fs::exists(root_ / "fresh")) << "an uncommitted run created its --out directory";
}

TEST_F(outputRunDirectory, TrailingSlashTargetCommitsIntoTheTarget) {
  const fs::path target = root_ / "withslash/";
  {
    RunDirectory dir(target);
    write(dir.stage("summary.json"), "x");
    dir.commit();
  }
  EXPECT_EQ(read(root_ / "withslash" / "summary.json"), "x");
  const auto all = snapshot(root_);
  EXPECT_EQ(all.size(), 2u) << "a staging directory was left behind";
}

}  // namespace
}  // namespace st::output
