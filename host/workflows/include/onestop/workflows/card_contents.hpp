#pragma once
// What the data groups of a read say, parsed once and shaped for the API: the citizen (DG13),
// the MRZ (DG1) and the photo (DG2, JPEG 2000 turned into PNG). A part that does not parse is
// kept as a typed failure next to the others, never dropped silently and never a crash.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "onestop/cccd/citizen_record.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/dg1.hpp"
#include "onestop/imaging/browser_image.hpp"

namespace onestop::workflows {

struct CardContents {
  std::optional<emrtd::Dg1> dg1;
  std::string dg1Error;  // English, no citizen data
  std::optional<cccd::CitizenRecord> person;
  std::string personError;
  std::optional<imaging::BrowserImage> photo;
  std::string photoError;
};

CardContents parseContents(const std::map<int, emrtd::Bytes>& dataGroups);

// The API shapes (docs/api.md, card.read): dates as dd/mm/yyyy, sex "M"/"F", Vietnamese text
// in NFC, unknown DG13 fields as {number, value (hex)}.
nlohmann::json personToJson(const cccd::CitizenRecord& person);
nlohmann::json mrzToJson(const emrtd::Dg1& dg1);
nlohmann::json photoToJson(const imaging::BrowserImage& photo);  // {mime, data (base64), …}

}  // namespace onestop::workflows
