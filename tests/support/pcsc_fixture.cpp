#include "pcsc_fixture.hpp"

#include <PCSC/winscard.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "pcsc_process.hpp"

namespace onestop::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr const char* kDriver = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
constexpr const char* kPython = "/usr/bin/python3";  // Debian's: it sees the python3-* packages
constexpr const char* kViccPackage = "/usr/lib/python3/site-packages/virtualsmartcard";
constexpr int kViccPort = 35963;  // vpcd's first reader, "Virtual PCD 00 00"
// The eMRTD chip launcher beside this file (set by CMake).
constexpr const char* kLdsCardScript = ONESTOP_VICC_LDS_CARD_SCRIPT;

// pcscd in new network + mount namespaces: only loopback, no system drivers, /run/pcscd = $1/run.
constexpr const char* kPcscdScript = R"(ip link set lo up || exit 1
mount -n -t tmpfs -o mode=0755 onestop-drivers /usr/lib/pcsc/drivers || exit 1
mount -n -t tmpfs -o mode=0755 onestop-run /run || exit 1
mkdir /run/pcscd && mount -n --bind "$1/run" /run/pcscd || exit 1
exec pcscd --foreground --config "$1/reader.conf.d")";

// Debian's vicc launcher is missing; its classes need PyCrypto's name for pycryptodome.
constexpr const char* kViccScript = R"(import sys
sys.path.insert(0, sys.argv[1])
import Cryptodome, Cryptodome.Cipher, Cryptodome.Hash
for n in ("", ".Cipher", ".Hash"):
    sys.modules.setdefault("Crypto" + n, sys.modules["Cryptodome" + n])
from virtualsmartcard.VirtualSmartcard import VirtualICC
VirtualICC(None, "iso7816", "127.0.0.1", int(sys.argv[2])).run()
)";

bool onPath(const std::string& tool) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path != nullptr ? path : "/usr/sbin:/usr/bin:/sbin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':')) {
    if (access((fs::path(dir) / tool).c_str(), X_OK) == 0) return true;
  }
  return false;
}

std::string tail(const fs::path& file, std::size_t maxBytes = 2000) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  return text.size() > maxBytes ? text.substr(text.size() - maxBytes) : text;
}

// One PC/SC look at the reader: its card state, or nullopt when pcscd or the reader is absent.
std::optional<bool> cardPresent() {
  SCARDCONTEXT ctx = 0;
  if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx) != SCARD_S_SUCCESS) {
    return std::nullopt;
  }
  SCARD_READERSTATE state{};
  state.szReader = PcscFixture::kReaderName;
  state.dwCurrentState = SCARD_STATE_UNAWARE;
  const LONG rv = SCardGetStatusChange(ctx, 0, &state, 1);
  (void)SCardReleaseContext(ctx);
  if (rv != SCARD_S_SUCCESS || (state.dwEventState & SCARD_STATE_UNKNOWN) != 0) return std::nullopt;
  return (state.dwEventState & SCARD_STATE_PRESENT) != 0;
}

}  // namespace

std::optional<std::string> PcscFixture::unavailableReason() {
  if (geteuid() != 0) return "needs root (network and mount namespaces)";
  for (const char* tool : {"pcscd", "unshare", "nsenter", "ip", "mount"}) {
    if (!onPath(tool)) return std::string(tool) + " not found";
  }
  if (!fs::exists(kDriver)) return std::string(kDriver) + " missing (vsmartcard-vpcd)";
  if (!fs::exists(kPython)) return std::string(kPython) + " missing";
  if (!fs::exists(fs::path(kViccPackage) / "virtualsmartcard")) {
    return "python3-virtualsmartcard missing";
  }
  const fs::path log =
      fs::temp_directory_path() / ("onestop-pcsc-probe-" + std::to_string(getpid()));
  const int rc =
      runProcess({"unshare", "--net", "--mount", "--propagation", "private", "true"}, log);
  std::error_code ec;
  fs::remove(log, ec);
  if (rc != 0) return "cannot create network and mount namespaces (unshare failed)";
  return std::nullopt;
}

PcscFixture::PcscFixture(bool insertCard) {
  stateDir_ = fs::temp_directory_path() / ("onestop-pcsc-fixture-" + std::to_string(getpid()));
  prepareStateDir();
  ::setenv("PCSCLITE_CSOCK_NAME", socketPath().c_str(), 1);
  try {
    startPcscd();
    if (insertCard) this->insertCard();
  } catch (...) {
    stopPcscd(SIGTERM);
    std::error_code ec;
    fs::remove_all(stateDir_, ec);
    throw;
  }
}

PcscFixture::~PcscFixture() {
  stopPcscd(SIGTERM);
  std::error_code ec;
  fs::remove_all(stateDir_, ec);
}

fs::path PcscFixture::socketPath() const {
  return stateDir_ / "run" / "pcscd.comm";
}

