// Card-read benchmark (issue 4): a full read of the generated card an-2021 over a private pcscd
// with vpcd and Debian's vicc (PcscFixture + tests/support/vicc_lds_card.py), through the real
// pcsc plugin, workflows::ReaderTransport and emrtd::readCard with BAC and secure messaging.
// Every figure is a ratio against a baseline measured in the same run:
//   1. APDUs of the read against the computed minimum (BAC + SELECTs + Σ⌈size/chunk⌉);
//   2. wall time against a bare replay of the same command APDUs (raw SCardTransmit; the chip
//      runs with --replayable and the reader with fixed random numbers, so the replayed session
//      is the same one and every response is checked byte for byte);
//   3. against the reference reader shared/testkit/read-card-bac.py, when it and pyscard exist;
//   4. time until DG13 has been read as a share of the read (files read COM, DG13, DG1, DG2 ...);
//   5. passive authentication against `openssl cms -verify` on the same EF.SOD.
// Needs root (the fixture's namespaces). Usage: onestop_card_read_bench [rounds] [json-out]
#include <PCSC/winscard.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "observed_transport.hpp"
#include "onestop/emrtd/card_session.hpp"
#include "onestop/emrtd/passive_auth.hpp"
#include "onestop/emrtd/plain_channel.hpp"
#include "onestop/emrtd/random_source.hpp"
#include "onestop/emrtd/secure_messaging.hpp"
#include "onestop/emrtd/tlv.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "onestop/plugins/plugin_host.hpp"
#include "onestop/workflows/reader_transport.hpp"
#include "pcsc_fixture.hpp"
#include "pcsc_process.hpp"
#include "test_card_data.hpp"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using onestop::emrtd::Bytes;
using onestop::testing::PcscFixture;

constexpr const char* kCard = "an-2021";
constexpr const char* kReferenceReader = "/work/shared/testkit/read-card-bac.py";
const std::string kReaderId = std::string("pcsc/") + PcscFixture::kReaderName;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

[[noreturn]] void die(const std::string& why) {
  std::cerr << "card_read_bench: " << why << "\n";
  std::exit(1);
}

// The files in the order the product reads them: DG13 (the citizen's fields) right after BAC.
std::vector<onestop::emrtd::LdsFile> benchFiles() {
  namespace lds = onestop::emrtd::lds;
  return {lds::kCom,           *lds::dataGroup(13), *lds::dataGroup(1), *lds::dataGroup(2),
          *lds::dataGroup(14), *lds::dataGroup(15), lds::kSod};
}

struct ReadTiming {
  double totalMs = 0;
  double dg13Ms = 0;              // until DG13's last byte arrived
  std::size_t apdusForFiles = 0;  // APDUs until the last file was read (before CA)
  std::size_t apdus = 0;          // all APDUs of readCard
};

class Bench {
 public:
  Bench(const onestop::testing::TestCard& card, std::size_t rounds) : card_(card), rounds_(rounds) {
    if (!trust_.addDirectory((onestop::testing::testCardsDir() / "trust").string())) {
      die("cannot load the trust folder");
    }
    fixture_ = std::make_unique<PcscFixture>(false);
    fixture_->insertLdsCard(card.dir, {.do99 = false, .cardAccess = false, .replayable = true});
    onestop::plugins::PluginHostOptions options;
    options.directories = {fs::path(ONESTOP_PLUGIN_STAGE_DIR) / "pcsc"};
    host_ = std::make_unique<onestop::plugins::PluginHost>(options);
  }

