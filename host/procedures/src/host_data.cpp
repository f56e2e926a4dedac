#include "host_data.hpp"

#include <array>
#include <fstream>

#include "text_tools.hpp"

namespace onestop::procedures {
namespace {

Result<Json> readJson(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return Error(Reason::ValidationFailed, "cannot read " + file.string());
  Json value = Json::parse(in, nullptr, false);
  if (value.is_discarded()) return Error(Reason::ValidationFailed, file.string() + ": not JSON");
  return value;
}

std::string foldOrEmpty(std::string_view s) {
  auto folded = text::fold(s);
  return folded ? *folded : std::string();
}

Result<void> expectArray(const Json& doc, const char* key, const std::filesystem::path& file) {
  if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array()) {
    return Error(Reason::ValidationFailed, file.string() + ": missing array '" + key + "'");
  }
  return Ok{};
}

}  // namespace

std::string foldedWithoutUnitWord(std::string_view name) {
  static const std::array<std::string_view, 8> kUnitWords = {
      "thanh pho ", "tinh ", "tp. ", "tp ", "phuong ", "xa ", "thi tran ", "dac khu "};
  std::string folded = foldOrEmpty(name);
  for (const auto word : kUnitWords) {
    if (folded.rfind(word, 0) == 0) return folded.substr(word.size());
  }
  return folded;
}

Result<std::shared_ptr<const HostData>> HostData::load(const HostDataPaths& paths) {
  auto data = std::make_shared<HostData>();

  auto calendar = WorkingCalendar::load(paths.holidaysFile);
  if (!calendar) return calendar.error();
  data->calendar_ = std::move(calendar).value();

  const auto provincesFile = paths.adminUnitsDir / "provinces.json";
  auto provinces = readJson(provincesFile);
  if (!provinces) return provinces.error();
  if (auto ok = expectArray(*provinces, "provinces", provincesFile); !ok) return ok.error();
  for (const auto& p : (*provinces)["provinces"]) {
    const std::size_t index = data->provinces_.size();
    Json entry = {{"code", p.at("code")},
                  {"name", p.at("name")},
                  {"short", p.at("short")},
                  {"kind", p.at("kind")},
                  {"merged_from", p.value("merged_from", Json::array())}};
    const auto code = entry["code"].get<std::string>();
    data->provinceByKey_[code] = index;
    data->provinceByKey_[foldedWithoutUnitWord(entry["name"].get<std::string>())] = index;
    data->provinceByKey_[foldedWithoutUnitWord(entry["short"].get<std::string>())] = index;
    for (const auto& old : entry["merged_from"]) {
      data->newProvinceOfOld_[foldedWithoutUnitWord(old.get<std::string>())] = code;
    }
    data->provinces_.push_back(std::move(entry));
  }
  // Common spellings of the old name of Hồ Chí Minh City and Huế.
  data->newProvinceOfOld_[foldOrEmpty("TP Hồ Chí Minh")] = "79";
  data->newProvinceOfOld_[foldOrEmpty("Huế")] = "46";

  const auto wardsFile = paths.adminUnitsDir / "wards.json";
  auto wards = readJson(wardsFile);
  if (!wards) return wards.error();
  if (auto ok = expectArray(*wards, "wards", wardsFile); !ok) return ok.error();
  for (const auto& w : (*wards)["wards"]) {
    const std::size_t index = data->wards_.size();
    Json entry = {{"code", w.at("code")},
                  {"name", w.at("name")},
                  {"kind", w.at("kind")},
                  {"province_code", w.at("province_code")}};
    data->wardByCode_[entry["code"].get<std::string>()] = index;
    const auto name = entry["name"].get<std::string>();
    data->wardByName_.emplace(foldOrEmpty(name), index);
    data->wardByName_.emplace(foldedWithoutUnitWord(name), index);
    data->wards_.push_back(std::move(entry));
  }

  const auto oldFile = paths.adminUnitsDir / "old-to-new.json";
  std::error_code ec;
  if (std::filesystem::exists(oldFile, ec)) {
    auto old = readJson(oldFile);
    if (!old) return old.error();
    if (auto ok = expectArray(*old, "entries", oldFile); !ok) return ok.error();
    for (const auto& e : (*old)["entries"]) {
      OldWard entry{foldedWithoutUnitWord(e.at("old_ward").get<std::string>()),
                    e.at("new_ward_code").get<std::string>(), e.value("partial", false)};
      data->oldWards_.emplace(entry.folded, std::move(entry));
    }
  }
  return std::shared_ptr<const HostData>(std::move(data));
}

const Json* HostData::province(std::string_view codeOrName) const {
  auto it = provinceByKey_.find(std::string(codeOrName));
  if (it == provinceByKey_.end()) it = provinceByKey_.find(foldedWithoutUnitWord(codeOrName));
  return it == provinceByKey_.end() ? nullptr : &provinces_[it->second];
}

Json HostData::wardsOf(const std::string& provinceCode) const {
  Json out = Json::array();
  for (const auto& w : wards_) {
    if (w["province_code"] == provinceCode) out.push_back(w);
  }
  return out;
}

const Json* HostData::ward(std::string_view codeOrName,
                           const std::optional<std::string>& provinceCode) const {
  if (const auto it = wardByCode_.find(std::string(codeOrName)); it != wardByCode_.end()) {
    const Json& w = wards_[it->second];
    if (!provinceCode || w["province_code"] == *provinceCode) return &w;
    return nullptr;
  }
  const Json* best = nullptr;
  for (const auto& key : {foldOrEmpty(codeOrName), foldedWithoutUnitWord(codeOrName)}) {
    const auto [first, last] = wardByName_.equal_range(key);
    for (auto it = first; it != last; ++it) {
      const Json& w = wards_[it->second];
      if (provinceCode && w["province_code"] != *provinceCode) continue;
      if (best == nullptr || w["code"].get<std::string>() < (*best)["code"].get<std::string>()) {
        best = &w;
      }
    }
    if (best != nullptr) return best;
  }
  return nullptr;
}

std::optional<Json> HostData::oldToNew(std::string_view oldWard,
                                       std::string_view oldProvince) const {
  const auto province = newProvinceOfOld_.find(foldedWithoutUnitWord(oldProvince));
  if (province == newProvinceOfOld_.end()) return std::nullopt;
  std::vector<const Json*> whole;
  std::vector<const Json*> partial;
  const auto [first, last] = oldWards_.equal_range(foldedWithoutUnitWord(oldWard));
  for (auto it = first; it != last; ++it) {
    const auto code = wardByCode_.find(it->second.newWardCode);
    if (code == wardByCode_.end()) continue;
    const Json& w = wards_[code->second];
    if (w["province_code"] != province->second) continue;
    (it->second.partial ? partial : whole).push_back(&w);
  }
  const Json* newProvince = this->province(province->second);
  if (newProvince == nullptr) return std::nullopt;
  if (whole.size() == 1) return Json{{"ward", *whole[0]}, {"province", *newProvince}};
  // The same old name in several districts, or an old ward split between new ones: the
  // source has no districts, so only the candidates can be offered.
  auto& pool = whole.empty() ? partial : whole;
  if (pool.empty()) return std::nullopt;
  Json candidates = Json::array();
  for (const auto* w : pool) candidates.push_back(*w);
  return Json{{"ward", *pool[0]},
              {"province", *newProvince},
              {"partial", true},
              {"candidates", std::move(candidates)}};
}

}  // namespace onestop::procedures