void PcscFixture::prepareStateDir() {
  std::error_code ec;
  fs::remove_all(stateDir_, ec);
  fs::create_directories(stateDir_ / "run");
  fs::create_directories(stateDir_ / "reader.conf.d");
  fs::create_directories(stateDir_ / "lib");
  // The drivers folder is hidden inside the namespace, so the driver lives beside the config.
  fs::copy_file(kDriver, stateDir_ / "lib" / "libifdvpcd.so", fs::copy_options::overwrite_existing);
  std::ofstream conf(stateDir_ / "reader.conf.d" / "vpcd");
  conf << "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:0x8C7B\nLIBPATH "
       << (stateDir_ / "lib" / "libifdvpcd.so").string() << "\nCHANNELID 0x8C7B\n";
}

void PcscFixture::startPcscd() {
  if (pcscdPid_ > 0) return;
  launchPcscd();
  if (cardWanted_) insertCard();
}

void PcscFixture::launchPcscd() {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(stateDir_ / "run", ec)) fs::remove(entry, ec);
  pcscdPid_ = spawnProcess({"unshare", "--net", "--mount", "--propagation", "private", "sh", "-c",
                            kPcscdScript, "sh", stateDir_.string()},
                           stateDir_ / "pcscd.log");
  if (pcscdPid_ < 0) fail("cannot start pcscd");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    if (fs::exists(socketPath()) && cardPresent().has_value()) return;
    if (!processAlive(pcscdPid_)) {
      pcscdPid_ = -1;
      fail("pcscd exited");
    }
    std::this_thread::sleep_for(milliseconds(50));
  }
  fail("pcscd did not show the virtual reader within 10 s");
}

void PcscFixture::stopPcscd(int signal) {
  if (viccPid_ > 0) (void)stopProcess(viccPid_, SIGTERM, milliseconds(3000));
  viccPid_ = -1;
  if (pcscdPid_ > 0) (void)stopProcess(pcscdPid_, signal, milliseconds(5000));
  pcscdPid_ = -1;
}

void PcscFixture::insertCard() {
  cardWanted_ = true;
  if (pcscdPid_ <= 0) return;  // comes in with the next startPcscd
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (launchViccOnce()) return;
  }
  fail("vicc did not come up as a card");
}

void PcscFixture::insertLdsCard(const fs::path& ldsDir, LdsCardOptions options) {
  if (!fs::exists(ldsDir / "EF.DG1.bin")) fail(ldsDir.string() + " has no EF.DG1.bin");
  ldsDir_ = fs::absolute(ldsDir);
  ldsOptions_ = options;
  insertCard();
}

std::vector<std::string> PcscFixture::viccCommand() const {
  std::vector<std::string> argv{"nsenter", "--net=/proc/" + std::to_string(pcscdPid_) + "/ns/net",
                                kPython};
  if (!ldsDir_) {
    argv.insert(argv.end(), {"-c", kViccScript, kViccPackage, std::to_string(kViccPort)});
    return argv;
  }
  argv.insert(argv.end(), {kLdsCardScript, ldsDir_->string(), "--port", std::to_string(kViccPort)});
  if (ldsOptions_.do99) argv.emplace_back("--do99");
  if (ldsOptions_.cardAccess) argv.emplace_back("--card-access");
  if (ldsOptions_.replayable) argv.emplace_back("--replayable");
  return argv;
}

bool PcscFixture::launchViccOnce() {
  if (viccPid_ > 0) {
    // Take the old card out first, so that the wait below sees the new one come in.
    (void)stopProcess(viccPid_, SIGTERM, milliseconds(3000));
    viccPid_ = -1;
    (void)waitForCard(false, std::chrono::seconds(5));
  }
  viccPid_ = spawnProcess(viccCommand(), stateDir_ / "vicc.log");
  if (viccPid_ < 0) fail("cannot start vicc");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(6);
  while (std::chrono::steady_clock::now() < deadline) {
    if (cardPresent().value_or(false)) return true;
    if (!processAlive(viccPid_)) {
      viccPid_ = -1;
      std::this_thread::sleep_for(milliseconds(200));
      return false;
    }
    std::this_thread::sleep_for(milliseconds(50));
  }
  return false;
}

void PcscFixture::removeCard() {
  cardWanted_ = false;
  if (viccPid_ > 0) (void)stopProcess(viccPid_, SIGTERM, milliseconds(3000));
  viccPid_ = -1;
  if (pcscdPid_ > 0 && !waitForCard(false, std::chrono::seconds(10))) {
    fail("the card is still reported after vicc stopped");
  }
}

bool PcscFixture::waitForCard(bool present, milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto state = cardPresent();
    if (state.has_value() && *state == present) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(50));
  }
}

std::string PcscFixture::logTail() const {
  return "--- pcscd.log ---\n" + tail(stateDir_ / "pcscd.log") + "\n--- vicc.log ---\n" +
         tail(stateDir_ / "vicc.log");
}

void PcscFixture::fail(const std::string& what) const {
  throw std::runtime_error("PcscFixture: " + what + "\n" + logTail());
}

}  // namespace onestop::testing
