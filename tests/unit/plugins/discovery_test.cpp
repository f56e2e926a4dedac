#include "onestop/plugins/discovery.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "plugin_test_support.hpp"

namespace onestop::plugins {
namespace {

void makePluginFolder(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "manifest.json") << "{}";
}

TEST(Discovery, ListsSubfoldersWithAManifestSortedByName) {
  testing::TempDir root;
  makePluginFolder(root.path() / "zeta");
  makePluginFolder(root.path() / "alpha");
  std::filesystem::create_directories(root.path() / "no-manifest");

  const auto folders = discoverPluginFolders({root.path()});

  ASSERT_EQ(folders.size(), 2u);
  EXPECT_EQ(folders[0].filename(), "alpha");
  EXPECT_EQ(folders[1].filename(), "zeta");
}

TEST(Discovery, TakesARootWithItsOwnManifestAsOnePluginFolder) {
  testing::TempDir root;
  makePluginFolder(root.path());
  makePluginFolder(root.path() / "nested");

  const auto folders = discoverPluginFolders({root.path()});

  ASSERT_EQ(folders.size(), 1u);
  EXPECT_EQ(folders[0], root.path());
}

TEST(Discovery, KeepsTheOrderOfTheRoots) {
  testing::TempDir first;
  testing::TempDir second;
  makePluginFolder(first.path() / "b");
  makePluginFolder(second.path() / "a");

  const auto folders = discoverPluginFolders({first.path(), second.path()});

  ASSERT_EQ(folders.size(), 2u);
  EXPECT_EQ(folders[0].filename(), "b");
  EXPECT_EQ(folders[1].filename(), "a");
}

TEST(Discovery, SkipsAMissingRootWithAWarning) {
  testing::TempDir root;
  testing::LogCapture log;

  const auto folders = discoverPluginFolders({root.path() / "absent"}, log.function());

  EXPECT_TRUE(folders.empty());
  EXPECT_TRUE(log.contains("does not exist"));
}

}  // namespace
}  // namespace onestop::plugins
