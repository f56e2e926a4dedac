#include "onestop/daemon/runtime_dir.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "onestop/common/runtime_paths.hpp"

namespace onestop::daemon {
namespace {

namespace fs = std::filesystem;

fs::path freshDir() {
  auto base =
      fs::temp_directory_path() / ("onestop-rt-" + std::to_string(::getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(base);
  return base;
}

unsigned modeOf(const fs::path& p) {
  struct stat st {};
  ::stat(p.c_str(), &st);
  return st.st_mode & 0777u;
}

TEST(RuntimeDir, TokenIsPrivateAndFresh) {
  const auto dir = freshDir();
  auto rt = RuntimeDir::prepare(dir);
  ASSERT_TRUE(rt);
  EXPECT_EQ(modeOf(dir), 0700u);
  const auto first = rt->writeNewToken();
  const auto second = rt->writeNewToken();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->size(), 64u);
  EXPECT_NE(*first, *second);
  EXPECT_EQ(modeOf(dir / kTokenFileName), 0600u);
  std::string onDisk;
  std::ifstream(dir / kTokenFileName) >> onDisk;
  EXPECT_EQ(onDisk, *second);
  fs::remove_all(dir);
}

TEST(RuntimeDir, CleanupRemovesWhatWasPublished) {
  const auto dir = freshDir();
  auto rt = RuntimeDir::prepare(dir);
  ASSERT_TRUE(rt);
  ASSERT_TRUE(rt->writePort(4242));
  ASSERT_TRUE(rt->writePid());
  std::string port;
  std::ifstream(dir / kPortFileName) >> port;
  EXPECT_EQ(port, "4242");
  rt->cleanup();
  EXPECT_FALSE(fs::exists(dir / kPortFileName));
  EXPECT_FALSE(fs::exists(dir / kPidFileName));
  fs::remove_all(dir);
}

TEST(RuntimeDir, RefusesAFileInPlaceOfTheDirectory) {
  const auto path = freshDir();
  std::ofstream(path) << "x";
  EXPECT_FALSE(RuntimeDir::prepare(path));
  fs::remove(path);
}

}  // namespace
}  // namespace onestop::daemon
