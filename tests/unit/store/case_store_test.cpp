// CaseStore over a real SQLite file: the life of a case (create, update with optimistic
// revisions, submit with a receipt), listing with filters, and the retention purge.
#include "onestop/store/case_store.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "onestop/store/audit_log.hpp"
#include "synthetic_case.hpp"
#include "temp_dir.hpp"

namespace onestop::store {
namespace {

using namespace std::chrono_literals;
using std::chrono::sys_days;

// 2026-11-23 10:00 UTC = 17:00 in Hanoi.
const auto kStart = sys_days{std::chrono::November / 23 / 2026} + 10h;

class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(dir.file("onestop.db"));
    ASSERT_TRUE(opened.ok()) << opened.error().detail();
    database = *opened;
    store.emplace(database, cipher, "79001", [this] { return now; });
  }

  CaseRecord createOne(const NewCase& newCase = test::syntheticCase()) {
    auto created = store->create(newCase);
    EXPECT_TRUE(created.ok()) << created.error().detail();
    return created.ok() ? *created : CaseRecord{};
  }

  test::TempDir dir;
  std::shared_ptr<Database> database;
  std::shared_ptr<PiiCipher> cipher = test::testCipher();
  std::chrono::system_clock::time_point now = kStart;
  std::optional<CaseStore> store;
};

TEST(CaseStatusNames, RoundTrip) {
  for (const auto status :
       {CaseStatus::Draft, CaseStatus::Submitted, CaseStatus::Returned, CaseStatus::Refused}) {
    EXPECT_EQ(caseStatusFromName(caseStatusName(status)), status);
  }
  EXPECT_EQ(caseStatusName(CaseStatus::Returned), "returned");
  EXPECT_FALSE(caseStatusFromName("Draft").has_value());
}

TEST_F(CaseStoreTest, CreateThenGetGivesTheSameCase) {
  const CaseRecord created = createOne();
  EXPECT_EQ(created.id, "HS-20261123-000001");
  EXPECT_EQ(created.status, CaseStatus::Draft);
  EXPECT_EQ(created.revision, 1);
  EXPECT_EQ(created.createdAt, "2026-11-23T10:00:00.000Z");
  auto fetched = store->get(created.id);
  ASSERT_TRUE(fetched.ok()) << fetched.error().detail();
  EXPECT_EQ(fetched->id, created.id);
  EXPECT_EQ(fetched->procedure, "thuong-tru");
  EXPECT_EQ(fetched->procedureVersion, "1.0.0");
  EXPECT_EQ(fetched->form, test::syntheticForm());
  EXPECT_EQ(fetched->card, test::syntheticCase().card);
  EXPECT_EQ(fetched->attachments, nlohmann::json::array());
  EXPECT_EQ(fetched->operatorId, "https://counter.example");
  EXPECT_EQ(fetched->createdAt, created.createdAt);
  EXPECT_FALSE(fetched->receipt.has_value());
  EXPECT_EQ(createOne().id, "HS-20261123-000002");
}

TEST_F(CaseStoreTest, CaseIdsFollowTheLocalDayAndRestartEachDay) {
  now = sys_days{std::chrono::November / 23 / 2026} + 16h + 59min;  // 23:59 in Hanoi
  EXPECT_EQ(createOne().id, "HS-20261123-000001");
  now = sys_days{std::chrono::November / 23 / 2026} + 17h;  // 00:00 on the 24th in Hanoi
  EXPECT_EQ(createOne().id, "HS-20261124-000001");
  EXPECT_EQ(createOne().id, "HS-20261124-000002");
}

TEST_F(CaseStoreTest, NullCardIsStoredAsNull) {
  NewCase newCase = test::syntheticCase();
  newCase.card = nullptr;
  newCase.citizenIdNumber.clear();
  const CaseRecord created = createOne(newCase);
  auto fetched = store->get(created.id);
  ASSERT_TRUE(fetched.ok());
  EXPECT_TRUE(fetched->card.is_null());
}

