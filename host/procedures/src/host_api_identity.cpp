// onestop.id (residence.md §6.1, through onestop_cccd), onestop.phone (§6.3), onestop.email.
#include <algorithm>
#include <iterator>
#include <vector>

#include "host_api.hpp"
#include "onestop/cccd/id_number.hpp"

namespace onestop::procedures::hostapi {
namespace {

// Mobile prefixes after the 2018 renumbering (residence.md §6.3, S19). Kept here as a table:
// a new prefix is one line. Viettel 032-039, 086, 096-098; Vinaphone 081-085, 088, 091, 094;
// MobiFone 070, 076-079, 089, 090, 093; Vietnamobile 052, 056, 058, 092; Gmobile 059, 099;
// Itel 087; Reddi 055.
constexpr std::string_view kMobilePrefixes[] = {
    "032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098",
    "081", "082", "083", "084", "085", "088", "091", "094", "070", "076", "077", "078",
    "079", "089", "090", "093", "052", "056", "058", "092", "059", "099", "087", "055"};

// The century digit G maps 0..9 to 1900..2300; a birth in the 2100s or later cannot be real.
constexpr int kLatestPlausibleCentury = 2000;

std::optional<std::string> normalizePhone(std::string_view text) {
  std::string digits;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits += c;
    } else if (c == '+' && digits.empty() && i == text.find_first_not_of(' ')) {
      continue;
    } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')') {
      return std::nullopt;
    }
  }
  if (digits.rfind("84", 0) == 0 && (digits.size() == 11 || digits.size() == 12)) {
    digits = "0" + digits.substr(2);
  }
  return digits;
}

std::optional<std::string> phoneKind(const std::string& digits) {
  if (digits.size() == 10 && digits[0] == '0' &&
      std::find(std::begin(kMobilePrefixes), std::end(kMobilePrefixes), digits.substr(0, 3)) !=
          std::end(kMobilePrefixes)) {
    return "mobile";
  }
  if (digits.size() == 11 && digits.rfind("02", 0) == 0) return "landline";
  return std::nullopt;
}

int phoneNormalize(lua_State* L) {
  const auto digits = normalizePhone(luaL_checkstring(L, 1));
  if (!digits || !phoneKind(*digits)) return pushFailure(L, "PHONE_INVALID");
  lua_pushlstring(L, digits->data(), digits->size());
  return 1;
}

int phoneKindOf(lua_State* L) {
  const auto digits = normalizePhone(luaL_checkstring(L, 1));
  const auto kind = digits ? phoneKind(*digits) : std::nullopt;
  if (!kind) {
    lua_pushnil(L);
  } else {
    lua_pushstring(L, kind->c_str());
  }
  return 1;
}

// A practical check, not RFC 5322: one @, a local part of 1-64 printable ASCII characters, a
// domain of dot-separated labels (letters, digits, hyphens) with at least one dot.
int emailValid(lua_State* L) {
  const std::string_view e = luaL_checkstring(L, 1);
  const auto at = e.find('@');
  bool ok = e.size() <= 254 && at != std::string_view::npos && at > 0 && at <= 64 &&
            e.find('@', at + 1) == std::string_view::npos;
  if (ok) {
    const auto local = e.substr(0, at);
    const auto domain = e.substr(at + 1);
    ok = std::all_of(local.begin(), local.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             std::string_view("._%+-").find(c) != std::string_view::npos;
    });
    ok = ok && local.front() != '.' && local.back() != '.' &&
         domain.find('.') != std::string_view::npos &&
         domain.find("..") == std::string_view::npos && domain.front() != '.' &&
         domain.back() != '.' && domain.front() != '-' &&
         std::all_of(domain.begin(), domain.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '.';
         });
  }
  lua_pushboolean(L, ok ? 1 : 0);
  return 1;
}

int century(const cccd::IdNumber& id) {
  return id.birthYear / 100 * 100;
}

