// What staff type for each procedure so that its form validates (the applicant's part; the
// card's part comes from the read of an-2021, an adult living in Hà Nội). Dates are relative
// to the counter's day (Vietnam time) when the test runs, as the procedures' own tests do.
#include <chrono>
#include <cstdio>

#include "procedure_test_support.hpp"

namespace onestop::testing {
namespace {

using namespace std::chrono;

// dd/mm/yyyy of the Vietnamese day `offsetDays` from today.
std::string vietnamDate(int offsetDays) {
  const auto today = floor<days>(system_clock::now() + hours(7));
  const year_month_day date{today + days(offsetDays)};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u/%02u/%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return buffer;
}

}  // namespace

Json validPatch(const std::string& procedure) {
  const Json phone{{"phone", "0912345678"}};
  Json patch = phone;
  if (procedure == "thuong-tru") {
    patch.update({{"head_name", "Nguyễn Văn Hùng"},
                  {"head_id_number", "001065004321"},
                  {"head_relationship", "con"},
                  {"case", "relative"},
                  {"relative_kind", "spouse_parent_child"},
                  {"owner_name", "Nguyễn Văn Hùng"},
                  {"addr_house", "Số 12"},
                  {"addr_street", "Phố Giả"}});
  } else if (procedure == "tam-tru") {
    patch.update({{"head_name", "Nguyễn Văn An"},
                  {"head_id_number", "001095012345"},
                  {"head_relationship", "chu_ho"},
                  {"lodging_kind", "rented"},
                  {"outside_permanent_commune", true},
                  {"from_date", vietnamDate(0)},
                  {"to_date", vietnamDate(365)},
                  {"owner_name", "Phạm Văn Chủ"},
                  {"addr_house", "Số 5"}});
  } else if (procedure == "gia-han-tam-tru") {
    patch.update({{"current_end", vietnamDate(10)},
                  {"new_end", vietnamDate(375)},
                  {"addr_street", "Ngõ 3 Phố Giả"}});
  } else if (procedure == "tam-vang") {
    patch.update({{"group", "d"},
                  {"to_date", vietnamDate(400)},
                  {"reason", "Đi làm việc"},
                  {"destination", "Số 9 Đường Thử, Phường Sài Gòn, Thành phố Hồ Chí Minh"}});
  } else if (procedure == "luu-tru") {
    patch.update({{"reason", "Thăm người thân"},
                  {"arrival_time", "20:15"},
                  {"stay_until", vietnamDate(2)},
                  {"host_kind", "household"},
                  {"host_name", "Nguyễn Văn Hùng"},
                  {"addr_house", "Số 7"}});
  } else if (procedure == "xoa-thuong-tru" || procedure == "xoa-tam-tru") {
    patch.update({{"ground", "a"},
                  {"event_date", vietnamDate(-3)},
                  {"residence_address", "Số 8 Ngõ Thử, Phường Hoàn Kiếm, Thành phố Hà Nội"},
                  {"declarant_name", "Lê Thị Con"},
                  {"declarant_id_number", "038185000777"}});
  } else if (procedure == "eid-muc-2") {
    patch.update({{"phone_own_name", true}, {"phone_not_linked", true}});
  }
  return patch;
}

}  // namespace onestop::testing
