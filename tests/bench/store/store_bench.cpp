// onestop_store_bench [cases-per-round] [output.json]: case write throughput of the store (WAL,
// synchronous=NORMAL) against a bare SQLite baseline in the same run, on the same disk.
//
// Method. Three rounds of N writes each, alternating the two sides so that drift of the disk
// cache hits both alike; the median round of each side is reported.
//  - baseline: the sqlite3 C API on its own file with the same journal mode and synchronous
//    setting, one prepared INSERT of the same columns into a table without encryption (the same
//    primary key and indexes as the store's `cases`, the ID number in clear), one
//    BEGIN IMMEDIATE … COMMIT per row (as the store commits each case), the form and card
//    serialised to JSON text per row (work any store does).
//  - store: CaseStore::create per case: a per-day id from the counters table, the form and card
//    sealed with AES-256-GCM, the ID number's blind index (HMAC-SHA256), the INSERT, the commit.
// Also reported: sealing alone (form + card + blind index per case, no database) and
// CaseStore::submit (receipt numbering + sealed receipt) per second. Synthetic data only.
#include <sqlite3.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "onestop/store/case_store.hpp"
#include "onestop/store/database.hpp"
#include "onestop/store/pii_cipher.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using onestop::store::CaseStore;
using onestop::store::Database;
using onestop::store::NewCase;
using onestop::store::PiiCipher;

NewCase syntheticCase(int serial) {
  const std::string n = std::to_string(serial);
  nlohmann::json form = {
      {"recipient", "Công an phường Thử Nghiệm, thành phố Giả Định"},
      {"fullName", "NGUYỄN VĂN THỬ " + n},
      {"dateOfBirth", "01/02/1990"},
      {"sex", "Nam"},
      {"idNumber", "0792039" + std::string(5 - std::min<std::size_t>(5, n.size()), '0') + n},
      {"phone", "0900000000"},
      {"email", "thu.nghiem@example.invalid"},
      {"householdHead", "NGUYỄN VĂN CHỦ HỘ"},
      {"relationship", "Con"},
      {"householdHeadId", "079203900001"},
      {"request",
       "Đăng ký thường trú tại số 12 đường Giả Định, phường Thử Nghiệm, thành phố "
       "Giả Định (địa chỉ trước sắp xếp: phường Cũ, quận Cũ)"},
      {"members", nlohmann::json::array()}};
  const std::string idNumber = form["idNumber"].get<std::string>();
  nlohmann::json card = {{"source", "chip"},
                         {"fullName", form["fullName"]},
                         {"idNumber", form["idNumber"]},
                         {"placeOfOrigin", "Xã Thử Nghiệm, tỉnh Giả Định"},
                         {"placeOfResidence", "Số 12 đường Giả Định, phường Thử Nghiệm"},
                         {"issueDate", "01/01/2024"}};
  return NewCase{.procedure = "thuong-tru",
                 .procedureVersion = "1.0.0",
                 .operatorId = "https://counter.example",
                 .form = std::move(form),
                 .card = std::move(card),
                 .citizenIdNumber = idNumber};
}

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

void check(int code, sqlite3* handle, const char* what) {
  if (code != SQLITE_OK && code != SQLITE_DONE && code != SQLITE_ROW) {
    std::fprintf(stderr, "onestop_store_bench: %s: %s\n", what, sqlite3_errmsg(handle));
    std::exit(1);
  }
}

// Seconds for `count` bare inserts, one transaction each.
double baselineRound(const fs::path& file, const std::vector<NewCase>& cases) {
  sqlite3* handle = nullptr;
  check(sqlite3_open(file.c_str(), &handle), handle, "open");
  check(sqlite3_exec(handle,
                     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                     "CREATE TABLE IF NOT EXISTS cases_plain (id TEXT PRIMARY KEY,"
                     " procedure TEXT NOT NULL, procedure_version TEXT NOT NULL,"
                     " status TEXT NOT NULL, revision INTEGER NOT NULL, form TEXT NOT NULL,"
                     " card TEXT, citizen_id TEXT, attachments TEXT NOT NULL,"
                     " operator TEXT NOT NULL, created_at TEXT NOT NULL,"
                     " updated_at TEXT NOT NULL) STRICT;"
                     "CREATE INDEX IF NOT EXISTS cases_plain_citizen ON cases_plain (citizen_id);"
                     "CREATE INDEX IF NOT EXISTS cases_plain_created ON cases_plain (created_at);",
                     nullptr, nullptr, nullptr),
        handle, "schema");
  sqlite3_stmt* insert = nullptr;
  check(sqlite3_prepare_v2(handle,
                           "INSERT INTO cases_plain VALUES (?1, ?2, ?3, 'draft', 1, ?4, ?5, ?6,"
                           " '[]', ?7, ?8, ?8)",
                           -1, &insert, nullptr),
        handle, "prepare");
  static long serial = 0;
  const auto start = Clock::now();
  for (const NewCase& newCase : cases) {
    const std::string id = "HS-20261123-" + std::to_string(++serial);
    const std::string form = newCase.form.dump();
    const std::string card = newCase.card.dump();
    const std::string now = "2026-11-23T10:00:00.000Z";
    check(sqlite3_exec(handle, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), handle, "begin");
    sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, newCase.procedure.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 3, newCase.procedureVersion.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 4, form.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 5, card.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 6, newCase.citizenIdNumber.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 7, newCase.operatorId.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 8, now.c_str(), -1, SQLITE_TRANSIENT);
    check(sqlite3_step(insert), handle, "insert");
    sqlite3_reset(insert);
    check(sqlite3_exec(handle, "COMMIT", nullptr, nullptr, nullptr), handle, "commit");
  }
  const double seconds = secondsSince(start);
  sqlite3_finalize(insert);
  sqlite3_close(handle);
  return seconds;
}

