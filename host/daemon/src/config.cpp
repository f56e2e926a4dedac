#include "onestop/daemon/config.hpp"

#include <cstdlib>
#include <sstream>

#include "config_schema.hpp"
#include "onestop/api/schema.hpp"
#include "onestop/common/runtime_paths.hpp"

extern "C" char** environ;  // NOLINT: POSIX

namespace onestop::daemon {
namespace {

using api::Json;

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, separator)) {
    if (!part.empty()) parts.push_back(part);
  }
  return parts;
}

Result<Json> environmentLayer(const std::map<std::string, std::string>& env) {
  Json layer = Json::object();
  auto get = [&](const char* name) -> const std::string* {
    const auto it = env.find(name);
    return it == env.end() ? nullptr : &it->second;
  };
  if (const auto* port = get("ONESTOP_PORT")) {
    char* end = nullptr;
    const long value = std::strtol(port->c_str(), &end, 10);
    if (port->empty() || *end != '\0') {
      return Error(Reason::ValidationFailed, "ONESTOP_PORT: not a number: \"" + *port + "\"");
    }
    layer["server"]["port"] = value;
  }
  if (const auto* bind = get("ONESTOP_BIND")) layer["server"]["bind"] = split(*bind, ',');
  if (const auto* dir = get("ONESTOP_RUNTIME_DIR")) layer["runtimeDir"] = *dir;
  if (const auto* dirs = get("ONESTOP_PLUGIN_DIRS")) layer["plugins"]["dirs"] = split(*dirs, ':');
  if (const auto* root = get("ONESTOP_WEB_ROOT")) layer["webRoot"] = *root;
  if (const auto* state = get("ONESTOP_STATE_DIR")) layer["stateDir"] = *state;
  if (const auto* trust = get("ONESTOP_TRUST_DIRS")) layer["trust"]["dirs"] = split(*trust, ':');
  if (const auto* dirs = get("ONESTOP_PROCEDURE_DIRS")) {
    layer["procedures"]["dirs"] = split(*dirs, ':');
  }
  if (const auto* level = get("ONESTOP_LOG_LEVEL")) layer["logging"]["level"] = *level;
  if (const auto* format = get("ONESTOP_LOG_FORMAT")) layer["logging"]["format"] = *format;
  if (const auto* origins = get("ONESTOP_ALLOWED_ORIGINS")) {
    layer["security"]["allowedOrigins"] = split(*origins, ',');
  }
  return layer;
}

Json pathList(const std::vector<std::filesystem::path>& list) {
  Json out = Json::array();
  for (const auto& p : list) out.push_back(p.string());
  return out;
}

std::vector<std::filesystem::path> paths(const Json& list) {
  std::vector<std::filesystem::path> out;
  for (const auto& p : list) out.emplace_back(p.get<std::string>());
  return out;
}

}  // namespace

Result<Json> mergeConfigLayers(const std::string& fileText, const std::string& fileName,
                               const std::map<std::string, std::string>& environment) {
  Json merged = Json::parse(embeddedDefaultConfig());
  if (!fileText.empty()) {
    Json file;
    try {
      file = Json::parse(fileText);
    } catch (const Json::parse_error& e) {
      return Error(Reason::ValidationFailed, fileName + ": not valid JSON: " + e.what());
    }
    if (!file.is_object()) {
      return Error(Reason::ValidationFailed, fileName + ": the top level must be an object");
    }
    merged.merge_patch(file);
  }
  auto env = environmentLayer(environment);
  if (!env) return env.error();
  merged.merge_patch(*env);
  return merged;
}

Result<Config> parseConfig(const Json& document) {
  static const api::Schema schema(configSchema());
  if (auto errors = schema.validate(document); !errors.empty()) {
    std::string message;
    for (const auto& e : errors) message += (message.empty() ? "" : "; ") + e;
    return Error(Reason::ValidationFailed, message);
  }
  Config c;
  const auto& s = document.value("server", Json::object());
  c.server.bind = s.value("bind", c.server.bind);
  c.server.port = s.value("port", c.server.port);
  c.server.maxConnections = s.value("maxConnections", c.server.maxConnections);
  c.server.maxMessageBytes = s.value("maxMessageBytes", c.server.maxMessageBytes);
  c.server.maxBatch = s.value("maxBatch", c.server.maxBatch);
  c.server.handshakeTimeout = std::chrono::seconds(s.value("handshakeTimeoutSeconds", 5));
  c.server.idleTimeout = std::chrono::seconds(s.value("idleTimeoutSeconds", 300));
  c.server.pingInterval = std::chrono::seconds(s.value("pingIntervalSeconds", 30));

  const auto& sec = document.value("security", Json::object());
  const auto origins = sec.value("allowedOrigins", Json::array());
  for (const auto& entry : origins) {
    if (entry.is_string()) {
      c.security.allowedOrigins.push_back({entry.get<std::string>(), {"*"}});
    } else {
      c.security.allowedOrigins.push_back({entry["origin"].get<std::string>(),
                                           entry.value("families", std::vector<std::string>{"*"})});
    }
  }
  c.security.allowedHosts = sec.value("allowedHosts", std::vector<std::string>{});

  const auto& p = document.value("plugins", Json::object());
  c.plugins.dirs =
      paths(p.value("dirs", Json::array()));  // paths() copies before the temporary dies
  c.plugins.disabled = p.value("disabled", std::vector<std::string>{});
  const auto pluginSettings = p.value("settings", Json::object());
  for (const auto& [id, settings] : pluginSettings.items()) {
    c.plugins.settings[id] = settings;
  }
  c.runtimeDir = document.value("runtimeDir", std::string());
  c.webRoot = document.value("webRoot", std::string());
  c.stateDir = document.value("stateDir", std::string());
  const auto& t = document.value("trust", Json::object());
  c.trust.dirs = paths(t.value("dirs", Json::array()));
  const auto& pr = document.value("procedures", Json::object());
  c.procedures.dirs = paths(pr.value("dirs", Json::array()));
  c.procedures.watchInterval = std::chrono::milliseconds(pr.value("watchIntervalMs", 2000));
  c.procedures.adminUnitsDir = pr.value("adminUnitsDir", std::string());
  c.procedures.holidaysFile = pr.value("holidaysFile", std::string());
  const auto& f = document.value("forms", Json::object());
  c.forms.dirs = paths(f.value("dirs", Json::array()));
  c.unit = document.value("unit", Json::object());
  const auto& r = document.value("records", Json::object());
  c.records.retention = std::chrono::days(r.value("retentionDays", 1825));
  c.records.keyFile = r.value("keyFile", std::string());
  const auto& e = document.value("eid", Json::object());
  c.eid.onlineVerifier = e.value("onlineVerifier", Json(nullptr));
  const auto& b = document.value("blobs", Json::object());
  c.blobs.ttl = std::chrono::seconds(b.value("ttlSeconds", 600));
  c.blobs.maxBytes = b.value("maxBytes", c.blobs.maxBytes);
  const auto& l = document.value("logging", Json::object());
  c.logging.level = l.value("level", c.logging.level);
  c.logging.format = l.value("format", c.logging.format);
  return c;
}

