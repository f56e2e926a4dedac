#include <gtest/gtest.h>

#include <string>

#include "onestop/store/audit_record.hpp"

namespace onestop::store {
namespace {

AuditRecord validRecord() {
  return {.actor = "https://counter.example",
          .session = "s-1",
          .method = "card.read",
          .subject = "reader:simulator/reader-0",
          .fields = {"DG1", "DG2", "DG13", "photo"},
          .outcome = "OK",
          .detail = "đọc thẻ / card read"};
}

void expectRejected(const AuditRecord& record, const std::string& mentions) {
  const auto result = validateAuditRecord(record);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(result.error().detail().find(mentions), std::string::npos) << result.error().detail();
}

TEST(AuditValidation, AcceptsATypicalRecord) {
  EXPECT_TRUE(validateAuditRecord(validRecord()).ok());
}

TEST(AuditValidation, AcceptsOptionalMembersEmptyAndFieldsAtTheirCaps) {
  AuditRecord record = validRecord();
  record.session.clear();
  record.subject.clear();
  record.detail.clear();
  record.fields.assign(kMaxAuditFields, std::string(kMaxAuditFieldBytes, 'a'));
  record.actor.assign(kMaxAuditActorBytes, 'x');
  EXPECT_TRUE(validateAuditRecord(record).ok());
}

TEST(AuditValidation, RejectsEmptyRequiredMembers) {
  AuditRecord record = validRecord();
  record.actor.clear();
  expectRejected(record, "actor");
  record = validRecord();
  record.method.clear();
  expectRejected(record, "method");
  record = validRecord();
  record.outcome.clear();
  expectRejected(record, "outcome");
}

TEST(AuditValidation, RejectsOverLongTextWithoutEchoingIt) {
  AuditRecord record = validRecord();
  record.detail = std::string(kMaxAuditDetailBytes, 'n') + "079203001234";
  expectRejected(record, "detail");
  EXPECT_EQ(validateAuditRecord(record).error().detail().find("079203001234"), std::string::npos);

  record = validRecord();
  record.subject.assign(kMaxAuditSubjectBytes + 1, 's');
  expectRejected(record, "subject");
  record = validRecord();
  record.session.assign(kMaxAuditSessionBytes + 1, 's');
  expectRejected(record, "session");
  record = validRecord();
  record.actor.assign(kMaxAuditActorBytes + 1, 'a');
  expectRejected(record, "actor");
}

TEST(AuditValidation, FieldsMustBeShortIdentifiers) {
  for (const char* bad : {"", "Nguyễn Văn A", "DG 1", "a,b", "x\n", "name=Lan"}) {
    AuditRecord record = validRecord();
    record.fields = {"DG1", bad};
    expectRejected(record, "field #1");
  }
  AuditRecord record = validRecord();
  record.fields = {std::string(kMaxAuditFieldBytes + 1, 'a')};
  expectRejected(record, "field #0");
  record.fields.assign(kMaxAuditFields + 1, "DG1");
  expectRejected(record, "fields");
  record.fields = {"DG1", "dg13.fullName", "a_b-c:d"};
  EXPECT_TRUE(validateAuditRecord(record).ok());
}

TEST(AuditValidation, MethodAndOutcomeAreNamesNotText) {
  AuditRecord record = validRecord();
  record.method = "card read";
  expectRejected(record, "method");
  record = validRecord();
  record.outcome = "ok";
  expectRejected(record, "outcome");
  record.outcome = "ACCESS_KEY_REJECTED";
  EXPECT_TRUE(validateAuditRecord(record).ok());
}

TEST(AuditValidation, RejectsControlCharactersAndMalformedUtf8) {
  for (const std::string& bad :
       {std::string("line\nbreak"), std::string("nul\0x", 5), std::string("\x1b[31m"),
        std::string("\xC3"), std::string("\xC0\xAF"), std::string("\xED\xA0\x80"),
        std::string("\xC2\x85")}) {
    AuditRecord record = validRecord();
    record.detail = bad;
    expectRejected(record, "detail");
  }
}

}  // namespace
}  // namespace onestop::store