double storeRound(CaseStore& store, const std::vector<NewCase>& cases,
                  std::vector<std::string>* ids) {
  const auto start = Clock::now();
  for (const NewCase& newCase : cases) {
    auto created = store.create(newCase);
    if (!created) {
      std::fprintf(stderr, "onestop_store_bench: create: %s\n", created.error().detail().c_str());
      std::exit(1);
    }
    if (ids != nullptr) ids->push_back(created->id);
  }
  return secondsSince(start);
}

}  // namespace

int main(int argc, char** argv) {
  const int count = argc > 1 ? std::max(10, std::atoi(argv[1])) : 2000;
  const std::optional<fs::path> output = argc > 2 ? std::optional<fs::path>(argv[2]) : std::nullopt;
  std::string pattern = (fs::temp_directory_path() / "onestop-store-bench-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return 1;
  const fs::path dir = pattern;

  std::vector<NewCase> cases;
  for (int i = 0; i < count; ++i) cases.push_back(syntheticCase(i + 1));
  std::array<std::uint8_t, PiiCipher::kKeyBytes> key{};
  key.fill(0x5a);
  const auto cipher = PiiCipher::fromKey(key);
  auto database = Database::open(dir / "store.db");
  if (!database) {
    std::fprintf(stderr, "onestop_store_bench: %s\n", database.error().detail().c_str());
    return 1;
  }
  // Case ids have six digits per day and the whole run happens on one day.
  if (count * 3 + 10 > 999999) {
    std::fprintf(stderr, "onestop_store_bench: at most 333329 cases per round\n");
    return 2;
  }
  CaseStore store(*database, cipher, "79001");

  // Warm-up of both (page cache, file growth), not timed.
  baselineRound(dir / "baseline.db", std::vector<NewCase>(cases.begin(), cases.begin() + 10));
  storeRound(store, std::vector<NewCase>(cases.begin(), cases.begin() + 10), nullptr);

  std::vector<double> baseline;
  std::vector<double> stored;
  std::vector<std::string> ids;
  for (int round = 0; round < 3; ++round) {
    baseline.push_back(baselineRound(dir / "baseline.db", cases));
    stored.push_back(storeRound(store, cases, round == 0 ? &ids : nullptr));
  }

  // Sealing alone: what encryption adds per case, without the database.
  const auto sealStart = Clock::now();
  for (const NewCase& newCase : cases) {
    auto form = cipher->encrypt(newCase.form.dump(), "cases.form:HS-20261123-000001");
    auto card = cipher->encrypt(newCase.card.dump(), "cases.card:HS-20261123-000001");
    const std::string index = cipher->blindIndex(newCase.citizenIdNumber);
    if (!form || !card || index.empty()) return 1;
  }
  const double sealSeconds = secondsSince(sealStart);

  const auto submitStart = Clock::now();
  for (const std::string& id : ids) {
    auto submitted = store.submit(
        id, {.kind = "CT04", .dueDate = "2026-12-02", .data = {{"applicant", "NGUYỄN VĂN THỬ"}}});
    if (!submitted) {
      std::fprintf(stderr, "onestop_store_bench: submit: %s\n", submitted.error().detail().c_str());
      return 1;
    }
  }
  const double submitSeconds = secondsSince(submitStart);

  const double baselinePerSecond = count / median(baseline);
  const double storePerSecond = count / median(stored);
  const double ratio = baselinePerSecond / storePerSecond;  // store time per case ÷ baseline's
  const nlohmann::json report = {
      {"casesPerRound", count},
      {"rounds", 3},
      {"journal", "WAL, synchronous=NORMAL, one transaction per case"},
      {"baselineCasesPerSecond", baselinePerSecond},
      {"storeCasesPerSecond", storePerSecond},
      {"storeTimeRatio", ratio},
      {"sealOnlyCasesPerSecond", count / sealSeconds},
      {"submitsPerSecond", static_cast<double>(ids.size()) / submitSeconds},
  };
  std::printf("store case writes (WAL, synchronous=NORMAL, %d per round, median of 3)\n", count);
  std::printf("  bare sqlite3 baseline : %9.0f cases/s\n", baselinePerSecond);
  std::printf("  CaseStore (encrypted) : %9.0f cases/s   (%.2fx the baseline's time)\n",
              storePerSecond, ratio);
  std::printf("  sealing alone         : %9.0f cases/s\n", count / sealSeconds);
  std::printf("  CaseStore::submit     : %9.0f submits/s\n",
              static_cast<double>(ids.size()) / submitSeconds);
  if (output) std::ofstream(*output) << report.dump(2) << "\n";
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return 0;
}
