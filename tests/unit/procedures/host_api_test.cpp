// onestop.* as scripts see it, through a real sandboxed procedure and the shipped config/.
#include <gtest/gtest.h>

#include "procedure_fixture.hpp"

namespace onestop::procedures {
namespace {

Json eval(const std::string& body) {
  auto value = testing::evalLua(body);
  if (!value) throw std::runtime_error(value.error().detail());
  return *value;
}

std::string evalError(const std::string& body) {
  auto value = testing::evalLua(body);
  return value ? std::string("(no error)") : value.error().detail();
}

TEST(HostApiDate, ParsesTheThreeSpellingsAndRefusesImpossibleDates) {
  EXPECT_EQ(eval("return onestop.date.parse('15/06/1995')"), "1995-06-15");
  EXPECT_EQ(eval("return onestop.date.parse('15061995')"), "1995-06-15");
  EXPECT_EQ(eval("return onestop.date.parse('1995-06-15')"), "1995-06-15");
  EXPECT_EQ(eval("local v, why = onestop.date.parse('31/04/2026') return {v = v, why = why}"),
            (Json{{"why", "DATE_INVALID"}}));
  EXPECT_EQ(eval("local v, why = onestop.date.parse('2026-02-29') return why"), "DATE_INVALID");
  EXPECT_NE(evalError("return onestop.date.parse({})").find("string expected"), std::string::npos);
}

TEST(HostApiDate, FormatsAndComputes) {
  EXPECT_EQ(eval("return onestop.date.format('2026-11-03')"), "03/11/2026");
  EXPECT_EQ(eval("return onestop.date.signature_line('2026-11-23', 'Hà Nội')"),
            "Hà Nội, ngày 23 tháng 11 năm 2026");
  EXPECT_EQ(eval("return onestop.date.add_days('2026-12-30', 3)"), "2027-01-02");
  EXPECT_EQ(eval("return onestop.date.add_months('2026-01-31', 1)"), "2026-02-28");
  EXPECT_EQ(eval("return onestop.date.add_years('2024-02-29', 1)"), "2025-02-28");
  EXPECT_EQ(eval("return onestop.date.compare('2026-01-01', '2025-12-31')"), 1);
  EXPECT_EQ(eval("return onestop.date.days_between('2026-11-23', '2026-12-01')"), 8);
  EXPECT_EQ(eval("return onestop.date.age('1995-11-24', '2026-11-23')"), 30);
  EXPECT_EQ(eval("return onestop.date.weekday('2026-11-23')"), 1);
  EXPECT_NE(evalError("return onestop.date.format('23/11/2026')").find("ISO"), std::string::npos);
}

TEST(HostApiDate, WorkingDaysSkipWeekendsAndConfiguredHolidays) {
  EXPECT_EQ(eval("return onestop.date.is_working_day('2026-11-23')"), true);
  EXPECT_EQ(eval("return onestop.date.is_working_day('2026-11-21')"), false);  // Saturday
  EXPECT_EQ(eval("return onestop.date.is_working_day('2026-09-02')"), false);  // Quốc khánh
  EXPECT_EQ(eval("return onestop.date.is_working_day('2025-01-27')"), false);  // Tết 2025
  // Friday 2026-11-20 + 3 working days: Mon 23, Tue 24, Wed 25.
  EXPECT_EQ(eval("return onestop.date.add_working_days('2026-11-20', 3)"), "2026-11-25");
  // Across Reunification and Labour Day 2026 (Thu 30/4, Fri 1/5): 29/4 + 1 = Mon 4/5.
  EXPECT_EQ(eval("return onestop.date.add_working_days('2026-04-29', 1)"), "2026-05-04");
  // Tết 2025 (25/01-02/02): Fri 24/01 + 1 = Mon 03/02.
  EXPECT_EQ(eval("return onestop.date.add_working_days('2025-01-24', 1)"), "2025-02-03");
}

TEST(HostApiId, ParsesAndChecksPersonalIdNumbers) {
  const Json parsed = eval("return onestop.id.parse('001095012345')");
  EXPECT_EQ(parsed["province_code"], "001");
  EXPECT_EQ(parsed["province_name"], "Hà Nội");
  EXPECT_EQ(parsed["born_abroad"], false);
  EXPECT_EQ(parsed["sex"], "M");
  EXPECT_EQ(parsed["century"], 1900);
  EXPECT_EQ(parsed["birth_year_2digits"], "95");
  EXPECT_EQ(eval("return onestop.id.parse('201301012345').born_abroad"), true);
  EXPECT_EQ(eval("local v, why = onestop.id.parse('12345') return why"), "ID_NOT_12_DIGITS");
  EXPECT_EQ(eval("local v, why = onestop.id.parse('003095012345') return why"),
            "ID_PROVINCE_UNKNOWN");
  EXPECT_EQ(eval("local v, why = onestop.id.parse('001495012345') return why"),
            "ID_GENDER_CODE_INVALID");
  EXPECT_EQ(eval("return onestop.id.check('001095012345', {date_of_birth = '1995-06-15', "
                 "sex = 'M'})"),
            Json::object());  // empty list
  EXPECT_EQ(eval("return onestop.id.check('001095012345', {date_of_birth = '1996-06-15', "
                 "sex = 'F'})"),
            Json::array({"ID_BIRTH_YEAR_MISMATCH", "ID_SEX_MISMATCH"}));
  EXPECT_EQ(eval("return onestop.id.check('0010950')"), Json::array({"ID_NOT_12_DIGITS"}));
}

TEST(HostApiPhone, NormalisesVietnameseNumbers) {
  EXPECT_EQ(eval("return onestop.phone.normalize('+84 912.345-678')"), "0912345678");
  EXPECT_EQ(eval("return onestop.phone.normalize('84912345678')"), "0912345678");
  EXPECT_EQ(eval("return onestop.phone.normalize('024 3825 1234')"), "02438251234");
  EXPECT_EQ(eval("local v, why = onestop.phone.normalize('0112345678') return why"),
            "PHONE_INVALID");
  EXPECT_EQ(eval("return onestop.phone.kind('0987654321')"), "mobile");
  EXPECT_EQ(eval("return onestop.phone.kind('02838251234')"), "landline");
  EXPECT_EQ(eval("return tostring(onestop.phone.kind('12'))"), "nil");
  EXPECT_EQ(eval("return onestop.email.valid('an.nguyen@example.vn')"), true);
  EXPECT_EQ(eval("return onestop.email.valid('an@@example.vn')"), false);
  EXPECT_EQ(eval("return onestop.email.valid('an@example')"), false);
}

TEST(HostApiText, UnicodeAwareVietnamese) {
  EXPECT_EQ(eval("return onestop.text.upper('Nguyễn Văn Việt')"), "NGUYỄN VĂN VIỆT");
  EXPECT_EQ(eval("return onestop.text.lower('ĐẶNG THỊ ÁNH')"), "đặng thị ánh");
  EXPECT_EQ(eval("return onestop.text.title_case('nguyễn  văn an')"), "Nguyễn  Văn An");
  EXPECT_EQ(eval("return onestop.text.fold('  Đặng   Thị Ánh ')"), "dang thi anh");
  EXPECT_EQ(eval("return onestop.text.nfc('Vie\\u{302}\\u{323}t')"), "Việt");
  EXPECT_EQ(eval("return onestop.text.equals_loose('Hà Nội', 'ha  noi')"), true);
  EXPECT_EQ(eval("return onestop.text.trim('\\u{a0} an \\t')"), "an");
  EXPECT_EQ(eval("return onestop.text.length('Vie\\u{302}\\u{323}t')"), 4);
  EXPECT_NE(evalError("return onestop.text.upper('\\xff')").find("UTF-8"), std::string::npos);
}

TEST(HostApiMisc, MoneyProblemVersion) {
  EXPECT_EQ(eval("return onestop.money.format(20000)"), "20.000 đồng");
  EXPECT_EQ(eval("return onestop.money.format(1234567, 'en')"), "1,234,567 VND");
  EXPECT_EQ(eval("return onestop.money.format(0)"), "0 đồng");
  EXPECT_EQ(eval("return onestop.problem('phone', 'PHONE_INVALID', 'Sai', 'Wrong')"),
            (Json{{"field", "phone"},
                  {"code", "PHONE_INVALID"},
                  {"vi", "Sai"},
                  {"en", "Wrong"},
                  {"severity", "error"}}));
  EXPECT_EQ(eval("return onestop.problem('a', 'B', 'c', 'd', 'warning').severity"), "warning");
  EXPECT_NE(evalError("return onestop.problem('a', 'B', 'c', 'd', 'fatal')").find("severity"),
            std::string::npos);
  EXPECT_EQ(eval("return onestop.version"), "1");
  EXPECT_EQ(eval("onestop.log('hello') return true"), true);
}

TEST(HostApiUnits, ProvincesWardsAndTheOldToNewMapping) {
  EXPECT_EQ(eval("return #onestop.units.provinces()"), 34);
  EXPECT_EQ(eval("return onestop.units.province('ha noi').code"), "01");
  EXPECT_EQ(eval("return onestop.units.province('Thành phố Hồ Chí Minh').code"), "79");
  EXPECT_EQ(eval("return onestop.units.province('79').short"), "Hồ Chí Minh");
  EXPECT_EQ(eval("return tostring(onestop.units.province('Atlantis'))"), "nil");
  EXPECT_EQ(eval("return onestop.units.ward('Phường Cửa Nam', '01').code"), "00082");
  EXPECT_EQ(eval("return onestop.units.ward('00082').name"), "Phường Cửa Nam");
  const Json moved =
      eval("return onestop.units.old_to_new('Phường Hàng Bài', 'Quận Hoàn Kiếm', 'Hà Nội')");
  EXPECT_EQ(moved["ward"]["code"], "00082");
  EXPECT_EQ(moved["province"]["code"], "01");
  EXPECT_EQ(eval("return onestop.units.format_address{house = 'Số 12', street = 'Ngõ 34 Phố "
                 "Huế', ward_code = '00082'}"),
            "Số 12, Ngõ 34 Phố Huế, Phường Cửa Nam, Thành phố Hà Nội");
  const Json hanoi = eval("return onestop.units.wards('01')");
  EXPECT_GT(hanoi.size(), 100U);
  for (const auto& w : hanoi) EXPECT_EQ(w["province_code"], "01");
}

}  // namespace
}  // namespace onestop::procedures