TEST_F(CaseStoreTest, CreateRejectsBadIdentifiersAndNonUtf8) {
  for (auto mutate : std::initializer_list<void (*)(NewCase&)>{
           [](NewCase& c) { c.procedure = ""; },
           [](NewCase& c) { c.procedure = "thuong tru"; },
           [](NewCase& c) { c.procedure = std::string(65, 'a'); },
           [](NewCase& c) { c.procedureVersion = ""; },
           [](NewCase& c) { c.procedureVersion = "1.0/0"; },
           [](NewCase& c) { c.operatorId = ""; },
           [](NewCase& c) { c.operatorId = "a\nb"; },
           [](NewCase& c) {
             c.form = {{"fullName", std::string("\xff\xfe")}};
           },
       }) {
    NewCase newCase = test::syntheticCase();
    mutate(newCase);
    auto created = store->create(newCase);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().reason(), Reason::ValidationFailed) << created.error().detail();
  }
  // Nothing was stored and no id was used up.
  EXPECT_EQ(createOne().id, "HS-20261123-000001");
}

TEST_F(CaseStoreTest, UpdateChangesOnlyWhatIsGivenAndBumpsTheRevision) {
  const CaseRecord created = createOne();
  now += 5min;
  nlohmann::json form = test::syntheticForm();
  form["phone"] = "0900000099";
  const nlohmann::json attachments = nlohmann::json::array(
      {{{"document", "lease"}, {"blob", "b-1"}, {"pages", 2}, {"mime", "application/pdf"}}});
  auto updated = store->update(created.id, form, attachments, 1);
  ASSERT_TRUE(updated.ok()) << updated.error().detail();
  EXPECT_EQ(updated->revision, 2);
  EXPECT_EQ(updated->form["phone"], "0900000099");
  EXPECT_EQ(updated->attachments, attachments);
  EXPECT_EQ(updated->card, test::syntheticCase().card);  // kept
  EXPECT_EQ(updated->createdAt, created.createdAt);
  EXPECT_EQ(updated->updatedAt, "2026-11-23T10:05:00.000Z");

  auto attachmentsOnly = store->update(created.id, std::nullopt, nlohmann::json::array());
  ASSERT_TRUE(attachmentsOnly.ok());
  EXPECT_EQ(attachmentsOnly->revision, 3);
  EXPECT_EQ(attachmentsOnly->form, form);  // kept
  EXPECT_EQ(attachmentsOnly->attachments, nlohmann::json::array());

  auto cardCleared = store->update(created.id, std::nullopt, std::nullopt, 3, nlohmann::json());
  ASSERT_TRUE(cardCleared.ok()) << cardCleared.error().detail();
  EXPECT_TRUE(cardCleared->card.is_null());
  EXPECT_EQ(cardCleared->revision, 4);
}

TEST_F(CaseStoreTest, StaleRevisionIsRefusedAndChangesNothing) {
  const CaseRecord created = createOne();
  ASSERT_TRUE(store->update(created.id, test::syntheticForm("A"), std::nullopt, 1).ok());
  auto stale = store->update(created.id, test::syntheticForm("B"), std::nullopt, 1);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().reason(), Reason::InvalidState);
  EXPECT_EQ(stale.error().detail(), "revision");
  auto fetched = store->get(created.id);
  ASSERT_TRUE(fetched.ok());
  EXPECT_EQ(fetched->form["fullName"], "A");
  EXPECT_EQ(fetched->revision, 2);
}

