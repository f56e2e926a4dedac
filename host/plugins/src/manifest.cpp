#include "onestop/plugins/manifest.hpp"

#include <charconv>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace onestop::plugins {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIdLength = 64;
constexpr std::size_t kMaxTextLength = 128;

Error invalid(std::string detail) {
  return Error(Reason::ValidationFailed, "manifest: " + std::move(detail));
}

// A required, non-empty string field of at most kMaxTextLength bytes.
Result<std::string> requiredText(const json& doc, const char* field) {
  const auto it = doc.find(field);
  if (it == doc.end()) return invalid(std::string("missing \"") + field + "\"");
  if (!it->is_string()) return invalid(std::string("\"") + field + "\" is not a string");
  auto text = it->get<std::string>();
  if (text.empty() || text.size() > kMaxTextLength) {
    return invalid(std::string("\"") + field + "\" must have 1.." + std::to_string(kMaxTextLength) +
                   " characters");
  }
  return text;
}

bool parseNumber(std::string_view text, std::uint16_t& out) {
  if (text.empty() || text.size() > 5) return false;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

Result<void> parseAbi(const std::string& abi, Manifest& m) {
  const auto dot = abi.find('.');
  if (dot == std::string::npos || !parseNumber(std::string_view(abi).substr(0, dot), m.abiMajor) ||
      !parseNumber(std::string_view(abi).substr(dot + 1), m.abiMinor)) {
    return invalid("\"abi\" must be \"<major>.<minor>\", e.g. \"1.0\"");
  }
  return Ok{};
}

Result<void> parseKinds(const json& doc, Manifest& m) {
  const auto it = doc.find("kinds");
  if (it == doc.end() || !it->is_array() || it->empty()) {
    return invalid("\"kinds\" must be a non-empty array of \"reader\", \"scanner\", \"printer\"");
  }
  for (const auto& item : *it) {
    if (!item.is_string()) return invalid("\"kinds\" holds a non-string");
    const auto kind = deviceKindFromName(item.get<std::string>());
    if (!kind) return invalid("unknown kind \"" + item.get<std::string>() + "\"");
    for (DeviceKind seen : m.kinds) {
      if (seen == *kind) return invalid("kind \"" + item.get<std::string>() + "\" given twice");
    }
    m.kinds.push_back(*kind);
  }
  return Ok{};
}

bool isPlainFileName(std::string_view name) {
  return !name.empty() && name != "." && name != ".." &&
         name.find_first_of("/\\") == std::string_view::npos && name.find('\0') == name.npos;
}

}  // namespace

bool isValidPluginId(std::string_view id) {
  if (id.empty() || id.size() > kMaxIdLength || id.front() == '-') return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::vector<std::string> kindNames(const std::vector<DeviceKind>& kinds) {
  std::vector<std::string> names;
  names.reserve(kinds.size());
  for (DeviceKind k : kinds) names.emplace_back(deviceKindName(k));
  return names;
}

Result<Manifest> parseManifest(std::string_view jsonText) {
  const json doc = json::parse(jsonText.begin(), jsonText.end(), nullptr, false);
  if (doc.is_discarded()) return invalid("not valid JSON");
  if (!doc.is_object()) return invalid("not a JSON object");

  Manifest m;
  auto id = requiredText(doc, "id");
  if (!id) return id.error();
  if (!isValidPluginId(*id)) {
    return invalid("\"id\" must be 1..64 characters of [a-z0-9-], not starting with '-'");
  }
  m.id = std::move(*id);
  auto version = requiredText(doc, "version");
  if (!version) return version.error();
  m.version = std::move(*version);
  auto vendor = requiredText(doc, "vendor");
  if (!vendor) return vendor.error();
  m.vendor = std::move(*vendor);
  if (auto kinds = parseKinds(doc, m); !kinds) return kinds.error();
  auto abi = requiredText(doc, "abi");
  if (!abi) return abi.error();
  if (auto parsed = parseAbi(*abi, m); !parsed) return parsed.error();
  auto library = requiredText(doc, "library");
  if (!library) return library.error();
  if (!isPlainFileName(*library)) return invalid("\"library\" must be a file name without a path");
  m.library = std::move(*library);

  if (const auto it = doc.find("config"); it != doc.end()) {
    if (!it->is_object()) return invalid("\"config\" must be a JSON object");
    m.config = it->dump();
  }
  return m;
}

Result<Manifest> readManifest(const std::filesystem::path& pluginDir) {
  const auto file = pluginDir / kManifestFileName;
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) return invalid("cannot read " + file.string() + ": " + ec.message());
  if (size > kMaxManifestBytes) return invalid(file.string() + " is larger than 64 KiB");
  std::ifstream in(file, std::ios::binary);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (!in || !in.read(text.data(), static_cast<std::streamsize>(text.size()))) {
    return invalid("cannot read " + file.string());
  }
  return parseManifest(text);
}

}  // namespace onestop::plugins
