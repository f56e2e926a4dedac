#include "cups_fixture.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "pcsc_process.hpp"

namespace onestop::testing {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

constexpr const char* kCupsPdfConf = "/etc/cups/cups-pdf.conf";
constexpr const char* kCupsPdfBackend = "/usr/lib/cups/backend/cups-pdf";
constexpr const char* kCupsPdfPpd = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd";
// lpadmin's name for that PPD (what `lpinfo -m` lists).
constexpr const char* kCupsPdfModel = "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd";

// A backend that fails every job (CUPS_BACKEND_FAILED); with printer-error-policy=abort-job its
// queue aborts the job, the one way to get an "aborted" job from a real scheduler. Without
// arguments a backend lists its devices.
constexpr const char* kFailingBackend = R"(#!/bin/sh
[ $# -eq 0 ] && { echo 'direct onestop-fail "Unknown" "onestop test backend: fails every job"'; exit 0; }
cat >/dev/null
echo "ERROR: the onestop test backend fails every job" >&2
exit 1
)";

// Inside the new mount namespace: the private cups-pdf.conf over the real one, then cupsd.
constexpr const char* kCupsdScript =
    R"(mount -n --bind "$1/cups-pdf.conf" /etc/cups/cups-pdf.conf || exit 1
exec cupsd -f -c "$1/etc/cupsd.conf" -s "$1/etc/cups-files.conf")";

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string tail(const fs::path& file, std::size_t maxBytes = 3000) {
  const std::string text = readFile(file);
  return text.size() > maxBytes ? text.substr(text.size() - maxBytes) : text;
}

// A loopback port nobody listens on now (cupsd gets it a moment later; a clash makes cupsd exit
// and the start is retried with another port).
int freeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return 0;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0) {
    port = ntohs(addr.sin_port);
  }
  close(fd);
  return port;
}

bool socketAccepts(const fs::path& path) {
  const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

// cups-pdf is done with a file once its trailer is written.
bool pdfComplete(const fs::path& file) {
  const std::string text = tail(file, 64);
  return text.find("%%EOF") != std::string::npos;
}

}  // namespace

CupsFixture::CupsFixture() {
  if (geteuid() != 0) {
    throw std::runtime_error(
        "CupsFixture needs root: cupsd runs in a private mount namespace and cups-pdf as root");
  }
  for (const char* file : {kCupsPdfConf, kCupsPdfBackend, kCupsPdfPpd}) {
    if (!fs::exists(file)) {
      throw std::runtime_error(std::string(file) +
                               " missing: apt-get install cups printer-driver-cups-pdf "
                               "(scripts/setup)");
    }
  }
  stateDir_ = fs::temp_directory_path() / ("onestop-cups-fixture-" + std::to_string(getpid()));
  outputDir_ = stateDir_ / "out";
  if (const char* before = std::getenv("CUPS_SERVER")) previousServer_ = before;
  ::setenv("CUPS_SERVER", socketPath().c_str(), 1);
  try {
    startCupsd();
    addQueue(queue_);
  } catch (...) {
    stopCupsd();
    std::error_code ec;
    fs::remove_all(stateDir_, ec);
    throw;
  }
}

CupsFixture::~CupsFixture() {
  stopCupsd();
  std::error_code ec;
  fs::remove_all(stateDir_, ec);
  if (previousServer_) {
    ::setenv("CUPS_SERVER", previousServer_->c_str(), 1);
  } else {
    ::unsetenv("CUPS_SERVER");
  }
}

fs::path CupsFixture::socketPath() const {
  return stateDir_ / "run" / "cups.sock";
}

bool CupsFixture::cupsdRunning() const {
  return processAlive(cupsdPid_);
}