  std::shared_ptr<onestop::plugins::ReaderConnection> connect() {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (Clock::now() < deadline) {
      if (auto c = host_->connectReader(kReaderId)) return *c;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    die("the pcsc plugin cannot connect to the virtual card\n" + fixture_->logTail());
  }

  // One readCard; `transport` may record. Fails the bench unless everything was read and PA
  // passed.
  ReadTiming readOnce(onestop::emrtd::CardTransport& transport,
                      const std::function<std::size_t()>& apduCounter,
                      const onestop::emrtd::LdsReadOptions& readOptions = {}) {
    ReadTiming timing;
    onestop::emrtd::CardReadRequest request;
    request.keys = {{onestop::emrtd::AccessKey::Kind::Mrz, card_.mrzInformation}};
    request.files = benchFiles();
    request.trust = &trust_;
    request.readOptions = readOptions;
    const Clock::time_point start = Clock::now();
    request.onProgress = [&](const onestop::emrtd::CardReadProgress& p) {
      if (p.state == onestop::emrtd::CardReadState::ReadFile && p.file != nullptr &&
          std::string(p.file) == "EF.DG13" && p.totalBytes > 0 && p.bytesRead == p.totalBytes) {
        timing.dg13Ms = millisecondsSince(start);
      }
      if ((p.state == onestop::emrtd::CardReadState::ChipAuthentication ||
           p.state == onestop::emrtd::CardReadState::PassiveAuthentication) &&
          timing.apdusForFiles == 0) {
        timing.apdusForFiles = apduCounter();
      }
    };
    // Fixed reader randomness: with the replayable chip, every session is the same session.
    onestop::emrtd::FixedRandomSource random(Bytes(4096, 0x5A));
    auto result = onestop::emrtd::readCard(transport, random, request);
    timing.totalMs = millisecondsSince(start);
    timing.apdus = apduCounter();
    if (!result) die("read failed: " + result.error().detail());
    if (result->files.size() != 7) die("not every file was read");
    if (!result->passiveAuthentication || !result->passiveAuthentication->passed()) {
      die("passive authentication did not pass");
    }
    lastFiles_ = result->files;
    return timing;
  }

  // Σ over the files: SELECT + ⌈size/chunk⌉ READ BINARY; plus SELECT AID, GET CHALLENGE and
  // MUTUAL AUTHENTICATE. chunk = the largest plain Ne one protected response can carry here.
  std::size_t minimumApdus(const onestop::emrtd::CardTransport& transport,
                           std::size_t* chunkOut) const {
    auto session = onestop::emrtd::SecureMessaging::create(onestop::emrtd::CipherAlgorithm::Des3,
                                                           Bytes(16, 1), Bytes(16, 2), Bytes(8, 0));
    const std::size_t chunk =
        session->maxPlainResponse(onestop::emrtd::maxResponseDataOf(transport));
    *chunkOut = chunk;
    std::size_t apdus = 1 + 2;
    for (const auto& [name, file] : lastFiles_) apdus += 1 + (file.size() + chunk - 1) / chunk;
    return apdus;
  }

  // The recorded commands over raw PC/SC; each response compared with the recorded one.
  double replayOnce(const std::vector<Bytes>& commands, const std::vector<Bytes>& responses) {
    SCARDCONTEXT context = 0;
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &context) != SCARD_S_SUCCESS ||
        SCardConnect(context, PcscFixture::kReaderName, SCARD_SHARE_SHARED,
                     SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol) != SCARD_S_SUCCESS) {
      die("replay: cannot connect over PC/SC");
    }
    const SCARD_IO_REQUEST* pci = protocol == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    std::vector<unsigned char> buffer(65546);
    std::size_t differing = 0;
    const Clock::time_point start = Clock::now();
    for (std::size_t i = 0; i < commands.size(); ++i) {
      DWORD length = static_cast<DWORD>(buffer.size());
      if (SCardTransmit(card, pci, commands[i].data(), static_cast<DWORD>(commands[i].size()),
                        nullptr, buffer.data(), &length) != SCARD_S_SUCCESS) {
        die("replay: SCardTransmit failed at APDU " + std::to_string(i + 1));
      }
      if (!std::equal(buffer.data(), buffer.data() + length, responses[i].begin(),
                      responses[i].end())) {
        ++differing;
      }
    }
    const double elapsed = millisecondsSince(start);
    (void)SCardDisconnect(card, SCARD_LEAVE_CARD);
    (void)SCardReleaseContext(context);
    if (differing != 0) {
      die("replay: " + std::to_string(differing) + " responses differ from the recorded session");
    }
    return elapsed;
  }

  // The recorded commands through the pcsc plugin (ReaderConnection::transmit), no crypto: the
  // plugin's share of the read's time.
  static double replayThroughPlugin(onestop::plugins::ReaderConnection& connection,
                                    const std::vector<Bytes>& commands,
                                    const std::vector<Bytes>& responses) {
    const Clock::time_point start = Clock::now();
    for (std::size_t i = 0; i < commands.size(); ++i) {
      auto response = connection.transmit(commands[i]);
      if (!response || *response != responses[i]) {
        die("plugin replay: response " + std::to_string(i + 1) + " differs");
      }
    }
    return millisecondsSince(start);
  }

  PcscFixture& fixture() { return *fixture_; }
  const onestop::emrtd::TrustStore& trust() const { return trust_; }
  const std::map<std::string, Bytes>& files() const { return lastFiles_; }
  std::size_t rounds() const { return rounds_; }

 private:
  const onestop::testing::TestCard& card_;
  std::size_t rounds_;
  onestop::emrtd::TrustStore trust_;
  std::unique_ptr<PcscFixture> fixture_;
  std::unique_ptr<onestop::plugins::PluginHost> host_;
  std::map<std::string, Bytes> lastFiles_;
};

// Median wall time of `argv` over `rounds` runs (exit code 0 required), or nullopt.
std::optional<double> timeProcess(const std::vector<std::string>& argv, std::size_t rounds,
                                  const fs::path& log) {
  std::vector<double> times;
  for (std::size_t i = 0; i < rounds; ++i) {
    const Clock::time_point start = Clock::now();
    if (onestop::testing::runProcess(argv, log) != 0) return std::nullopt;
    times.push_back(millisecondsSince(start));
  }
  return median(times);
}

