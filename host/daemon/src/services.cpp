#include "onestop/daemon/services.hpp"

#include <Poco/Logger.h>

#include <chrono>
#include <optional>

#include "onestop/api/blob_store.hpp"
#include "onestop/api/card_reads.hpp"
#include "onestop/api/dispatcher.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/method_registry.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/metrics.hpp"
#include "onestop/api/print_jobs.hpp"
#include "onestop/api/scan_jobs.hpp"
#include "onestop/api/task_pool.hpp"
#include "onestop/daemon/retention.hpp"
#include "onestop/daemon/runtime_dir.hpp"
#include "onestop/emrtd/trust_store.hpp"
#include "onestop/forms/form_renderer.hpp"
#include "onestop/plugins/plugin_host.hpp"
#include "onestop/procedures/procedure_registry.hpp"
#include "onestop/procedures/working_calendar.hpp"
#include "onestop/store/audit_log.hpp"
#include "onestop/store/case_store.hpp"
#include "onestop/store/database.hpp"
#include "onestop/store/pii_cipher.hpp"
#include "onestop/store/statistics.hpp"
#include "onestop/transport/handshake_policy.hpp"
#include "onestop/transport/server.hpp"
#include "onestop/version.hpp"
#include "onestop/workflows/card_read.hpp"
#include "onestop/workflows/document_scan.hpp"
#include "onestop/workflows/online_verifier.hpp"
#include "onestop/workflows/printing.hpp"
#include "onestop/workflows/reader_access.hpp"

namespace onestop::daemon {
namespace {

Poco::Logger& logger() {
  return Poco::Logger::get("onestop.daemon");
}

plugins::PluginHostOptions pluginOptions(const Config& config) {
  plugins::PluginHostOptions options;
  options.directories = config.plugins.dirs;
  options.disabled = config.plugins.disabled;
  for (const auto& [id, settings] : config.plugins.settings) options.config[id] = settings.dump();
  options.log = [](plugins::LogLevel level, std::string message) {
    auto& log = Poco::Logger::get("onestop.plugins");
    switch (level) {
      case plugins::LogLevel::Debug:
        log.debug(message);
        break;
      case plugins::LogLevel::Info:
        log.information(message);
        break;
      case plugins::LogLevel::Warning:
        log.warning(message);
        break;
      case plugins::LogLevel::Error:
        log.error(message);
        break;
    }
  };
  return options;
}

// Every directory that exists; a missing one is only a warning (a fresh install has no CSCA yet,
// and then every card is reported as not chaining to a trusted CSCA).
std::shared_ptr<const emrtd::TrustStore> loadTrustStore(const Config& config) {
  auto trust = std::make_shared<emrtd::TrustStore>();
  for (const auto& dir : config.trust.dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      logger().warning("trust directory %s not found", dir.string());
      continue;
    }
    if (auto ok = trust->addDirectory(dir.string()); !ok) {
      logger().warning("trust directory %s: %s", dir.string(), ok.error().detail());
    }
  }
  logger().information("trust store: %z CSCA certificates, %z CRLs", trust->certificateCount(),
                       trust->crlCount());
  return trust;
}

Result<std::shared_ptr<store::Database>> openStateDatabase(const Config& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.stateDir, ec);
  if (ec) {
    return Error(Reason::StorageFailed,
                 "cannot create state directory " + config.stateDir.string() + ": " + ec.message());
  }
  std::filesystem::permissions(config.stateDir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  return store::Database::open(config.stateDir / "onestop.db");
}

// The statistics as Prometheus counters (design.md §7): totals since the database was created.
std::vector<api::Metrics::CounterSample> statisticsCounters(const store::Statistics& statistics) {
  std::vector<api::Metrics::CounterSample> out;
  auto totals = statistics.totals();
  if (!totals) return out;
  for (const auto& row : *totals) {
    const auto value = static_cast<double>(row.count);
    if (row.kind == "case") {
      out.push_back({"onestop_cases_total",
                     "Cases by procedure and outcome.",
                     {{"procedure", row.key}, {"outcome", row.outcome}},
                     value});
    } else if (row.kind == "card_read") {
      out.push_back({"onestop_card_reads_total",
                     "Card reads by path (chip, qr) and result.",
                     {{"path", row.key}, {"outcome", row.outcome}},
                     value});
    } else if (row.kind == "verification") {
      out.push_back({"onestop_verifications_total",
                     "Card verdicts of finished reads.",
                     {{"verdict", row.key}},
                     value});
    } else if (row.kind == "eid_registration") {
      out.push_back({"onestop_eid_registrations_total",
                     "eID level-2 registrations by outcome.",
                     {{"level", row.key}, {"outcome", row.outcome}},
                     value});
    } else if (row.kind == "print") {
      out.push_back({"onestop_prints_total",
                     "Print jobs by form and result.",
                     {{"form", row.key}, {"outcome", row.outcome}},
                     value});
    }
  }
  return out;
}

constexpr std::size_t kLongCallThreads = 4;
constexpr std::size_t kLongCallQueue = 32;
// Scan jobs have their own threads: a 50-page feeder must not hold a card read's thread. Two
// scanners at full speed saturate the two cores of a counter PC's encoder anyway.
constexpr std::size_t kScanThreads = 2;
constexpr std::size_t kScanQueue = 16;
constexpr std::size_t kScansPerSession = 2;

}  // namespace