void CupsFixture::writeConfig() {
  std::error_code ec;
  fs::remove_all(stateDir_, ec);
  for (const char* sub : {"etc/ppd", "etc/ssl", "state", "cache", "spool/tmp", "log", "run",
                          "cups-pdf-spool", "out"}) {
    fs::create_directories(stateDir_ / sub);
  }
  // Filters run as user lp and must reach the spool; cups-pdf writes as the submitting user.
  fs::permissions(stateDir_, fs::perms(0755));
  fs::permissions(outputDir_, fs::perms(01777));
  const std::string s = stateDir_.string();
  // A private ServerBin: CUPS's own programs, plus the failing backend next to cups-pdf.
  const fs::path serverBin = stateDir_ / "serverbin";
  fs::create_directories(serverBin / "backend");
  for (const char* sub : {"filter", "daemon", "cgi-bin", "monitor", "notifier", "driver"}) {
    fs::create_directory_symlink(fs::path("/usr/lib/cups") / sub, serverBin / sub);
  }
  fs::create_symlink(kCupsPdfBackend, serverBin / "backend" / "cups-pdf");
  std::ofstream(serverBin / "backend" / "onestop-fail") << kFailingBackend;
  // Owned by root and 0700: CUPS runs it as root and refuses group- or world-writable backends.
  fs::permissions(serverBin / "backend" / "onestop-fail", fs::perms(0700));
  std::ofstream(stateDir_ / "etc" / "cupsd.conf")
      << "LogLevel info\nListen 127.0.0.1:" << port_ << "\nListen " << socketPath().string()
      << "\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
      << "<Location />\n  Order allow,deny\n  Allow localhost\n</Location>\n"
      << "<Location /admin>\n  Order allow,deny\n  Allow localhost\n</Location>\n"
      << "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n";
  std::ofstream(stateDir_ / "etc" / "cups-files.conf")
      << "ServerRoot " << s << "/etc\nStateDir " << s << "/state\nCacheDir " << s
      << "/cache\nRequestRoot " << s << "/spool\nTempDir " << s << "/spool/tmp\nAccessLog " << s
      << "/log/access_log\nErrorLog " << s << "/log/error_log\nPageLog " << s
      << "/log/page_log\nServerBin " << serverBin.string() << "\nPrintcap " << s
      << "/printcap\nSystemGroup root lpadmin\nFileDevice No\n";
  // The stock cups-pdf.conf with its folders moved here; every other setting stays.
  std::string conf = readFile(kCupsPdfConf);
  auto set = [&](const std::string& key, const std::string& value) {
    const std::regex line("^#?" + key + " .*$", std::regex::multiline);
    if (std::regex_search(conf, line)) {
      conf = std::regex_replace(conf, line, key + " " + value);
    } else {
      conf += "\n" + key + " " + value + "\n";
    }
  };
  set("Out", outputDir_.string());
  set("AnonDirName", outputDir_.string());
  set("Spool", s + "/cups-pdf-spool");
  set("Log", s + "/log");
  std::ofstream(stateDir_ / "cups-pdf.conf") << conf;
}

void CupsFixture::startCupsd() {
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = freeLoopbackPort();
    if (port_ == 0) fail("no free loopback port");
    writeConfig();
    if (runProcess({"cupsd", "-t", "-c", (stateDir_ / "etc/cupsd.conf").string(), "-s",
                    (stateDir_ / "etc/cups-files.conf").string()},
                   stateDir_ / "log" / "config-check") != 0) {
      fail("cupsd rejected the generated configuration: " +
           readFile(stateDir_ / "log" / "config-check"));
    }
    cupsdPid_ = spawnProcess({"unshare", "--mount", "--propagation", "private", "sh", "-c",
                              kCupsdScript, "sh", stateDir_.string()},
                             stateDir_ / "log" / "cupsd.out");
    if (cupsdPid_ < 0) fail("cannot start cupsd");
    const auto deadline = steady_clock::now() + std::chrono::seconds(15);
    while (steady_clock::now() < deadline && processAlive(cupsdPid_)) {
      if (socketAccepts(socketPath())) return;
      std::this_thread::sleep_for(milliseconds(50));
    }
    if (processAlive(cupsdPid_)) fail("cupsd did not open " + socketPath().string() + " in 15 s");
    cupsdPid_ = -1;
    // Exited: most likely the port was taken in between; try another one.
  }
  fail("cupsd exited at start three times");
}

void CupsFixture::stopCupsd() {
  if (cupsdPid_ > 0) (void)stopProcess(cupsdPid_, SIGTERM, milliseconds(5000));
  cupsdPid_ = -1;
}

int CupsFixture::runTool(const std::vector<std::string>& argv) const {
  {
    std::ofstream log(stateDir_ / "log" / "tools.log", std::ios::app);
    log << '$';
    for (const auto& a : argv) log << ' ' << a;
    log << '\n';
  }
  return runProcess(argv, stateDir_ / "log" / "tools.log");
}

void CupsFixture::runToolOrThrow(const std::vector<std::string>& argv,
                                 const std::string& what) const {
  if (runTool(argv) != 0) fail(what + " failed");
}