int idParse(lua_State* L) {
  auto id = cccd::parseIdNumber(luaL_checkstring(L, 1));
  if (!id) return pushFailure(L, "ID_NOT_12_DIGITS");
  if (id->provinceKind == cccd::ProvinceCodeKind::Unknown) {
    return pushFailure(L, "ID_PROVINCE_UNKNOWN");
  }
  if (century(*id) > kLatestPlausibleCentury) return pushFailure(L, "ID_GENDER_CODE_INVALID");
  lua_createtable(L, 0, 7);
  lua_pushstring(L, id->digits.c_str());
  lua_setfield(L, -2, "digits");
  lua_pushstring(L, id->provinceCode.c_str());
  lua_setfield(L, -2, "province_code");
  if (id->provinceKind == cccd::ProvinceCodeKind::Domestic) {
    lua_pushlstring(L, id->provinceName.data(), id->provinceName.size());
    lua_setfield(L, -2, "province_name");
  }
  lua_pushboolean(L, id->provinceKind == cccd::ProvinceCodeKind::Abroad ? 1 : 0);
  lua_setfield(L, -2, "born_abroad");
  lua_pushstring(L, id->sex == cccd::Sex::Male ? "M" : "F");
  lua_setfield(L, -2, "sex");
  lua_pushinteger(L, century(*id));
  lua_setfield(L, -2, "century");
  lua_pushstring(L, id->digits.substr(4, 2).c_str());
  lua_setfield(L, -2, "birth_year_2digits");
  return 1;
}

// onestop.id.check(text, {date_of_birth = iso?, sex = "M"|"F"?}) -> list of problem codes.
int idCheck(lua_State* L) {
  const std::string_view text = luaL_checkstring(L, 1);
  cccd::IdExpectations expected;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    if (lua_getfield(L, 2, "date_of_birth") != LUA_TNIL) {
      const auto date = parseIso(luaL_checkstring(L, -1));
      if (!date) return luaL_argerror(L, 2, "date_of_birth must be an ISO date");
      expected.dateOfBirth = *date;
    }
    lua_pop(L, 1);
    if (lua_getfield(L, 2, "sex") != LUA_TNIL) {
      const std::string_view sex = luaL_checkstring(L, -1);
      if (sex != "M" && sex != "F") return luaL_argerror(L, 2, "sex must be \"M\" or \"F\"");
      expected.sex = sex == "M" ? cccd::Sex::Male : cccd::Sex::Female;
    }
    lua_pop(L, 1);
  }
  std::vector<const char*> codes;
  const auto add = [&codes](const char* code) {
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  if (auto id = cccd::parseIdNumber(text); !id) {
    add("ID_NOT_12_DIGITS");
  } else {
    for (const auto& finding : cccd::checkIdNumber(*id, expected)) {
      switch (finding.check) {
        case cccd::IdCheck::ProvinceCode:
          add("ID_PROVINCE_UNKNOWN");
          break;
        case cccd::IdCheck::CenturyDigit:
        case cccd::IdCheck::BirthYear:
          add("ID_BIRTH_YEAR_MISMATCH");
          break;
        case cccd::IdCheck::Sex:
          add("ID_SEX_MISMATCH");
          break;
        case cccd::IdCheck::Format:
          add("ID_NOT_12_DIGITS");
          break;
      }
    }
  }
  lua_createtable(L, static_cast<int>(codes.size()), 0);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    lua_pushstring(L, codes[i]);
    lua_rawseti(L, -2, static_cast<lua_Integer>(i + 1));
  }
  return 1;
}

}  // namespace

void installIdentity(lua_State* L) {
  lua_newtable(L);
  setFunction<idParse>(L, "parse");
  setFunction<idCheck>(L, "check");
  lua_setfield(L, -2, "id");
  lua_newtable(L);
  setFunction<phoneNormalize>(L, "normalize");
  setFunction<phoneKindOf>(L, "kind");
  lua_setfield(L, -2, "phone");
  lua_newtable(L);
  setFunction<emailValid>(L, "valid");
  lua_setfield(L, -2, "email");
}

}  // namespace onestop::procedures::hostapi