struct Services::Parts {
  explicit Parts(const Config& c)
      : config(c),
        blobs(c.blobs.ttl, c.blobs.maxBytes),
        product{kVersion, std::chrono::system_clock::now()} {}

  Config config;
  std::optional<RuntimeDir> runtime;
  std::unique_ptr<plugins::PluginHost> pluginHost;
  api::MethodRegistry registry;
  api::EventHub hub;
  api::BlobStore blobs;
  api::Metrics metrics;
  api::ProductInfo product;
  std::shared_ptr<const emrtd::TrustStore> trust;
  std::shared_ptr<store::Database> database;
  std::unique_ptr<store::AuditLog> audit;
  std::unique_ptr<workflows::OnlineVerifier> onlineVerifier;
  std::unique_ptr<workflows::PluginReaderAccess> readerAccess;
  std::unique_ptr<workflows::CardReadWorkflow> cardReads;
  api::CardReads reads;
  std::unique_ptr<api::CardServices> cardServices;
  std::unique_ptr<workflows::PluginScannerAccess> scannerAccess;
  workflows::ScannerClaims scannerClaims;
  api::ScanJobs scanJobs{kScansPerSession};
  std::unique_ptr<api::ScanServices> scanServices;
  std::unique_ptr<procedures::ProcedureRegistry> procedures;
  std::shared_ptr<const procedures::WorkingCalendar> calendar;
  std::shared_ptr<forms::FormCatalog> forms;
  std::unique_ptr<store::CaseStore> cases;
  std::unique_ptr<store::Statistics> statistics;
  std::unique_ptr<api::ProcedureServices> procedureServices;
  std::unique_ptr<workflows::PluginPrinterAccess> printerAccess;
  api::PrintJobs printJobs;
  std::unique_ptr<api::PrintServices> printServices;
  std::unique_ptr<RetentionPurge> retention;
  api::TaskPool longCalls{kLongCallThreads, kLongCallQueue};
  api::TaskPool scanPool{kScanThreads, kScanQueue};
  std::unique_ptr<api::Dispatcher> dispatcher;
  std::unique_ptr<transport::HandshakePolicy> policy;
  std::unique_ptr<transport::Server> server;
  bool stopped = false;
};

