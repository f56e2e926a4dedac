#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "onestop/api/json.hpp"
#include "onestop/common/result.hpp"
#include "onestop/transport/handshake_policy.hpp"

namespace onestop::daemon {

struct Config {
  struct Server {
    std::vector<std::string> bind{"127.0.0.1", "::1"};
    std::uint16_t port = 47100;
    std::size_t maxConnections = 32;
    std::size_t maxMessageBytes = 1u << 20u;
    std::size_t maxBatch = 64;
    std::chrono::seconds handshakeTimeout{5};
    std::chrono::seconds idleTimeout{300};
    std::chrono::seconds pingInterval{30};
  } server;
  struct Security {
    std::vector<transport::AllowedOrigin> allowedOrigins;
    std::vector<std::string> allowedHosts;  // extra Host names, only with a non-loopback bind
  } security;
  struct Plugins {
    std::vector<std::filesystem::path> dirs;  // empty: <exe>/../lib/onestop/plugins
    std::vector<std::string> disabled;
    std::map<std::string, api::Json> settings;  // per-plugin config, passed to its init
  } plugins;
  std::filesystem::path runtimeDir;  // empty: /run/onestop (root) or $XDG_RUNTIME_DIR/onestop
  std::filesystem::path webRoot;     // empty: <exe>/../share/onestop/web
  // The audit database lives here; empty: /var/lib/onestop (root) or
  // $XDG_STATE_HOME/onestop (~/.local/state/onestop).
  std::filesystem::path stateDir;
  struct Trust {
    // CSCA certificates and CRLs for passive authentication; empty: <exe>/../share/onestop/trust.
    std::vector<std::filesystem::path> dirs;
  } trust;
  struct Eid {
    api::Json onlineVerifier;  // null: none (the national interface is not public)
  } eid;
  struct Procedures {
    // Folders holding <id>/ procedure folders; empty: <exe>/../lib/onestop/procedures.
    std::vector<std::filesystem::path> dirs;
    std::chrono::milliseconds watchInterval{2000};  // 0: no hot reload
    // The onestop.* host API's data; empty: <exe>/../share/onestop/{admin-units,holidays.json}.
    std::filesystem::path adminUnitsDir;
    std::filesystem::path holidaysFile;
  } procedures;
  struct Forms {
    // Form templates; later folders override earlier ones by form id. Empty:
    // <exe>/../share/onestop/forms.
    std::vector<std::filesystem::path> dirs;
  } forms;
  // The counter's unit as procedures see it (ctx.unit) and receipts print it.
  api::Json unit = api::Json::object();
  struct Records {
    std::chrono::days retention{1825};  // cases older than this are purged (0: never)
    std::filesystem::path keyFile;  // AES-256-GCM key of the PII columns; empty: <state>/pii.key
  } records;
  struct Blobs {
    std::chrono::seconds ttl{600};
    std::size_t maxBytes = 256u << 20u;
  } blobs;
  struct Logging {
    std::string level = "information";
    std::string format = "text";  // "text" | "json"
  } logging;

  // The effective configuration as JSON (for --print-config).
  [[nodiscard]] api::Json toJson() const;
};

// The default configuration compiled into the binary (config/onestopd.json of the source tree).
const char* embeddedDefaultConfig();

// Layers, later wins: embedded default, then the file (if any), then environment overrides
// (ONESTOP_PORT, ONESTOP_BIND, ONESTOP_RUNTIME_DIR, ONESTOP_PLUGIN_DIRS, ONESTOP_WEB_ROOT,
// ONESTOP_STATE_DIR, ONESTOP_TRUST_DIRS, ONESTOP_PROCEDURE_DIRS, ONESTOP_LOG_LEVEL,
// ONESTOP_LOG_FORMAT, ONESTOP_ALLOWED_ORIGINS). Errors name the key and why.
Result<api::Json> mergeConfigLayers(const std::string& fileText, const std::string& fileName,
                                    const std::map<std::string, std::string>& environment);

// Validates against the config schema and builds the typed Config.
Result<Config> parseConfig(const api::Json& document);

// Fills what the config left empty: plugin dirs and web root relative to the executable's
// directory (<exeDir>/../lib/onestop/plugins, <exeDir>/../share/onestop/web) and the runtime dir.
void resolveDefaultPaths(Config& config, const std::filesystem::path& executableDir);

// The environment variables above, read from the process.
std::map<std::string, std::string> onestopEnvironment();

}  // namespace onestop::daemon
