// `onestopctl procedure test|check` as a user runs it: the real binary, no daemon.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace {

struct Run {
  int exitCode = -1;
  std::string output;
};

Run onestopctl(const std::string& arguments) {
  const std::string command = std::string(ONESTOPCTL_BINARY) + " " + arguments +
                              " --config-dir " ONESTOP_CONFIG_DIR " 2>&1";
  Run run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) run.output += buffer.data();
  const int status = ::pclose(pipe);
  run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

const std::string kFixtures = ONESTOP_PROCEDURE_FIXTURES;

TEST(ProcedureCommand, AllPassingExitsZero) {
  const auto run = onestopctl("procedure test " + kFixtures + "/mau-dang-ky");
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("ok tests/basic.lua: prefill upper-cases the name"), std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("3 passed, 0 failed"), std::string::npos) << run.output;
}

TEST(ProcedureCommand, OneFailingTestExitsOneAndSaysWhy) {
  const auto run = onestopctl("procedure test " + kFixtures + "/mau-co-loi");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("ok tests/mixed.lua: passes"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("FAIL tests/mixed.lua: fails on purpose: tests/mixed.lua:6: name kept "
                            "as typed: expected \"an\", got \"AN\""),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("1 passed, 1 failed"), std::string::npos) << run.output;
}

TEST(ProcedureCommand, TodayChangesTheContext) {
  // 2026-11-20 is a Friday: three working days later is Wednesday 25, not Thursday 26.
  const auto run = onestopctl("procedure test " + kFixtures + "/mau-dang-ky --today 2026-11-20");
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("expected \"2026-11-26\", got \"2026-11-25\""), std::string::npos)
      << run.output;
}

TEST(ProcedureCommand, CheckReportsNothingForAGoodFolderAndUsageErrors) {
  const auto good = onestopctl("procedure check " + kFixtures + "/mau-dang-ky");
  EXPECT_EQ(good.exitCode, 0) << good.output;
  EXPECT_NE(good.output.find("no problems"), std::string::npos) << good.output;
  EXPECT_EQ(onestopctl("procedure test /nonexistent-folder").exitCode, 64);
  EXPECT_EQ(onestopctl("procedure frobnicate x").exitCode, 64);
}

}  // namespace
