// kill -9 of a process in the middle of a stream of case writes loses no committed case: a real
// writer process (crash_writer.cpp) prints each case id only after its commits return; this test
// kills it with SIGKILL at a random moment, three times on the same file, and then checks that
// every printed case is there and decrypts, PRAGMA integrity_check says "ok" and the audit chain
// verifies.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "onestop/store/audit_log.hpp"
#include "onestop/store/case_store.hpp"
#include "onestop/store/database.hpp"
#include "onestop/store/pii_cipher.hpp"

namespace onestop::store {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "onestop-crash-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The writer's stdout, read line by line as it comes.
class WriterProcess {
 public:
  WriterProcess(const fs::path& database, const fs::path& key) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    const std::string program = ONESTOP_STORE_CRASH_WRITER;
    std::vector<std::string> arguments = {program, database.string(), key.string()};
    std::vector<char*> argv;
    for (auto& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ) != 0) {
      pid_ = -1;
    }
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    out_ = fds[0];
  }
  WriterProcess(const WriterProcess&) = delete;
  WriterProcess& operator=(const WriterProcess&) = delete;
  ~WriterProcess() {
    killHard();
    if (out_ >= 0) ::close(out_);
  }

  [[nodiscard]] bool started() const { return pid_ > 0 && out_ >= 0; }

  // Reads what arrives until the deadline (or end of output); complete lines go to `lines`.
  void readUntil(Clock::time_point deadline, std::vector<std::string>& lines) {
    while (Clock::now() < deadline) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      pollfd poller{.fd = out_, .events = POLLIN, .revents = 0};
      const int ready = ::poll(&poller, 1, static_cast<int>(std::max<long>(left.count(), 0)));
      if (ready <= 0) continue;
      if (!readSome(lines)) return;
    }
  }

  // SIGKILL, reap, then take what was already in the pipe: those ids were printed before death.
  int killHard() {
    if (pid_ <= 0) return 0;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return status;
  }
  void drain(std::vector<std::string>& lines) {
    while (readSome(lines)) {
    }
  }

 private:
  bool readSome(std::vector<std::string>& lines) {
    char buffer[4096];
    const ssize_t got = ::read(out_, buffer, sizeof buffer);
    if (got <= 0) return false;
    pending_.append(buffer, static_cast<std::size_t>(got));
    for (std::size_t end; (end = pending_.find('\n')) != std::string::npos;) {
      lines.push_back(pending_.substr(0, end));
      pending_.erase(0, end + 1);
    }
    return true;
  }

  pid_t pid_ = -1;
  int out_ = -1;
  std::string pending_;  // a line cut by the kill is never complete, so never counted
};

std::string integrityCheck(const fs::path& file) {
  sqlite3* handle = nullptr;
  std::string verdict = "cannot open";
  if (sqlite3_open_v2(file.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &statement, nullptr) ==
            SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW) {
      verdict = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
  }
  sqlite3_close(handle);
  return verdict;
}

TEST(StoreCrashSafety, KillNineDuringCaseWritesLosesNoCommittedCase) {
  TempDir dir;
  ASSERT_FALSE(dir.path().empty());
  const fs::path database = dir.path() / "onestop.db";
  const fs::path key = dir.path() / "pii.key";
  std::mt19937 random(std::random_device{}());
  std::uniform_int_distribution<int> extraMs(0, 700);

  std::map<std::string, long> promised;  // case id → the writer's serial for it
  for (int round = 1; round <= 3; ++round) {
    WriterProcess writer(database, key);
    ASSERT_TRUE(writer.started()) << "cannot start " << ONESTOP_STORE_CRASH_WRITER;
    std::vector<std::string> lines;
    // Wait for the stream to flow, then let it run a random while longer: the kill lands at an
    // arbitrary point of a transaction (or between two).
    const auto start = Clock::now();
    while (lines.size() < 5 && Clock::now() - start < std::chrono::seconds(20)) {
      writer.readUntil(Clock::now() + std::chrono::milliseconds(20), lines);
    }
    ASSERT_GE(lines.size(), 5u) << "the writer did not produce case ids (round " << round << ")";
    const int waitMs = 50 + extraMs(random);
    writer.readUntil(Clock::now() + std::chrono::milliseconds(waitMs), lines);
    const int status = writer.killHard();
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the writer ended on its own (round " << round << "), status " << status;
    writer.drain(lines);

    for (const std::string& line : lines) {
      std::istringstream parts(line);
      std::string id;
      long serial = 0;
      ASSERT_TRUE(parts >> id >> serial) << "unexpected writer output: " << line;
      EXPECT_TRUE(promised.emplace(id, serial).second) << "id printed twice: " << id;
    }
    std::cout << "round " << round << ": killed after " << waitMs << " ms more, " << lines.size()
              << " cases promised\n";
    ASSERT_EQ(integrityCheck(database), "ok") << "round " << round;
  }

  auto opened = Database::open(database);
  ASSERT_TRUE(opened.ok()) << opened.error().detail();
  auto cipher = PiiCipher::openKeyFile(key);
  ASSERT_TRUE(cipher.ok()) << cipher.error().detail();
  CaseStore store(*opened, *cipher);
  for (const auto& [id, serial] : promised) {
    auto record = store.get(id);
    ASSERT_TRUE(record.ok()) << id << ": " << record.error().detail();
    EXPECT_EQ(record->form["serial"], serial) << id;
    EXPECT_EQ(record->card["serial"], serial) << id;
    if (serial % 3 == 0) {
      EXPECT_TRUE(record->receipt.has_value()) << id << " was submitted before it was printed";
    }
  }
  AuditLog audit(*opened);
  const auto chain = audit.verifyChain();
  EXPECT_TRUE(chain.ok()) << chain.error().detail();
  auto entries = audit.query({.limit = AuditLog::kMaxQueryLimit});
  ASSERT_TRUE(entries.ok());
  std::map<std::string, int> audited;
  for (const auto& entry : *entries) ++audited[entry.subject];
  for (const auto& [id, serial] : promised) {
    EXPECT_EQ(audited["case:" + id], 1) << id;
  }
  // Receipt numbers handed out across the crashes are still gapless.
  const Connection connection = (*opened)->connect();
  auto numbers = connection.prepare("SELECT count(*), coalesce(max(sequence), 0) FROM receipts");
  ASSERT_TRUE(numbers.ok());
  ASSERT_TRUE(numbers->step().ok());
  EXPECT_EQ(numbers->integer(0), numbers->integer(1));
  std::int64_t submittedPromised = 0;
  for (const auto& [id, serial] : promised) submittedPromised += serial % 3 == 0 ? 1 : 0;
  EXPECT_GE(numbers->integer(0), submittedPromised);
}

}  // namespace
}  // namespace onestop::store
