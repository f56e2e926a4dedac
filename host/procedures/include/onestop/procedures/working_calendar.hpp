#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>

#include "onestop/common/result.hpp"

namespace onestop::procedures {

// Working days for residence time limits: Monday to Friday except the public holidays of
// config/holidays.json. Shared by the daemon (receipt due dates) and onestop.date in scripts.
class WorkingCalendar {
 public:
  // ValidationFailed naming the file when it does not parse or a holiday has no ISO date.
  static Result<std::shared_ptr<const WorkingCalendar>> load(const std::filesystem::path& file);
  explicit WorkingCalendar(std::set<std::string> holidays) : holidays_(std::move(holidays)) {}

  [[nodiscard]] bool isHoliday(const std::string& iso) const { return holidays_.contains(iso); }
  // `iso` must be a valid yyyy-mm-dd date (false otherwise).
  [[nodiscard]] bool isWorkingDay(const std::string& iso) const;
  // The first working day after `iso` counts as 1: Luật Cư trú time limits run from the day
  // after a complete file. `iso` itself when n <= 0 or it is not a valid date.
  [[nodiscard]] std::string addWorkingDays(const std::string& iso, int n) const;

 private:
  std::set<std::string> holidays_;
};

}  // namespace onestop::procedures