Json Config::toJson() const {
  Json origins = Json::array();
  for (const auto& o : security.allowedOrigins) {
    origins.push_back(Json{{"origin", o.origin}, {"families", o.families}});
  }
  Json dirs = Json::array();
  for (const auto& d : plugins.dirs) dirs.push_back(d.string());
  Json trustDirs = Json::array();
  for (const auto& d : trust.dirs) trustDirs.push_back(d.string());
  Json settings = Json::object();
  for (const auto& [id, value] : plugins.settings) settings[id] = value;
  return Json{
      {"server",
       {{"bind", server.bind},
        {"port", server.port},
        {"maxConnections", server.maxConnections},
        {"maxMessageBytes", server.maxMessageBytes},
        {"maxBatch", server.maxBatch},
        {"handshakeTimeoutSeconds", server.handshakeTimeout.count()},
        {"idleTimeoutSeconds", server.idleTimeout.count()},
        {"pingIntervalSeconds", server.pingInterval.count()}}},
      {"security", {{"allowedOrigins", origins}, {"allowedHosts", security.allowedHosts}}},
      {"plugins", {{"dirs", dirs}, {"disabled", plugins.disabled}, {"settings", settings}}},
      {"runtimeDir", runtimeDir.string()},
      {"webRoot", webRoot.string()},
      {"stateDir", stateDir.string()},
      {"trust", {{"dirs", trustDirs}}},
      {"procedures",
       {{"dirs", pathList(procedures.dirs)},
        {"watchIntervalMs", procedures.watchInterval.count()},
        {"adminUnitsDir", procedures.adminUnitsDir.string()},
        {"holidaysFile", procedures.holidaysFile.string()}}},
      {"forms", {{"dirs", pathList(forms.dirs)}}},
      {"unit", unit},
      {"records",
       {{"retentionDays", records.retention.count()}, {"keyFile", records.keyFile.string()}}},
      {"eid", {{"onlineVerifier", eid.onlineVerifier}}},
      {"blobs", {{"ttlSeconds", blobs.ttl.count()}, {"maxBytes", blobs.maxBytes}}},
      {"logging", {{"level", logging.level}, {"format", logging.format}}}};
}

void resolveDefaultPaths(Config& config, const std::filesystem::path& executableDir) {
  auto bin = executableDir;
  if (!bin.has_filename()) bin = bin.parent_path();  // "…/bin/" → "…/bin"
  const auto prefix = bin.parent_path();
  if (config.plugins.dirs.empty()) config.plugins.dirs.push_back(prefix / "lib/onestop/plugins");
  if (config.webRoot.empty()) config.webRoot = prefix / "share/onestop/web";
  if (config.runtimeDir.empty()) config.runtimeDir = defaultRuntimeDir();
  if (config.trust.dirs.empty()) config.trust.dirs.push_back(prefix / "share/onestop/trust");
  if (config.stateDir.empty()) config.stateDir = defaultStateDir();
  if (config.procedures.dirs.empty()) {
    config.procedures.dirs.push_back(prefix / "lib/onestop/procedures");
  }
  if (config.procedures.adminUnitsDir.empty()) {
    config.procedures.adminUnitsDir = prefix / "share/onestop/admin-units";
  }
  if (config.procedures.holidaysFile.empty()) {
    config.procedures.holidaysFile = prefix / "share/onestop/holidays.json";
  }
  if (config.forms.dirs.empty()) config.forms.dirs.push_back(prefix / "share/onestop/forms");
  if (config.records.keyFile.empty()) config.records.keyFile = config.stateDir / "pii.key";
}

std::map<std::string, std::string> onestopEnvironment() {
  std::map<std::string, std::string> out;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const auto eq = entry.find('=');
    if (eq != std::string::npos && entry.rfind("ONESTOP_", 0) == 0) {
      out.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
  }
  return out;
}

}  // namespace onestop::daemon
