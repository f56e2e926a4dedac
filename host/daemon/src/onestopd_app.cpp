#include "onestop/daemon/onestopd_app.hpp"

#include <Poco/Logger.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "onestop/daemon/config.hpp"
#include "onestop/daemon/logging.hpp"
#include "onestop/daemon/services.hpp"
#include "onestop/version.hpp"

namespace onestop::daemon {
namespace {

using Poco::Util::Option;

constexpr int kExitConfig = 78;       // EX_CONFIG
constexpr int kExitUnavailable = 69;  // EX_UNAVAILABLE: port busy, runtime dir unusable

// The file the daemon reads: --config, else $ONESTOP_CONFIG, else /etc/onestop/onestopd.json if
// present, else none (the embedded default alone).
std::string chooseConfigFile(const std::string& cli,
                             const std::map<std::string, std::string>& env) {
  if (!cli.empty()) return cli;
  if (const auto it = env.find("ONESTOP_CONFIG"); it != env.end()) return it->second;
  const char* system = "/etc/onestop/onestopd.json";
  return std::ifstream(system).good() ? system : "";
}

}  // namespace

void OnestopdApp::defineOptions(Poco::Util::OptionSet& options) {
  ServerApplication::defineOptions(options);
  options.addOption(Option("help", "h", "Show this help and exit."));
  options.addOption(Option("version", "v", "Print the version and exit."));
  options.addOption(Option("config", "c", "Configuration file (JSON).").argument("FILE"));
  options.addOption(Option("print-config", "", "Print the effective configuration and exit."));
  options.addOption(Option("port", "p", "TCP port (0 = any free port).").argument("PORT"));
  options.addOption(
      Option("runtime-dir", "", "Directory for the token, port and pid files.").argument("DIR"));
  options.addOption(Option("state-dir", "", "Directory for the audit database.").argument("DIR"));
  options.addOption(
      Option("trust-dirs", "", "CSCA certificate and CRL directories, colon-separated.")
          .argument("DIRS"));
  options.addOption(
      Option("plugin-dirs", "", "Plugin directories, colon-separated.").argument("DIRS"));
  options.addOption(Option("log-format", "", "text or json.").argument("FORMAT"));
}

void OnestopdApp::handleOption(const std::string& name, const std::string& value) {
  ServerApplication::handleOption(name, value);
  if (name == "help") {
    helpRequested_ = true;
    stopOptionsProcessing();
  } else if (name == "version") {
    versionRequested_ = true;
  } else if (name == "print-config") {
    printConfig_ = true;
  } else if (name == "config") {
    configPath_ = value;
  } else if (name == "port") {
    overrides_["ONESTOP_PORT"] = value;
  } else if (name == "runtime-dir") {
    overrides_["ONESTOP_RUNTIME_DIR"] = value;
  } else if (name == "state-dir") {
    overrides_["ONESTOP_STATE_DIR"] = value;
  } else if (name == "trust-dirs") {
    overrides_["ONESTOP_TRUST_DIRS"] = value;
  } else if (name == "plugin-dirs") {
    overrides_["ONESTOP_PLUGIN_DIRS"] = value;
  } else if (name == "log-format") {
    overrides_["ONESTOP_LOG_FORMAT"] = value;
  }
}

int OnestopdApp::main(const std::vector<std::string>& /*args*/) {
  if (helpRequested_) {
    Poco::Util::HelpFormatter help(options());
    help.setCommand(commandName());
    help.setUsage("[options]");
    help.setHeader("onestopd — local device and eID middleware for one-stop-shop counters.");
    help.setFooter(
        "Environment: ONESTOP_CONFIG, ONESTOP_PORT, ONESTOP_BIND, ONESTOP_RUNTIME_DIR, "
        "ONESTOP_PLUGIN_DIRS, ONESTOP_WEB_ROOT, ONESTOP_STATE_DIR, ONESTOP_TRUST_DIRS, "
        "ONESTOP_LOG_LEVEL, ONESTOP_LOG_FORMAT, "
        "ONESTOP_ALLOWED_ORIGINS.");
    help.format(std::cout);
    return EXIT_OK;
  }
  if (versionRequested_) {
    std::cout << "onestopd " << kVersion << '\n';
    return EXIT_OK;
  }
  return runDaemon();
}

int OnestopdApp::runDaemon() {
  auto environment = onestopEnvironment();
  for (const auto& [key, value] : overrides_) environment[key] = value;  // CLI beats environment

  const auto file = chooseConfigFile(configPath_, environment);
  std::string text;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) {
      std::cerr << "onestopd: config error: cannot read " << file << '\n';
      return kExitConfig;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  auto document = mergeConfigLayers(text, file.empty() ? "(embedded default)" : file, environment);
  if (!document) {
    std::cerr << "onestopd: config error: " << document.error().detail() << '\n';
    return kExitConfig;
  }
  auto parsed = parseConfig(*document);
  if (!parsed) {
    std::cerr << "onestopd: config error in " << (file.empty() ? "(embedded default)" : file)
              << ": " << parsed.error().detail() << '\n';
    return kExitConfig;
  }
  // Poco's own configuration is also called config(); ours is `settings` from here on.
  Config settings = std::move(parsed).value();
  resolveDefaultPaths(settings, config().getString("application.dir"));
  if (printConfig_) {
    std::cout << settings.toJson().dump(2) << '\n';
    return EXIT_OK;
  }

  configureLogging(settings.logging.level, settings.logging.format);
  auto& log = Poco::Logger::get("onestop.daemon");
  auto services = Services::start(settings);
  if (!services) {
    log.error("cannot start: %s", services.error().detail());
    return services.error().reason() == Reason::ValidationFailed ? kExitConfig : kExitUnavailable;
  }
  const auto port = (*services)->port();
  // stdout, so `scripts/run` shows it to the person at the counter PC whatever the log format.
  std::cout << "onestopd " << kVersion << " ready\n"
            << "  console: http://127.0.0.1:" << port << "/\n"
            << "  API:     ws://127.0.0.1:" << port << "/v1\n"
            << std::flush;
  waitForTerminationRequest();
  log.information("stopping");
  (*services)->stop();
  log.information("stopped");
  return EXIT_OK;
}

}  // namespace onestop::daemon