TEST_F(CaseStoreTest, UpdateRejectsBadAttachmentsAndUnknownCases) {
  const CaseRecord created = createOne();
  for (const nlohmann::json& bad :
       {nlohmann::json::object(), nlohmann::json("x"), nlohmann::json::array({1, 2})}) {
    auto updated = store->update(created.id, std::nullopt, bad);
    ASSERT_FALSE(updated.ok());
    EXPECT_EQ(updated.error().reason(), Reason::ValidationFailed);
  }
  auto missing = store->update("HS-20261123-999999", test::syntheticForm(), std::nullopt);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().reason(), Reason::CaseNotFound);
  auto notFound = store->get("HS-20261123-999999");
  ASSERT_FALSE(notFound.ok());
  EXPECT_EQ(notFound.error().reason(), Reason::CaseNotFound);
}

TEST_F(CaseStoreTest, SubmitIssuesNumberedReceiptsPerKindAndYear) {
  const CaseRecord a = createOne();
  const CaseRecord b = createOne();
  const CaseRecord c = createOne();
  const CaseRecord d = createOne();
  auto first = store->submit(
      a.id, {.kind = "CT04", .number = "999/PTN", .dueDate = "2026-12-02", .data = {{"x", 1}}});
  ASSERT_TRUE(first.ok()) << first.error().detail();
  EXPECT_EQ(first->status, CaseStatus::Submitted);
  EXPECT_EQ(first->revision, 2);
  ASSERT_TRUE(first->receipt.has_value());
  EXPECT_EQ(first->receipt->kind, "CT04");
  EXPECT_EQ(first->receipt->number, "1/PTN");  // the caller's number is ignored
  EXPECT_EQ(first->receipt->fileCode, "79001-20261123-000001");
  EXPECT_EQ(first->receipt->issuedAt, "2026-11-23T10:00:00.000Z");
  EXPECT_EQ(first->receipt->dueDate, "2026-12-02");
  EXPECT_EQ(first->receipt->data, nlohmann::json({{"x", 1}}));

  auto returned = store->submit(b.id, {.kind = "CT05", .data = nullptr});
  ASSERT_TRUE(returned.ok()) << returned.error().detail();
  EXPECT_EQ(returned->status, CaseStatus::Returned);
  EXPECT_EQ(returned->receipt->number, "1/HD");
  EXPECT_EQ(returned->receipt->fileCode, "79001-20261123-000002");
  auto refused = store->submit(c.id, {.kind = "CT06", .data = {{"reason", "thiếu giấy tờ"}}});
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->status, CaseStatus::Refused);
  EXPECT_EQ(refused->receipt->number, "1/TC");
  auto second = store->submit(d.id, {.kind = "CT04", .data = {}});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->receipt->number, "2/PTN");

  // The numbering restarts with the local year: 31/12/2026 17:00 UTC is 01/01/2027 in Hanoi.
  now = sys_days{std::chrono::December / 31 / 2026} + 17h;
  const CaseRecord e = createOne();
  EXPECT_EQ(e.id, "HS-20270101-000001");
  auto nextYear = store->submit(e.id, {.kind = "CT04", .data = {}});
  ASSERT_TRUE(nextYear.ok());
  EXPECT_EQ(nextYear->receipt->number, "1/PTN");
  EXPECT_EQ(nextYear->receipt->fileCode, "79001-20270101-000001");

  auto fetched = store->get(a.id);
  ASSERT_TRUE(fetched.ok());
  ASSERT_TRUE(fetched->receipt.has_value());
  EXPECT_EQ(fetched->receipt->number, "1/PTN");
}

TEST_F(CaseStoreTest, SubmittedCasesAreFinal) {
  const CaseRecord created = createOne();
  ASSERT_TRUE(store->submit(created.id, {.kind = "CT04", .data = {}}).ok());
  auto again = store->submit(created.id, {.kind = "CT04", .data = {}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason(), Reason::InvalidState);
  auto updated = store->update(created.id, test::syntheticForm(), std::nullopt);
  ASSERT_FALSE(updated.ok());
  EXPECT_EQ(updated.error().reason(), Reason::InvalidState);
  // The refused second submit took no number.
  const CaseRecord other = createOne();
  auto next = store->submit(other.id, {.kind = "CT04", .data = {}});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->receipt->number, "2/PTN");
}