std::string verdict(bool met) {
  return met ? "met" : "NOT met";
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rounds =
      argc > 1 ? static_cast<std::size_t>(std::max(1, std::atoi(argv[1]))) : 10;
  const fs::path jsonOut = argc > 2 ? fs::path(argv[2]) : fs::path("card-read-bench.json");
  if (const auto why = PcscFixture::unavailableReason()) {
    std::cout << "card-read benchmark skipped: " << *why << "\n";
    return 0;
  }
  if (const auto why = onestop::testing::testCardsUnavailableReason(); !why.empty()) {
    std::cout << "card-read benchmark skipped: " << why << "\n";
    return 0;
  }
  const auto card = onestop::testing::loadTestCard(kCard);
  const fs::path work =
      fs::temp_directory_path() / ("onestop-card-bench-" + std::to_string(getpid()));
  fs::create_directories(work);
  Bench bench(card, rounds);

  // Warm-up read, recorded: the APDU sequence to replay and the APDU count.
  std::vector<Bytes> commands;
  std::vector<Bytes> responses;
  ReadTiming recorded;
  std::size_t chunk = 0;
  std::size_t minimum = 0;
  std::vector<double> readMs;
  std::vector<double> dg13Share;
  std::vector<double> pluginReplayMs;
  std::vector<double> replayMs;
  std::size_t wholeChunkProbeApdus = 0;
  {
    auto connection = bench.connect();
    onestop::workflows::ReaderTransport transport(connection);
    onestop::testing::ObservedTransport observed(transport);
    observed.recordCommands(true);
    recorded = bench.readOnce(observed, [&] { return observed.commandCount(); });
    commands = observed.commands();
    responses = observed.responses();
    minimum = bench.minimumApdus(transport, &chunk);
    (void)bench.replayOnce(commands, responses);  // warm-up of the raw PC/SC path
    // Read, raw replay and plugin replay take turns, so that the load of a shared machine
    // weighs on all three alike.
    for (std::size_t i = 0; i < rounds; ++i) {
      onestop::workflows::ReaderTransport timed(connection);
      const ReadTiming t = bench.readOnce(timed, [&] { return timed.commandCount(); });
      readMs.push_back(t.totalMs);
      dg13Share.push_back(t.dg13Ms / t.totalMs);
      replayMs.push_back(bench.replayOnce(commands, responses));
      pluginReplayMs.push_back(Bench::replayThroughPlugin(*connection, commands, responses));
    }
    // Informational: the first READ BINARY of each file asks for a whole chunk instead of the
    // 6-byte header probe (the chip answers a short file with 6282), which saves one APDU a file.
    onestop::emrtd::LdsReadOptions wholeChunkProbe;
    wholeChunkProbe.headerProbe = chunk;
    onestop::workflows::ReaderTransport probing(connection);
    wholeChunkProbeApdus = bench
                               .readOnce(
                                   probing, [&] { return probing.commandCount(); }, wholeChunkProbe)
                               .apdusForFiles;
    (void)connection->disconnect();
  }

  // Reference reader (pyscard), as a whole process, like a counter would run it.
  std::optional<double> referenceMs;
  std::string referenceNote;
  if (!fs::exists(kReferenceReader)) {
    referenceNote = std::string(kReferenceReader) + " not present";
  } else if (onestop::testing::runProcess({"/usr/bin/python3", "-c", "import smartcard"},
                                          work / "probe.log") != 0) {
    referenceNote = "python3-pyscard not importable";
  } else {
    referenceMs =
        timeProcess({"/usr/bin/python3", kReferenceReader, "--mrz-info", card.mrzInformation,
                     "--csca", (onestop::testing::testCardsDir() / "trust" / "csca.pem").string()},
                    std::min<std::size_t>(rounds, 5), work / "reference.log");
    if (!referenceMs)
      referenceNote = "the reference reader failed (see " + (work / "reference.log").string() + ")";
  }

  // Passive authentication: in process vs openssl cms -verify on the same SOD.
  const Bytes& sod = bench.files().at("EF.SOD");
  std::map<int, Bytes> groups;
  for (const auto& [name, bytes] : bench.files()) {
    if (name.rfind("EF.DG", 0) == 0) groups[std::stoi(name.substr(5))] = bytes;
  }
  std::vector<double> paMs;
  for (std::size_t i = 0; i < std::max<std::size_t>(rounds, 20); ++i) {
    const Clock::time_point start = Clock::now();
    const auto v = onestop::emrtd::verifyPassiveAuthentication(sod, groups, bench.trust());
    paMs.push_back(millisecondsSince(start));
    if (!v.passed()) die("passive authentication failed in the PA rounds");
  }
  auto outer = onestop::emrtd::parseTlv(sod);
  if (!outer) die("EF.SOD is not TLV");
  {
    std::ofstream der(work / "sod.der", std::ios::binary);
    der.write(reinterpret_cast<const char*>(outer->value.data()),
              static_cast<std::streamsize>(outer->value.size()));
  }
  const auto opensslMs =
      timeProcess({"openssl", "cms", "-verify", "-inform", "DER", "-binary", "-purpose", "any",
                   "-CAfile", (onestop::testing::testCardsDir() / "trust" / "csca.pem").string(),
                   "-in", (work / "sod.der").string(), "-out", "/dev/null"},
                  std::min<std::size_t>(rounds, 10), work / "openssl.log");
  if (!opensslMs)
    die("openssl cms -verify failed on the SOD (see " + (work / "openssl.log").string() + ")");

  const double read = median(readMs);
  const double replay = median(replayMs);
  const double apduRatio =
      static_cast<double>(recorded.apdusForFiles) / static_cast<double>(minimum);
  const double wallRatio = read / replay;
  const double share = median(dg13Share);
  const double pa = median(paMs);
  const double paRatio = pa / *opensslMs;

  std::printf("== card read over pcscd + vicc (%s, %zu rounds, chunk %zu bytes) ==\n", kCard,
              rounds, chunk);
  std::printf("%-44s %12s %12s %10s %8s\n", "measure", "value", "baseline", "ratio", "goal");
  std::printf("%-44s %12zu %12zu %10.3f %8s  %s\n", "APDUs to read the files / computed minimum",
              recorded.apdusForFiles, minimum, apduRatio, "<=1.05",
              verdict(apduRatio <= 1.05).c_str());
  std::printf("%-44s %12zu\n", "APDUs of readCard in all (incl. CA attempt)", recorded.apdus);
  std::printf("%-44s %12zu %12zu %10.3f %8s  (informational)\n",
              "  same, first READ BINARY a whole chunk", wholeChunkProbeApdus, minimum,
              static_cast<double>(wholeChunkProbeApdus) / static_cast<double>(minimum), "<=1.05");
  std::printf("%-44s %10.1fms %10.1fms %10.3f %8s  %s\n", "full read / bare PC/SC replay", read,
              replay, wallRatio, "<=1.2", verdict(wallRatio <= 1.2).c_str());
  std::printf("%-44s %10.1fms %10.1fms %10.3f %8s  (informational)\n",
              "  replay through the pcsc plugin / bare", median(pluginReplayMs), replay,
              median(pluginReplayMs) / replay, "");
  if (referenceMs) {
    const double speedup = *referenceMs / read;
    std::printf("%-44s %10.1fms %10.1fms %9.2fx %8s  %s\n", "reference reader / full read",
                *referenceMs, read, speedup, ">=3x", verdict(speedup >= 3).c_str());
  } else {
    std::printf("%-44s skipped: %s\n", "reference reader (read-card-bac.py)",
                referenceNote.c_str());
  }
  std::printf("%-44s %11.1f%% %12s %10s %8s  %s\n", "time until DG13 read / full read", share * 100,
              "", "", "<=25%", verdict(share <= 0.25).c_str());
  std::printf("%-44s %10.2fms %10.1fms %10.3f %8s  %s\n", "passive auth / openssl cms -verify", pa,
              *opensslMs, paRatio, "<=0.2", verdict(paRatio <= 0.2).c_str());

  nlohmann::json json = {
      {"card", kCard},
      {"rounds", rounds},
      {"chunkBytes", chunk},
      {"apdus",
       {{"files", recorded.apdusForFiles},
        {"minimum", minimum},
        {"all", recorded.apdus},
        {"ratio", apduRatio},
        {"goal", 1.05},
        {"filesWithWholeChunkProbe", wholeChunkProbeApdus}}},
      {"wallTime",
       {{"readMedianMs", read},
        {"replayMedianMs", replay},
        {"ratio", wallRatio},
        {"pluginReplayMedianMs", median(pluginReplayMs)},
        {"goal", 1.2}}},
      {"dg13", {{"shareMedian", share}, {"goal", 0.25}}},
      {"passiveAuthentication",
       {{"medianMs", pa}, {"opensslMedianMs", *opensslMs}, {"ratio", paRatio}, {"goal", 0.2}}},
  };
  if (referenceMs) {
    json["reference"] = {{"medianMs", *referenceMs}, {"speedup", *referenceMs / read}, {"goal", 3}};
  } else {
    json["reference"] = {{"skipped", referenceNote}};
  }
  std::ofstream(jsonOut) << json.dump(2) << "\n";
  std::cout << "results: " << jsonOut.string() << "\n";
  std::error_code ec;
  fs::remove_all(work, ec);
  return 0;
}
