#pragma once

// The data behind onestop.units and onestop.date (config/admin-units, config/holidays.json):
// loaded once per registry, read-only afterwards, shared by every procedure's state.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "onestop/common/result.hpp"
#include "onestop/procedures/procedure_registry.hpp"
#include "onestop/procedures/working_calendar.hpp"

namespace onestop::procedures {

class HostData {
 public:
  static Result<std::shared_ptr<const HostData>> load(const HostDataPaths& paths);

  // The same calendar the daemon dates receipts with (one reading of holidays.json).
  [[nodiscard]] const WorkingCalendar& calendar() const { return *calendar_; }

  // Each as the script sees it (procedure-contract.md).
  [[nodiscard]] const Json& provinces() const { return provinces_; }
  // Code ("01") or name in any spelling of accents/case, with or without "Tỉnh"/"Thành phố".
  [[nodiscard]] const Json* province(std::string_view codeOrName) const;
  [[nodiscard]] Json wardsOf(const std::string& provinceCode) const;
  // Code ("00070") or name (with or without "Phường"/"Xã"/"Đặc khu"); the first match in code
  // order when no province narrows it down.
  [[nodiscard]] const Json* ward(std::string_view codeOrName,
                                 const std::optional<std::string>& provinceCode) const;
  // The commune an old (pre-07/2025) ward became: {ward, province} plus, when the old ward was
  // split, partial = true and the candidates. nullopt when unknown or ambiguous.
  [[nodiscard]] std::optional<Json> oldToNew(std::string_view oldWard,
                                             std::string_view oldProvince) const;

 private:
  struct OldWard {
    std::string folded;  // name without "Phường"/"Xã"/"Thị trấn", folded
    std::string newWardCode;
    bool partial = false;
  };

  std::shared_ptr<const WorkingCalendar> calendar_;
  Json provinces_ = Json::array();
  Json wards_ = Json::array();
  std::map<std::string, std::size_t> provinceByKey_;  // code and folded names
  std::map<std::string, std::size_t> wardByCode_;
  std::multimap<std::string, std::size_t> wardByName_;   // folded, with and without kind
  std::map<std::string, std::string> newProvinceOfOld_;  // folded old name -> new code
  std::multimap<std::string, OldWard> oldWards_;         // by folded old name
};

// Folded name without a leading unit word ("tinh ", "thanh pho ", "phuong ", "xa ", ...).
std::string foldedWithoutUnitWord(std::string_view name);

}  // namespace onestop::procedures
