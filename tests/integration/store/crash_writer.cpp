// onestop_store_crash_writer <database> <key-file>: writes cases to the store in a loop until it
// is killed, the way the daemon does during a stream of counter work. Each iteration creates a
// case, appends its audit row and every third case submits it with a receipt; only after those
// commits have returned is the case id printed (one per line, flushed), so every id printed is a
// promise that the case is durable against a crash of this process. Synthetic data only.
#include <cstdio>
#include <string>

#include "onestop/store/audit_log.hpp"
#include "onestop/store/case_store.hpp"
#include "onestop/store/database.hpp"
#include "onestop/store/pii_cipher.hpp"

namespace {

int fail(const char* step, const onestop::Error& error) {
  std::fprintf(stderr, "onestop_store_crash_writer: %s: %s\n", step, error.detail().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace onestop::store;
  if (argc != 3) {
    std::fprintf(stderr, "usage: onestop_store_crash_writer <database> <key-file>\n");
    return 2;
  }
  auto database = Database::open(argv[1]);
  if (!database) return fail("open database", database.error());
  auto cipher = PiiCipher::openKeyFile(argv[2]);
  if (!cipher) return fail("open key", cipher.error());
  CaseStore store(*database, *cipher, "79001");
  AuditLog audit(*database);

  for (long iteration = 1;; ++iteration) {
    const std::string serial = std::to_string(iteration);
    NewCase newCase{
        .procedure = "tam-tru",
        .procedureVersion = "1.0.0",
        .operatorId = "token",
        .form = {{"fullName", "NGƯỜI THỬ " + serial},
                 {"idNumber", "ID-" + serial},
                 {"serial", iteration},
                 {"note", std::string(static_cast<std::size_t>(iteration % 7) * 300, 'x')}},
        .card = {{"source", "qr"}, {"serial", iteration}},
        .citizenIdNumber = "ID-" + serial};
    auto created = store.create(newCase);
    if (!created) return fail("create", created.error());
    auto audited = audit.append({.actor = "token",
                                 .method = "cases.create",
                                 .subject = "case:" + created->id,
                                 .outcome = "OK"});
    if (!audited) return fail("audit", audited.error());
    if (iteration % 3 == 0) {
      auto submitted = store.submit(
          created->id, {.kind = "CT04", .dueDate = "2026-12-02", .data = {{"serial", iteration}}});
      if (!submitted) return fail("submit", submitted.error());
    }
    std::printf("%s %ld\n", created->id.c_str(), iteration);
    std::fflush(stdout);
  }
}