Services::Services(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

Services::~Services() {
  stop();
}

Result<std::unique_ptr<Services>> Services::start(const Config& config) {
  auto parts = std::make_unique<Parts>(config);
  auto& p = *parts;

  // What needs neither plugins nor the runtime dir comes first, so that failing here leaves
  // nothing to undo.
  p.trust = loadTrustStore(config);
  auto database = openStateDatabase(config);
  if (!database) return database.error();
  p.database = std::move(database).value();
  p.audit = std::make_unique<store::AuditLog>(p.database);
  auto cipher = store::PiiCipher::openKeyFile(config.records.keyFile);
  if (!cipher) return cipher.error();
  p.cases = std::make_unique<store::CaseStore>(p.database, std::move(cipher).value(),
                                               config.unit.value("code", std::string("00000")));
  p.statistics = std::make_unique<store::Statistics>(p.database);
  auto calendar = procedures::WorkingCalendar::load(config.procedures.holidaysFile);
  if (!calendar) return calendar.error();
  p.calendar = std::move(calendar).value();
  auto registry = procedures::ProcedureRegistry::open(
      config.procedures.dirs,
      procedures::HostDataPaths{config.procedures.adminUnitsDir, config.procedures.holidaysFile});
  if (!registry) return registry.error();
  p.procedures = std::move(registry).value();
  for (const auto& problem : p.procedures->problems()) {
    logger().warning("procedure %s refused: %s (%s)", problem.id, problem.reason, problem.detail);
  }
  auto forms = forms::FormCatalog::load(config.forms.dirs);
  if (!forms) return forms.error();
  p.forms = std::move(forms).value();
  for (const auto& problem : p.forms->problems()) logger().warning("form template %s", problem);
  auto online = workflows::makeOnlineVerifier(config.eid.onlineVerifier);
  if (!online) return online.error();
  p.onlineVerifier = std::move(online).value();

  auto runtime = RuntimeDir::prepare(config.runtimeDir);
  if (!runtime) return runtime.error();
  p.runtime = std::move(runtime).value();
  auto token = p.runtime->writeNewToken();
  if (!token) return token.error();

  p.pluginHost = std::make_unique<plugins::PluginHost>(pluginOptions(config));
  p.pluginHost->setListener(
      [&hub = p.hub](const plugins::DeviceEvent& event) { api::publishDeviceEvent(hub, event); });
  for (const auto& report : p.pluginHost->plugins()) {
    if (report.state == plugins::PluginReport::State::Failed) {
      logger().warning("plugin %s refused: %s (%s)", report.id, report.reason, report.detail);
    } else {
      logger().information("plugin %s %s loaded", report.id, report.version);
    }
  }

  p.readerAccess = std::make_unique<workflows::PluginReaderAccess>(*p.pluginHost);
  p.cardReads = std::make_unique<workflows::CardReadWorkflow>(*p.readerAccess, p.trust);
  p.cardServices = std::make_unique<api::CardServices>(api::CardServices{
      *p.cardReads, p.trust, p.onlineVerifier.get(), *p.audit, p.reads, p.statistics.get()});

  p.scannerAccess = std::make_unique<workflows::PluginScannerAccess>(*p.pluginHost);
  p.scanServices = std::make_unique<api::ScanServices>(api::ScanServices{
      *p.scannerAccess, p.scannerClaims, p.scanJobs, p.blobs, *p.audit, p.onlineVerifier.get(),
      [&pool = p.scanPool](std::function<void()> task) { return pool.post(std::move(task)); },
      config.server.maxMessageBytes});

  p.procedureServices = std::make_unique<api::ProcedureServices>(api::ProcedureServices{
      *p.procedures, *p.forms, *p.cases, *p.statistics, *p.audit, p.blobs, p.reads, config.unit,
      [calendar = p.calendar](const std::string& isoDate, int workingDays) {
        return calendar->addWorkingDays(isoDate, workingDays);
      }});
  p.printerAccess = std::make_unique<workflows::PluginPrinterAccess>(*p.pluginHost);
  p.printServices = std::make_unique<api::PrintServices>(api::PrintServices{
      *p.printerAccess, p.printJobs, p.blobs, *p.audit, *p.statistics,
      [&pool = p.scanPool](std::function<void()> task) { return pool.post(std::move(task)); }});

  api::registerAllMethods(p.registry, p.product, *p.pluginHost, p.cardServices.get(),
                          p.scanServices.get(), p.procedureServices.get(), p.printServices.get());
  p.dispatcher = std::make_unique<api::Dispatcher>(
      p.registry, api::Dispatcher::Limits{config.server.maxBatch},
      [&metrics = p.metrics](const api::CallRecord& call) {
        metrics.recordCall(call.method, call.outcome, call.duration);
      },
      [&pool = p.longCalls](std::function<void()> task) { return pool.post(std::move(task)); });
  p.policy = std::make_unique<transport::HandshakePolicy>(config.security.allowedOrigins,
                                                          config.security.allowedHosts, *token);

  transport::ServerOptions options;
  options.bindAddresses = config.server.bind;
  options.port = config.server.port;
  options.maxConnections = config.server.maxConnections;
  options.maxMessageBytes = config.server.maxMessageBytes;
  options.handshakeTimeout = config.server.handshakeTimeout;
  options.idleTimeout = config.server.idleTimeout;
  options.pingInterval = config.server.pingInterval;
  options.webRoot = config.webRoot;
  p.server = std::make_unique<transport::Server>(
      options, transport::ServerServices{*p.policy, *p.dispatcher, p.hub, p.blobs, p.metrics});
  try {
    p.server->start();
  } catch (const std::exception& e) {
    p.pluginHost->shutdown();
    p.runtime->cleanup();
    return Error(Reason::IoError, e.what());
  }
  p.metrics.addCollector([&p] {
    const auto reports = p.pluginHost->plugins();
    const auto failed = std::count_if(reports.begin(), reports.end(), [](const auto& r) {
      return r.state == plugins::PluginReport::State::Failed;
    });
    return std::map<std::string, double>{
        {"onestop_sessions", static_cast<double>(p.server->activeSessions())},
        {"onestop_plugins_loaded",
         static_cast<double>(reports.size()) - static_cast<double>(failed)},
        {"onestop_plugins_failed", static_cast<double>(failed)},
        {"onestop_devices", static_cast<double>(p.pluginHost->devices().size())}};
  });
  p.metrics.addCounterCollector(
      [&statistics = *p.statistics] { return statisticsCounters(statistics); });
  if (config.procedures.watchInterval.count() > 0) {
    p.procedures->watch(config.procedures.watchInterval);
  }
  p.retention = std::make_unique<RetentionPurge>(*p.cases, config.records.retention);
  if (auto ok = p.runtime->writePid(); !ok) return ok.error();
  if (auto ok = p.runtime->writePort(p.server->port()); !ok) return ok.error();
  logger().information("listening on port %hu; runtime dir %s", p.server->port(),
                       config.runtimeDir.string());
  return std::unique_ptr<Services>(new Services(std::move(parts)));
}

std::uint16_t Services::port() const {
  return parts_->server->port();
}

void Services::stop() {
  if (!parts_ || parts_->stopped) return;
  parts_->stopped = true;
  parts_->runtime->cleanup();  // first: clients stop finding a daemon that is going away
  parts_->server->stop();
  parts_->retention.reset();
  parts_->longCalls.stop();  // sessions are closed: running reads see it and stop
  parts_->scanPool.stop();   // closed sessions cancelled their scans
  parts_->pluginHost->setListener(nullptr);
  parts_->pluginHost->shutdown();
}

}  // namespace onestop::daemon
