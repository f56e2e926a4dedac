#include "onestop/daemon/services.hpp"

#include <Poco/Logger.h>

#include <chrono>
#include <optional>

#include "onestop/api/blob_store.hpp"
#include "onestop/api/dispatcher.hpp"
#include "onestop/api/event_hub.hpp"
#include "onestop/api/method_registry.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/metrics.hpp"
#include "onestop/daemon/runtime_dir.hpp"
#include "onestop/plugins/plugin_host.hpp"
#include "onestop/transport/handshake_policy.hpp"
#include "onestop/transport/server.hpp"
#include "onestop/version.hpp"

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

  api::registerAllMethods(p.registry, p.product, *p.pluginHost);
  p.dispatcher = std::make_unique<api::Dispatcher>(
      p.registry, api::Dispatcher::Limits{config.server.maxBatch},
      [&metrics = p.metrics](const api::CallRecord& call) {
        metrics.recordCall(call.method, call.outcome, call.duration);
      });
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
  parts_->pluginHost->setListener(nullptr);
  parts_->pluginHost->shutdown();
}

}  // namespace onestop::daemon
