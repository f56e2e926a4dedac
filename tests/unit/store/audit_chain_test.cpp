#include "onestop/store/audit_chain.hpp"

#include <gtest/gtest.h>

#include <string>

namespace onestop::store {
namespace {

AuditEntry sampleEntry() {
  AuditEntry entry;
  entry.sequence = 1;
  entry.time = "2025-01-02T03:04:05.678Z";
  entry.actor = "https://counter.example";
  entry.session = "s-1";
  entry.method = "card.read";
  entry.subject = "reader:simulator/reader-0";
  entry.fields = {"DG1", "DG13"};
  entry.outcome = "OK";
  entry.detail = "";
  entry.previousHash = std::string(kAuditGenesisHash);
  return entry;
}

std::string item(std::string_view text) {
  std::string out(7, '\0');
  out.push_back(static_cast<char>(text.size()));
  out.append(text);
  return out;
}

TEST(AuditChain, EncodingIsLengthPrefixedItemsInDocumentedOrder) {
  const std::string expected = item("onestop.audit.v1") + item("1") +
                               item("2025-01-02T03:04:05.678Z") + item("https://counter.example") +
                               item("s-1") + item("card.read") + item("reader:simulator/reader-0") +
                               item("2") + item("DG1") + item("DG13") + item("OK") + item("") +
                               item(kAuditGenesisHash);
  EXPECT_EQ(canonicalAuditEncoding(sampleEntry()), expected);
}

TEST(AuditChain, KnownAnswerHash) {
  // Computed independently: python3 hashlib.sha256 over the encoding in the test above.
  EXPECT_EQ(auditEntryHash(sampleEntry()),
            "82d2bfa7eed4a755c42d1349b6befaa229d94fc8790e53342cc7fc3e50fe60c1");
}

TEST(AuditChain, ShiftingBytesBetweenNeighbouringItemsChangesTheHash) {
  AuditEntry a = sampleEntry();
  a.actor = "ab";
  a.session = "c";
  AuditEntry b = sampleEntry();
  b.actor = "a";
  b.session = "bc";
  EXPECT_NE(auditEntryHash(a), auditEntryHash(b));

  AuditEntry oneField = sampleEntry();
  oneField.fields = {"DG1DG13"};
  AuditEntry twoFields = sampleEntry();
  twoFields.fields = {"DG1", "DG13"};
  EXPECT_NE(auditEntryHash(oneField), auditEntryHash(twoFields));
}

TEST(AuditChain, EveryCoveredMemberChangesTheHash) {
  const std::string base = auditEntryHash(sampleEntry());
  const auto changed = [&](auto mutate) {
    AuditEntry entry = sampleEntry();
    mutate(entry);
    return auditEntryHash(entry);
  };
  EXPECT_NE(changed([](AuditEntry& e) { e.sequence = 2; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.time = "2025-01-02T03:04:05.679Z"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.actor = "token"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.session = "s-2"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.method = "card.cancel"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.subject = "reader:other"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.fields.pop_back(); }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.outcome = "NO_CARD"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.detail = "x"; }), base);
  EXPECT_NE(changed([](AuditEntry& e) { e.previousHash[0] = '1'; }), base);
  // The stored hash is not part of what it covers.
  EXPECT_EQ(changed([](AuditEntry& e) { e.hash = "anything"; }), base);
}

}  // namespace
}  // namespace onestop::store