TEST_F(CaseStoreTest, SubmitValidatesKindDueDateAndUnitCode) {
  const CaseRecord created = createOne();
  for (const Receipt& bad : {Receipt{.kind = "CT01"}, Receipt{.kind = ""},
                             Receipt{.kind = "CT04", .dueDate = "02/12/2026"},
                             Receipt{.kind = "CT04", .dueDate = "2026-02-30"}}) {
    auto submitted = store->submit(created.id, bad);
    ASSERT_FALSE(submitted.ok());
    EXPECT_EQ(submitted.error().reason(), Reason::ValidationFailed);
  }
  CaseStore badUnit(database, cipher, "79 001", [this] { return now; });
  auto submitted = badUnit.submit(created.id, {.kind = "CT04"});
  ASSERT_FALSE(submitted.ok());
  EXPECT_EQ(submitted.error().reason(), Reason::ValidationFailed);
  auto missing = store->submit("HS-20261123-999999", {.kind = "CT04"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().reason(), Reason::CaseNotFound);
}

TEST_F(CaseStoreTest, ListFiltersByProcedureStatusCitizenAndTime) {
  const CaseRecord a = createOne(test::syntheticCase("A", "079203999001"));
  now += 1min;
  NewCase tamTru = test::syntheticCase("B", "079203999002");
  tamTru.procedure = "tam-tru";
  const CaseRecord b = createOne(tamTru);
  now += 1min;
  const CaseRecord c = createOne(test::syntheticCase("C", "079203999001"));
  now += 1min;
  NewCase unknownCitizen = test::syntheticCase("D", "");
  const CaseRecord d = createOne(unknownCitizen);
  ASSERT_TRUE(store->submit(c.id, {.kind = "CT04", .data = {}}).ok());

  const auto ids = [&](const CaseQuery& query) {
    auto listed = store->list(query);
    EXPECT_TRUE(listed.ok()) << listed.error().detail();
    std::vector<std::string> out;
    if (listed.ok()) {
      for (const auto& summary : *listed) out.push_back(summary.id);
    }
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids({}), (V{d.id, c.id, b.id, a.id}));  // newest first
  EXPECT_EQ(ids({.procedure = "tam-tru"}), (V{b.id}));
  EXPECT_EQ(ids({.status = "submitted"}), (V{c.id}));
  EXPECT_EQ(ids({.status = "draft"}), (V{d.id, b.id, a.id}));
  EXPECT_EQ(ids({.citizenIdNumber = "079203999001"}), (V{c.id, a.id}));
  EXPECT_EQ(ids({.citizenIdNumber = " 079203999002 "}), (V{b.id}));
  EXPECT_EQ(ids({.citizenIdNumber = "079203999009"}), V{});
  EXPECT_EQ(ids({.since = "2026-11-23T10:01:00.000Z", .until = "2026-11-23T10:03"}),
            (V{c.id, b.id}));
  EXPECT_EQ(ids({.limit = 2}), (V{d.id, c.id}));

  auto listed = store->list({.status = "submitted"});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].receiptKind, "CT04");
  EXPECT_EQ((*listed)[0].receiptNumber, "1/PTN");
  EXPECT_EQ((*listed)[0].status, "submitted");
  EXPECT_EQ((*listed)[0].procedure, "thuong-tru");
  EXPECT_EQ((*listed)[0].operatorId, "https://counter.example");

  // A citizen found again after an update that gives the ID number late.
  ASSERT_TRUE(store->update(d.id, std::nullopt, std::nullopt, {}, {}, "079203999004").ok());
  EXPECT_EQ(ids({.citizenIdNumber = "079203999004"}), (V{d.id}));
}

