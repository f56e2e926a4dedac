// The counter transaction on a real printer: onestopd with the CUPS plugin over a private cupsd
// whose cups-pdf queue writes PDFs. Every procedure goes from a chip read of the simulator card
// to its forms and its intake receipt printed on that queue; the printed PDFs hold the citizen's
// name and the receipt's file code as text.
#include <cctype>

#include "cups_fixture.hpp"
#include "procedure_test_support.hpp"

namespace onestop::testing {
namespace {

constexpr const char* kCupsPrinter = "cups/onestop-pdf";

// cups-pdf distils the job again through Ghostscript, which drops the ToUnicode map of the
// Vietnamese letters outside Latin-1 (the page looks right; its text layer loses "Ễ"). Our own
// PDF's text is checked by forms.render's tests; on paper we look for what is ASCII: the ID
// number in its 12 boxes (spaces between boxes removed) and the receipt's file code.
std::string withoutSpaces(std::string text) {
  std::erase_if(text, [](unsigned char c) { return std::isspace(c) != 0; });
  return text;
}

// The test daemon's config with the CUPS plugin enabled (the test configs disable it so that
// other tests never depend on a scheduler).
std::string configWithCups() {
  std::ifstream in(DaemonProcess::testConfig());
  auto config = Json::parse(in);
  config["plugins"]["disabled"] = Json::array({"sane"});
  const auto file =
      fs::temp_directory_path() / ("onestopd-cups-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << config.dump(2);
  return file.string();
}

class CupsPrinting : public ::testing::Test {
 protected:
  CupsFixture cups;  // first: the daemon inherits CUPS_SERVER
  DaemonProcess daemon{{}, configWithCups()};

  std::unique_ptr<ctl::RpcClient> connect() {
    ctl::RpcClient::Options options;
    options.port = daemon.port();
    options.timeout = std::chrono::seconds(30);
    options.origin = kOrigin;
    auto client = ctl::RpcClient::connect(options);
    if (!client) throw std::runtime_error(client.error().detail());
    return std::move(client).value();
  }

  std::string readCard(ctl::RpcClient& client) {
    ctl::RpcClient::Options options;
    options.port = daemon.port();
    options.token = daemon.token();
    auto admin = ctl::RpcClient::connect(options);
    EXPECT_TRUE(
        (*(*admin)->call("admin.simulator.insertCard", {{"card", "an-2021"}})).contains("result"));
    const auto truth = cardTruth("an-2021");
    const auto read = *client.call(
        "card.read",
        {{"reader", kReader},
         {"key",
          {{"idNumber", truth["printed"]["id"]}, {"dateOfBirth", truth["printed"]["dob"]}}}});
    EXPECT_TRUE(read.contains("result")) << read.dump();
    return read["result"]["readId"];
  }

  // Prints and waits for both the job's end and the PDF cups-pdf writes; its text.
  std::string print(ctl::RpcClient& client, const Json& params) {
    const auto seen = cups.pdfs();
    Json request = params;
    request["printer"] = kCupsPrinter;
    const auto submitted = *client.call("print.submit", request);
    EXPECT_TRUE(submitted.contains("result")) << submitted.dump();
    if (!submitted.contains("result")) return {};
    const auto end = waitForPrintEnd(client, submitted["result"]["job"]);
    EXPECT_EQ(end.value("method", ""), "print.completed") << end.dump() << cups.logTail();
    const auto pdf = cups.waitForPdf(std::chrono::seconds(30), seen);
    EXPECT_TRUE(pdf) << cups.logTail();
    return pdf ? pdfText(readText(*pdf)) : std::string();
  }
};

TEST_F(CupsPrinting, EveryProcedureEndsWithItsFormsAndReceiptPrintedOnTheCupsPdfQueue) {
  auto client = connect();
  const auto devices = *client->call("devices.list", {{"kind", "printer"}});
  ASSERT_NE(devices.dump().find(kCupsPrinter), std::string::npos) << devices.dump();
  const auto readId = readCard(*client);
  const auto idNumber = cardTruth("an-2021")["printed"]["id"].get<std::string>();
  for (const auto& procedure : kProcedures) {
    SCOPED_TRACE(procedure);
    const auto created =
        *client->call("cases.create", {{"procedure", procedure}, {"cardRead", readId}});
    ASSERT_TRUE(created.contains("result")) << created.dump();
    const auto caseId = created["result"]["case"]["id"].get<std::string>();
    ASSERT_TRUE(
        (*client->call("cases.update", {{"case", caseId}, {"form", patchFor(*client, procedure)}}))
            .contains("result"));
    if (printsForms(*client, procedure)) {
      const auto text = withoutSpaces(print(*client, {{"case", caseId}}));
      EXPECT_NE(text.find(idNumber), std::string::npos) << text.substr(0, 600);
    }
    const auto submitted =
        *client->call("cases.submit", {{"case", caseId}, {"outcome", "accepted"}});
    ASSERT_TRUE(submitted.contains("result")) << submitted.dump();
    const auto fileCode = submitted["result"]["receipt"]["fileCode"].get<std::string>();
    EXPECT_NE(print(*client, {{"case", caseId}, {"form", "receipt"}}).find(fileCode),
              std::string::npos);
    const auto saved = *client->call("cases.get", {{"case", caseId}});
    EXPECT_EQ(saved["result"]["case"]["status"], "submitted");
  }
}

TEST_F(CupsPrinting, AStoppedQueueIsPrinterStoppedAndTheCaseIsKept) {
  auto client = connect();
  const auto created =
      *client->call("cases.create", {{"procedure", "tam-tru"}, {"cardRead", readCard(*client)}});
  const auto caseId = created["result"]["case"]["id"].get<std::string>();
  cups.rejectJobs();
  const auto refused = *client->call("print.submit", {{"case", caseId}, {"printer", kCupsPrinter}});
  EXPECT_EQ(reasonOf(refused), "PRINTER_STOPPED") << refused.dump();
  EXPECT_EQ((*client->call("cases.get", {{"case", caseId}}))["result"]["case"]["status"], "draft");
  cups.acceptJobs();
  EXPECT_NE(withoutSpaces(print(*client, {{"case", caseId}})).find("001095012345"),
            std::string::npos);
}

}  // namespace
}  // namespace onestop::testing
