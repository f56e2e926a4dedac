#include "manifest.hpp"

#include <fstream>

namespace onestop::procedures {
namespace {

Error fault(const std::string& key, const std::string& why) {
  return Error(Reason::ValidationFailed, "manifest.json: " + key + ": " + why);
}

bool validId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

Result<void> requireType(const Json& object, const std::string& key, Json::value_t type,
                         const std::string& path, bool required = true) {
  const auto it = object.find(key);
  if (it == object.end()) {
    if (required) return fault(path + key, "is required");
    return Ok{};
  }
  const bool matches =
      it->type() == type || (type == Json::value_t::number_integer && it->is_number_integer());
  if (!matches) {
    const char* name = type == Json::value_t::string    ? "a string"
                       : type == Json::value_t::object  ? "an object"
                       : type == Json::value_t::array   ? "an array"
                       : type == Json::value_t::boolean ? "a boolean"
                                                        : "a number";
    return fault(path + key, std::string("must be ") + name);
  }
  return Ok{};
}

Result<void> requireTitle(const Json& object, const std::string& key, const std::string& path) {
  if (auto ok = requireType(object, key, Json::value_t::object, path); !ok) return ok;
  for (const char* lang : {"vi", "en"}) {
    if (auto ok = requireType(object[key], lang, Json::value_t::string, path + key + "."); !ok) {
      return ok;
    }
  }
  return Ok{};
}

}  // namespace

Result<Json> readManifest(const std::filesystem::path& folder) {
  std::ifstream in(folder / "manifest.json");
  if (!in) return fault("(file)", "cannot be read");
  Json m = Json::parse(in, nullptr, false, true);
  if (m.is_discarded()) return fault("(file)", "is not valid JSON");
  if (!m.is_object()) return fault("(file)", "must be an object");

  using T = Json::value_t;
  for (const auto& [key, type] : {std::pair{"id", T::string},
                                  {"version", T::string},
                                  {"procedureCode", T::string},
                                  {"legalBasis", T::array},
                                  {"timeLimit", T::object},
                                  {"fee", T::object},
                                  {"forms", T::array},
                                  {"documents", T::array}}) {
    if (auto ok = requireType(m, key, type, ""); !ok) return ok.error();
  }
  if (auto ok = requireType(m, "receipt", T::string, "", false); !ok) return ok.error();
  if (auto ok = requireType(m, "permissions", T::array, "", false); !ok) return ok.error();
  if (auto ok = requireTitle(m, "title", ""); !ok) return ok.error();

  const auto id = m["id"].get<std::string>();
  if (!validId(id)) return fault("id", "must match [a-z0-9-]+");
  if (id != folder.filename().string()) return fault("id", "must equal the folder name");

  for (std::size_t i = 0; i < m["legalBasis"].size(); ++i) {
    const auto path = "legalBasis[" + std::to_string(i) + "].";
    const auto& item = m["legalBasis"][i];
    if (!item.is_object()) return fault(path, "must be an object");
    if (auto ok = requireType(item, "text", T::string, path); !ok) return ok.error();
    if (auto ok = requireType(item, "effectiveFrom", T::string, path); !ok) return ok.error();
  }
  for (std::size_t i = 0; i < m["forms"].size(); ++i) {
    if (!m["forms"][i].is_string()) {
      return fault("forms[" + std::to_string(i) + "]", "must be a string");
    }
  }
  for (std::size_t i = 0; i < m["documents"].size(); ++i) {
    const auto path = "documents[" + std::to_string(i) + "].";
    const auto& item = m["documents"][i];
    if (!item.is_object()) return fault(path, "must be an object");
    if (auto ok = requireType(item, "id", T::string, path); !ok) return ok.error();
    if (auto ok = requireTitle(item, "title", path); !ok) return ok.error();
    if (auto ok = requireType(item, "required", T::boolean, path); !ok) return ok.error();
  }
  return m;
}

}  // namespace onestop::procedures