TEST_F(CaseStoreTest, ListRejectsBadQueries) {
  for (const CaseQuery& bad :
       {CaseQuery{.limit = 0}, CaseQuery{.limit = 1001}, CaseQuery{.status = "open"},
        CaseQuery{.citizenIdNumber = " "}, CaseQuery{.since = "yesterday"},
        CaseQuery{.until = "2026-11-23' OR 1=1"}}) {
    auto listed = store->list(bad);
    ASSERT_FALSE(listed.ok());
    EXPECT_EQ(listed.error().reason(), Reason::ValidationFailed);
  }
}

TEST_F(CaseStoreTest, PurgeRemovesOldCasesWithTheirReceiptsButNotTheAuditLog) {
  AuditLog audit(database);
  const CaseRecord old1 = createOne();
  ASSERT_TRUE(store->submit(old1.id, {.kind = "CT04", .data = {}}).ok());
  ASSERT_TRUE(audit.append({.actor = "token", .method = "cases.submit", .outcome = "OK"}).ok());
  now += std::chrono::days{10};
  const CaseRecord recent = createOne();
  now += std::chrono::days{5};  // old1 is 15 days old, recent 5 (both in 2026)

  auto none = store->purgeOlderThan(std::chrono::days{16});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0u);
  auto purged = store->purgeOlderThan(std::chrono::days{10});
  ASSERT_TRUE(purged.ok()) << purged.error().detail();
  EXPECT_EQ(*purged, 1u);
  EXPECT_EQ(store->get(old1.id).error().reason(), Reason::CaseNotFound);
  EXPECT_TRUE(store->get(recent.id).ok());
  {
    const Connection connection = database->connect();
    auto receipts = connection.prepare("SELECT count(*) FROM receipts");
    ASSERT_TRUE(receipts.ok());
    ASSERT_TRUE(receipts->step().ok());
    EXPECT_EQ(receipts->integer(0), 0);
  }
  auto entries = audit.query({});
  ASSERT_TRUE(entries.ok());
  EXPECT_EQ(entries->size(), 1u);
  EXPECT_TRUE(audit.verifyChain().ok());

  // Numbers are not handed out again after a purge.
  auto next = store->submit(recent.id, {.kind = "CT04", .data = {}});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->receipt->number, "2/PTN");
  EXPECT_FALSE(store->purgeOlderThan(std::chrono::days{-1}).ok());
  auto all = store->purgeOlderThan(std::chrono::days{0});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, 1u);
}

TEST_F(CaseStoreTest, ARowMovedOrAlteredInTheFileFailsToDecrypt) {
  const CaseRecord a = createOne(test::syntheticCase("A", "079203999001"));
  const CaseRecord b = createOne(test::syntheticCase("B", "079203999002"));
  {
    const Connection connection = database->connect();
    // b's sealed form copied into a: authentic bytes, wrong row.
    ASSERT_TRUE(connection
                    .execute("UPDATE cases SET form = (SELECT form FROM cases WHERE id = '" + b.id +
                             "') WHERE id = '" + a.id + "'")
                    .ok());
  }
  auto moved = store->get(a.id);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().reason(), Reason::StorageFailed);
  {
    const Connection connection = database->connect();
    // One byte of b's sealed card flipped in place.
    auto select = connection.prepare("SELECT card FROM cases WHERE id = ?1");
    ASSERT_TRUE(select.ok());
    select->bind(1, b.id);
    ASSERT_TRUE(select->step().ok());
    std::vector<std::uint8_t> card = select->blob(0);
    ASSERT_GT(card.size(), 30u);
    card[20] ^= 0x04;
    auto write = connection.prepare("UPDATE cases SET card = ?1 WHERE id = ?2");
    ASSERT_TRUE(write.ok());
    ASSERT_TRUE(write->bindBlob(1, card).bind(2, b.id).run().ok());
  }
  auto flipped = store->get(b.id);
  ASSERT_FALSE(flipped.ok());
  EXPECT_EQ(flipped.error().reason(), Reason::StorageFailed);
}

}  // namespace
}  // namespace onestop::store