void CupsFixture::addQueue(const std::string& name) {
  // "Printer drivers are deprecated" is a warning of CUPS 2.4; the PPD queue works.
  // pdftops-renderer-default=pdftops: the default (Ghostscript's ps2write at the PPD's level 2)
  // turns text into outlines, and the tests read the printed text back with pdftotext.
  runToolOrThrow({"lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-m", kCupsPdfModel, "-o",
                  "PageSize=A4", "-o", "pdftops-renderer-default=pdftops"},
                 "lpadmin -p " + name);
}

void CupsFixture::addDuplexQueue(const std::string& name) {
  // cups-pdf's PPD with a Duplex option, so CUPS lists two-sided-long-edge in sides-supported.
  const fs::path ppd = stateDir_ / (name + ".ppd");
  std::ofstream(ppd) << readFile(kCupsPdfPpd)
                     << "\n*OpenUI *Duplex/2-Sided Printing: PickOne\n"
                        "*OrderDependency: 10 AnySetup *Duplex\n*DefaultDuplex: None\n"
                        "*Duplex None/Off: \"<</Duplex false>>setpagedevice\"\n"
                        "*Duplex DuplexNoTumble/Long Edge: "
                        "\"<</Duplex true/Tumble false>>setpagedevice\"\n"
                        "*Duplex DuplexTumble/Short Edge: "
                        "\"<</Duplex true/Tumble true>>setpagedevice\"\n*CloseUI: *Duplex\n";
  runToolOrThrow({"lpadmin", "-p", name, "-E", "-v", "cups-pdf:/", "-P", ppd.string(), "-o",
                  "PageSize=A4", "-o", "pdftops-renderer-default=pdftops"},
                 "lpadmin -p " + name);
}

void CupsFixture::stopScheduler() {
  stopCupsd();
}

void CupsFixture::addFailingQueue(const std::string& name) {
  runToolOrThrow({"lpadmin", "-p", name, "-E", "-v", "onestop-fail:/", "-m", kCupsPdfModel, "-o",
                  "PageSize=A4", "-o", "printer-error-policy=abort-job"},
                 "lpadmin -p " + name);
}

void CupsFixture::stopQueue() {
  runToolOrThrow({"cupsdisable", queue_}, "cupsdisable " + queue_);
}

void CupsFixture::startQueue() {
  runToolOrThrow({"cupsenable", queue_}, "cupsenable " + queue_);
}

void CupsFixture::rejectJobs() {
  runToolOrThrow({"cupsreject", queue_}, "cupsreject " + queue_);
}

void CupsFixture::acceptJobs() {
  runToolOrThrow({"cupsaccept", queue_}, "cupsaccept " + queue_);
}

void CupsFixture::removeQueue() {
  runToolOrThrow({"lpadmin", "-x", queue_}, "lpadmin -x " + queue_);
}

int CupsFixture::submitWithLp(const fs::path& file, const std::vector<std::string>& extra) {
  std::vector<std::string> argv{"lp", "-d", queue_};
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back(file.string());
  const fs::path out = stateDir_ / "log" / "lp.out";
  std::error_code ec;
  fs::remove(out, ec);
  if (runProcess(argv, out) != 0) fail("lp failed: " + readFile(out));
  // "request id is onestop-pdf-12 (1 file(s))"
  std::smatch match;
  const std::string text = readFile(out);
  if (!std::regex_search(text, match, std::regex("request id is .*-([0-9]+) "))) {
    fail("lp gave no job id: " + text);
  }
  return std::stoi(match[1].str());
}

std::vector<fs::path> CupsFixture::pdfs() const {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(outputDir_, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".pdf") {
      found.push_back(entry.path());
    }
  }
  return found;
}

std::optional<fs::path> CupsFixture::waitForPdf(milliseconds timeout,
                                                const std::vector<fs::path>& seen) const {
  const auto deadline = steady_clock::now() + timeout;
  do {
    for (const auto& file : pdfs()) {
      if (std::find(seen.begin(), seen.end(), file) == seen.end() && pdfComplete(file)) {
        return file;
      }
    }
    std::this_thread::sleep_for(milliseconds(50));
  } while (steady_clock::now() < deadline);
  return std::nullopt;
}

std::string CupsFixture::logTail() const {
  const fs::path log = stateDir_ / "log";
  return "--- cupsd error_log\n" + tail(log / "error_log") + "\n--- cupsd console\n" +
         tail(log / "cupsd.out") + "\n--- tools\n" + tail(log / "tools.log") + "\n";
}

void CupsFixture::fail(const std::string& what) const {
  throw std::runtime_error("CupsFixture: " + what + "\n" + logTail());
}

}  // namespace onestop::testing
