#include "onestop/cccd/province_codes.hpp"

#include <algorithm>
#include <array>
#include <iterator>

namespace onestop::cccd {
namespace {

struct Entry {
  std::string_view code;
  std::string_view name;
};

// The 63 provinces before the 2025 merger, by code (residence.md §6.1, TT 59/2021 Art. 4).
// Sorted by code for binary search.
constexpr std::array kDomestic{
    Entry{"001", "Hà Nội"},          Entry{"002", "Hà Giang"},       Entry{"004", "Cao Bằng"},
    Entry{"006", "Bắc Kạn"},         Entry{"008", "Tuyên Quang"},    Entry{"010", "Lào Cai"},
    Entry{"011", "Điện Biên"},       Entry{"012", "Lai Châu"},       Entry{"014", "Sơn La"},
    Entry{"015", "Yên Bái"},         Entry{"017", "Hòa Bình"},       Entry{"019", "Thái Nguyên"},
    Entry{"020", "Lạng Sơn"},        Entry{"022", "Quảng Ninh"},     Entry{"024", "Bắc Giang"},
    Entry{"025", "Phú Thọ"},         Entry{"026", "Vĩnh Phúc"},      Entry{"027", "Bắc Ninh"},
    Entry{"030", "Hải Dương"},       Entry{"031", "Hải Phòng"},      Entry{"033", "Hưng Yên"},
    Entry{"034", "Thái Bình"},       Entry{"035", "Hà Nam"},         Entry{"036", "Nam Định"},
    Entry{"037", "Ninh Bình"},       Entry{"038", "Thanh Hóa"},      Entry{"040", "Nghệ An"},
    Entry{"042", "Hà Tĩnh"},         Entry{"044", "Quảng Bình"},     Entry{"045", "Quảng Trị"},
    Entry{"046", "Thừa Thiên Huế"},  Entry{"048", "Đà Nẵng"},        Entry{"049", "Quảng Nam"},
    Entry{"051", "Quảng Ngãi"},      Entry{"052", "Bình Định"},      Entry{"054", "Phú Yên"},
    Entry{"056", "Khánh Hòa"},       Entry{"058", "Ninh Thuận"},     Entry{"060", "Bình Thuận"},
    Entry{"062", "Kon Tum"},         Entry{"064", "Gia Lai"},        Entry{"066", "Đắk Lắk"},
    Entry{"067", "Đắk Nông"},        Entry{"068", "Lâm Đồng"},       Entry{"070", "Bình Phước"},
    Entry{"072", "Tây Ninh"},        Entry{"074", "Bình Dương"},     Entry{"075", "Đồng Nai"},
    Entry{"077", "Bà Rịa–Vũng Tàu"}, Entry{"079", "TP Hồ Chí Minh"}, Entry{"080", "Long An"},
    Entry{"082", "Tiền Giang"},      Entry{"083", "Bến Tre"},        Entry{"084", "Trà Vinh"},
    Entry{"086", "Vĩnh Long"},       Entry{"087", "Đồng Tháp"},      Entry{"089", "An Giang"},
    Entry{"091", "Kiên Giang"},      Entry{"092", "Cần Thơ"},        Entry{"093", "Hậu Giang"},
    Entry{"094", "Sóc Trăng"},       Entry{"095", "Bạc Liêu"},       Entry{"096", "Cà Mau"},
};
static_assert(kDomestic.size() == 63);
static_assert(std::is_sorted(kDomestic.begin(), kDomestic.end(),
                             [](const Entry& a, const Entry& b) { return a.code < b.code; }));

// Country codes for births registered abroad (residence.md §6.1, S11). Some validators also
// accept 100; that is not followed here.
constexpr int kFirstAbroadCode = 101;
constexpr int kLastAbroadCode = 295;

bool threeDigits(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

ProvinceCode lookupProvinceCode(std::string_view code) {
  if (!threeDigits(code)) return {};
  const auto* found =
      std::lower_bound(std::begin(kDomestic), std::end(kDomestic), code,
                       [](const Entry& entry, std::string_view key) { return entry.code < key; });
  if (found != std::end(kDomestic) && found->code == code) {
    return {ProvinceCodeKind::Domestic, found->name};
  }
  const int value = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  if (value >= kFirstAbroadCode && value <= kLastAbroadCode) return {ProvinceCodeKind::Abroad, {}};
  return {};
}

}  // namespace onestop::cccd
