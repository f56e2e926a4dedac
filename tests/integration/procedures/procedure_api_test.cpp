// procedures.* / cases.* / forms.render / print.* / stats.* against a real onestopd with the
// simulators and the shipped Lua procedures: every procedure from a chip read to a printed
// form and a numbered receipt, typed faults that keep the case, audit and statistics.
#include <set>

#include "procedure_test_support.hpp"

namespace onestop::testing {
namespace {

TEST_F(ProcedureApi, ListsTheEightProceduresWithTheirNationalCodes) {
  auto client = connect();
  const auto reply = *client->call("procedures.list");
  ASSERT_TRUE(reply.contains("result")) << reply.dump();
  const auto& result = reply["result"];
  EXPECT_EQ(result["problems"], Json::array()) << result["problems"].dump();
  std::map<std::string, std::string> codes;
  for (const auto& p : result["procedures"]) codes[p["id"]] = p["procedureCode"];
  const std::map<std::string, std::string> expected{
      {"thuong-tru", "1.004222"},  {"tam-tru", "1.004194"},  {"gia-han-tam-tru", "1.002755"},
      {"tam-vang", "1.003677"},    {"luu-tru", "2.001159"},  {"xoa-thuong-tru", "1.003197"},
      {"xoa-tam-tru", "1.010028"}, {"eid-muc-2", "1.011411"}};
  for (const auto& [id, code] : expected) EXPECT_EQ(codes[id], code) << id;

  const auto one = *client->call("procedures.get", {{"id", "tam-tru"}});
  ASSERT_TRUE(one.contains("result")) << one.dump();
  bool nameFromCard = false;
  for (const auto& field : one["result"]["fields"]) {
    if (field["id"] == "full_name") nameFromCard = field.value("source", "") == "card";
  }
  EXPECT_TRUE(nameFromCard);
  EXPECT_EQ(reasonOf(*client->call("procedures.get", {{"id", "no-such"}})), "PROCEDURE_NOT_FOUND");
}

TEST_F(ProcedureApi, EveryProcedureRunsFromAChipReadToAPrintedFormAndAReceipt) {
  auto client = connect();
  const auto truth = cardTruth("an-2021");
  const auto readId = readCard(*client, "an-2021");
  ASSERT_FALSE(readId.empty());
  for (const auto& procedure : kProcedures) {
    SCOPED_TRACE(procedure);
    auto created = createCase(*client, procedure, readId);
    ASSERT_TRUE(created.is_object());
    // Lưu trú records the guest's document number; every other form the personal ID number.
    const auto& form = created["form"];
    EXPECT_EQ(form.contains("id_number") ? form["id_number"] : form["document_number"],
              truth["printed"]["id"]);
    EXPECT_EQ(created["card"]["source"], "chip");
    EXPECT_EQ(created["card"]["verified"], true);
    const auto caseId = created["id"].get<std::string>();

    // The card cannot know everything: intake is refused until staff complete the form.
    if (errors(created["problems"]) > 0) {
      const auto early = *client->call("cases.submit", {{"case", caseId}, {"outcome", "accepted"}});
      EXPECT_EQ(reasonOf(early), "VALIDATION_FAILED");
      EXPECT_FALSE(early["error"]["data"]["details"]["problems"].empty()) << early.dump();
    }
    const auto updated =
        *client->call("cases.update", {{"case", caseId}, {"form", patchFor(*client, procedure)}});
    ASSERT_TRUE(updated.contains("result")) << updated.dump();
    EXPECT_EQ(errors(updated["result"]["case"]["problems"]), 0u)
        << updated["result"]["case"]["problems"].dump();

    if (printsForms(*client, procedure)) {
      const auto rendered = *client->call("forms.render", {{"case", caseId}, {"format", "pdf"}});
      ASSERT_TRUE(rendered.contains("result")) << rendered.dump();
      const auto pdf = httpGet(daemon.port(), rendered["result"]["blob"]["url"].get<std::string>(),
                               daemon.token());
      ASSERT_EQ(pdf.rfind("%PDF-", 0), 0u);
      EXPECT_NE(pdfText(pdf).find("NGUYỄN VĂN AN"), std::string::npos);

      const auto printed =
          *client->call("print.submit", {{"case", caseId}, {"printer", kSimPrinter}});
      ASSERT_TRUE(printed.contains("result")) << printed.dump();
      const auto end = waitForPrintEnd(*client, printed["result"]["job"]);
      EXPECT_EQ(end.value("method", ""), "print.completed") << end.dump();
    } else {
      EXPECT_EQ(reasonOf(*client->call("forms.render", {{"case", caseId}})), "FORM_NOT_FOUND");
    }

    const auto submitted =
        *client->call("cases.submit", {{"case", caseId}, {"outcome", "accepted"}});
    ASSERT_TRUE(submitted.contains("result")) << submitted.dump();
    const auto& receipt = submitted["result"]["receipt"];
    EXPECT_EQ(receipt["kind"], "CT04");
    EXPECT_NE(receipt["number"].get<std::string>().find("/PTN"), std::string::npos);
    EXPECT_FALSE(receipt["fileCode"].get<std::string>().empty());
    EXPECT_EQ(submitted["result"]["case"]["status"], "submitted");
    const auto receiptPdf =
        httpGet(daemon.port(), receipt["blob"]["url"].get<std::string>(), daemon.token());
    EXPECT_NE(pdfText(receiptPdf).find(receipt["fileCode"].get<std::string>()), std::string::npos);

    const auto receiptPrinted = *client->call(
        "print.submit", {{"case", caseId}, {"form", "receipt"}, {"printer", kSimPrinter}});
    ASSERT_TRUE(receiptPrinted.contains("result")) << receiptPrinted.dump();
    EXPECT_EQ(waitForPrintEnd(*client, receiptPrinted["result"]["job"]).value("method", ""),
              "print.completed");

    const auto again = *client->call("cases.get", {{"case", caseId}});
    ASSERT_TRUE(again.contains("result"));
    EXPECT_EQ(again["result"]["case"]["receipt"]["number"], receipt["number"]);
    // A submitted case is closed to edits.
    EXPECT_EQ(reasonOf(*client->call("cases.update",
                                     {{"case", caseId}, {"form", patchFor(*client, procedure)}})),
              "INVALID_STATE");
  }
}

TEST_F(ProcedureApi, APrinterFaultIsTypedAndTheCaseIsKept) {
  auto client = connect();
  auto admin = connect(false);
  const auto created = createCase(*client, "tam-tru", readCard(*client, "an-2021"));
  const auto caseId = created["id"].get<std::string>();

  ASSERT_TRUE(
      (*admin->call("admin.simulator.printerFault", {{"fault", "stopped"}})).contains("result"));
  const auto stopped = *client->call("print.submit", {{"case", caseId}, {"printer", kSimPrinter}});
  EXPECT_EQ(reasonOf(stopped), "PRINTER_STOPPED") << stopped.dump();
  EXPECT_TRUE(stopped["error"]["data"]["retriable"].get<bool>());
  const auto kept = *client->call("cases.get", {{"case", caseId}});
  ASSERT_TRUE(kept.contains("result"));
  EXPECT_EQ(kept["result"]["case"]["status"], "draft");
  EXPECT_EQ(kept["result"]["case"]["revision"], created["revision"]);

  ASSERT_TRUE(
      (*admin->call("admin.simulator.printerFault", {{"fault", "missing"}})).contains("result"));
  EXPECT_EQ(reasonOf(*client->call("print.submit", {{"case", caseId}, {"printer", kSimPrinter}})),
            "DEVICE_NOT_FOUND");

  ASSERT_TRUE(
      (*admin->call("admin.simulator.printerFault", {{"fault", "jobFailed"}})).contains("result"));
  const auto accepted = *client->call("print.submit", {{"case", caseId}, {"printer", kSimPrinter}});
  ASSERT_TRUE(accepted.contains("result")) << accepted.dump();
  const auto failed = waitForPrintEnd(*client, accepted["result"]["job"]);
  EXPECT_EQ(failed.value("method", ""), "print.failed") << failed.dump();
  EXPECT_EQ(failed["params"]["error"]["reason"], "PRINT_FAILED");

  ASSERT_TRUE(
      (*admin->call("admin.simulator.printerFault", {{"fault", "none"}})).contains("result"));
  const auto works = *client->call("print.submit", {{"case", caseId}, {"printer", kSimPrinter}});
  ASSERT_TRUE(works.contains("result")) << works.dump();
  EXPECT_EQ(waitForPrintEnd(*client, works["result"]["job"]).value("method", ""),
            "print.completed");
  const auto status = *client->call("print.status", {{"job", works["result"]["job"]}});
  EXPECT_EQ(status["result"]["state"], "completed");
  // Another session cannot see or cancel the job.
  auto other = connect();
  EXPECT_EQ(reasonOf(*other->call("print.status", {{"job", works["result"]["job"]}})),
            "JOB_NOT_FOUND");
}

TEST_F(ProcedureApi, BadInputIsTypedAndNamesTheField) {
  auto client = connect();
  const auto created = createCase(*client, "tam-tru", readCard(*client, "an-2021"));
  const auto caseId = created["id"].get<std::string>();
  const auto unknownField =
      *client->call("cases.update", {{"case", caseId}, {"form", {{"no_such_field", "x"}}}});
  EXPECT_EQ(reasonOf(unknownField), "VALIDATION_FAILED");
  EXPECT_NE(unknownField.dump().find("no_such_field"), std::string::npos);
  const auto badPhone =
      *client->call("cases.update", {{"case", caseId}, {"form", {{"phone", "12345"}}}});
  ASSERT_TRUE(badPhone.contains("result"));
  bool phoneProblem = false;
  for (const auto& p : badPhone["result"]["case"]["problems"]) {
    if (p["field"] == "phone") {
      phoneProblem = true;
      EXPECT_FALSE(p["vi"].get<std::string>().empty());
      EXPECT_FALSE(p["en"].get<std::string>().empty());
    }
  }
  EXPECT_TRUE(phoneProblem) << badPhone.dump();
  EXPECT_EQ(reasonOf(*client->call("cases.get", {{"case", "HS-20990101-999999"}})),
            "CASE_NOT_FOUND");
  EXPECT_EQ(
      reasonOf(*client->call("cases.create", {{"procedure", "tam-tru"}, {"cardRead", "read-999"}})),
      "INVALID_STATE");
  EXPECT_EQ(reasonOf(*client->call("forms.render", {{"case", caseId}, {"form", "XX99"}})),
            "FORM_NOT_FOUND");
  EXPECT_EQ(reasonOf(*client->call(
                "cases.update",
                {{"case", caseId}, {"form", {{"phone", "0912345678"}}}, {"revision", 999}})),
            "INVALID_STATE");
  // A page allowed only system.* and rpc.* cannot touch cases.
  auto reports = connect(true, "http://reports.test.example:8080");
  EXPECT_EQ(reasonOf(*reports->call("cases.get", {{"case", caseId}})), "PERMISSION_DENIED");
}

TEST_F(ProcedureApi, EveryAccessIsAuditedWithoutCitizenValuesAndCounted) {
  auto client = connect();
  const auto truth = cardTruth("an-2021");
  const auto created = createCase(*client, "eid-muc-2", readCard(*client, "an-2021"));
  const auto caseId = created["id"].get<std::string>();
  ASSERT_TRUE(
      (*client->call("cases.update", {{"case", caseId}, {"form", patchFor(*client, "eid-muc-2")}}))
          .contains("result"));
  ASSERT_TRUE(
      (*client->call("forms.render", {{"case", caseId}, {"format", "png"}})).contains("result"));
  const auto submitted = *client->call("cases.submit", {{"case", caseId}, {"outcome", "accepted"}});
  ASSERT_TRUE(submitted.contains("result")) << submitted.dump();

  auto admin = connect(false);
  const auto audit = *admin->call("audit.query", {{"limit", 1000}});
  ASSERT_TRUE(audit.contains("result")) << audit.dump();
  std::set<std::string> methods;
  for (const auto& entry : audit["result"]["records"]) {
    if (entry["subject"] == "case:" + caseId) methods.insert(entry["method"]);
  }
  for (const char* m : {"cases.create", "cases.update", "forms.render", "cases.submit"}) {
    EXPECT_TRUE(methods.contains(m)) << m;
  }
  const auto everything = audit.dump();
  for (const auto& value : {truth["printed"]["name"].get<std::string>(),
                            truth["printed"]["id"].get<std::string>(), std::string("Phố Huế")}) {
    EXPECT_EQ(everything.find(value), std::string::npos) << "audit log holds a citizen value";
  }

  const auto report = *client->call("stats.report");
  ASSERT_TRUE(report.contains("result")) << report.dump();
  const auto& totals = report["result"]["totals"];
  EXPECT_GE(totals["cases"]["eid-muc-2"]["created"].get<int>(), 1);
  EXPECT_GE(totals["cases"]["eid-muc-2"]["submitted"].get<int>(), 1);
  EXPECT_GE(totals["cardReads"]["chip"]["OK"].get<int>(), 1);
  EXPECT_GE(totals["verifications"]["genuine"].get<int>(), 1);
  EXPECT_GE(totals["eidRegistrations"].get<int>(), 1);
  const auto csv = *client->call("stats.export");
  ASSERT_TRUE(csv.contains("result")) << csv.dump();
  const auto text = httpGet(daemon.port(), csv["result"]["blob"]["url"], daemon.token());
  EXPECT_EQ(text.rfind("day,kind,key,outcome,count", 0), 0u) << text;
  EXPECT_NE(text.find(",case,eid-muc-2,submitted,"), std::string::npos) << text;
  const auto metrics = httpGet(daemon.port(), "/metrics", daemon.token());
  EXPECT_NE(metrics.find("onestop_cases_total{procedure=\"eid-muc-2\",outcome=\"submitted\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.find("onestop_eid_registrations_total{level=\"level2\",outcome=\"submitted\"}"),
            std::string::npos);
}

}  // namespace
}  // namespace onestop::testing
