#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "onestop/store/case_store.hpp"
#include "onestop/store/pii_cipher.hpp"

// A made-up citizen (no real person has these values) and the case a counter would save for them.
namespace onestop::store::test {

inline constexpr const char* kCitizenName = "TRẦN THỬ NGHIỆM";
inline constexpr const char* kCitizenIdNumber = "079203999017";
inline constexpr const char* kCitizenStreet = "Số 12 Đường Giả Định";

inline nlohmann::json syntheticForm(const std::string& name = kCitizenName,
                                    const std::string& idNumber = kCitizenIdNumber) {
  return {{"fullName", name},     {"dateOfBirth", "01/02/2003"}, {"sex", "Nam"},
          {"idNumber", idNumber}, {"phone", "0900000017"},       {"address", kCitizenStreet}};
}

inline NewCase syntheticCase(const std::string& name = kCitizenName,
                             const std::string& idNumber = kCitizenIdNumber) {
  return NewCase{.procedure = "thuong-tru",
                 .procedureVersion = "1.0.0",
                 .operatorId = "https://counter.example",
                 .form = syntheticForm(name, idNumber),
                 .card = {{"fullName", name}, {"idNumber", idNumber}, {"source", "chip"}},
                 .citizenIdNumber = idNumber};
}

inline std::shared_ptr<PiiCipher> testCipher(std::uint8_t fill = 0x42) {
  std::array<std::uint8_t, PiiCipher::kKeyBytes> key{};
  key.fill(fill);
  return PiiCipher::fromKey(key);
}

}  // namespace onestop::store::test
