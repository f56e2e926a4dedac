#include "onestop/workflows/card_contents.hpp"

#include "onestop/cccd/calendar_date.hpp"
#include "onestop/cccd/card_generation.hpp"
#include "onestop/cccd/dg13.hpp"
#include "onestop/common/base64.hpp"
#include "onestop/emrtd/dg2.hpp"
#include "onestop/imaging/image_format.hpp"

namespace onestop::workflows {
namespace {

using Json = nlohmann::json;

const emrtd::Bytes* group(const std::map<int, emrtd::Bytes>& groups, int number) {
  const auto it = groups.find(number);
  return it == groups.end() ? nullptr : &it->second;
}

Json relativeToJson(const std::optional<cccd::RelativeRecord>& relative) {
  if (!relative) return nullptr;
  return Json{{"fullName", relative->fullName}, {"otherValues", relative->otherValues}};
}

Json optionalDate(const std::optional<cccd::Date>& date) {
  return date ? Json(cccd::toSlashDate(*date)) : Json(nullptr);
}

}  // namespace

CardContents parseContents(const std::map<int, emrtd::Bytes>& dataGroups) {
  CardContents out;
  if (const auto* dg1 = group(dataGroups, 1)) {
    if (auto parsed = emrtd::parseDg1(*dg1)) {
      out.dg1 = std::move(parsed).value();
    } else {
      out.dg1Error = parsed.error().detail();
    }
  } else {
    out.dg1Error = "DG1 was not read";
  }
  if (const auto* dg13 = group(dataGroups, 13)) {
    if (auto parsed = cccd::parseDg13(*dg13)) {
      out.person = std::move(parsed).value();
    } else {
      out.personError = parsed.error().detail();
    }
  } else {
    out.personError = "DG13 was not read";
  }
  if (const auto* dg2 = group(dataGroups, 2)) {
    auto parsed = emrtd::parseDg2(*dg2);
    if (!parsed) {
      out.photoError = parsed.error().detail();
    } else if (auto image = imaging::toBrowserImage(parsed->face().image)) {
      out.photo = std::move(image).value();
    } else {
      out.photoError = image.error().detail();
    }
  } else {
    out.photoError = "DG2 was not read";
  }
  return out;
}

Json personToJson(const cccd::CitizenRecord& p) {
  Json unknown = Json::array();
  for (const auto& field : p.unknownFields) {
    unknown.push_back({{"number", field.number}, {"value", emrtd::toHex(field.value)}});
  }
  Json others = Json::array();
  for (const auto& relative : p.otherRelatives) others.push_back(relativeToJson(relative));
  Json expiry = nullptr;
  if (p.expiry) {
    expiry = {{"text", p.expiry->text},
              {"date", optionalDate(p.expiry->date)},
              {"noExpiry", p.expiry->noExpiry}};
  }
  return Json{
      {"cardGeneration", std::string(cccd::cardGenerationName(p.generation))},
      {"idNumber", p.idNumber},
      {"fullName", p.fullName},
      {"dateOfBirth", cccd::toSlashDate(p.dateOfBirth)},
      {"sex", p.sex ? Json(*p.sex == cccd::Sex::Male ? "M" : "F") : Json(nullptr)},
      {"nationality", p.nationality},
      {"ethnicity", p.ethnicity},
      {"religion", p.religion},
      {"placeOfOrigin", p.placeOfOrigin},
      {"placeOfResidence", p.placeOfResidence},
      {"identifyingMarks", p.identifyingMarks},
      {"dateOfIssue", optionalDate(p.dateOfIssue)},
      {"expiry", expiry},
      {"father", relativeToJson(p.father)},
      {"mother", relativeToJson(p.mother)},
      {"spouse", relativeToJson(p.spouse)},
      {"otherRelatives", others},
      {"oldIdNumber", p.oldIdNumber},
      {"unknownFields", unknown},
  };
}

Json mrzToJson(const emrtd::Dg1& dg1) {
  const auto& m = dg1.mrz;
  return Json{{"lines", {m.lines[0], m.lines[1], m.lines[2]}},
              {"documentCode", m.documentCode},
              {"issuingState", m.issuingState},
              {"documentNumber", m.documentNumber},
              {"idNumber", m.idNumber},
              {"dateOfBirth", m.dateOfBirth},
              {"sex", std::string(1, m.sex)},
              {"dateOfExpiry", m.dateOfExpiry},
              {"nationality", m.nationality},
              {"primaryIdentifier", m.primaryIdentifier},
              {"secondaryIdentifier", m.secondaryIdentifier}};
}

Json photoToJson(const imaging::BrowserImage& photo) {
  return Json{{"mime", photo.mime},
              {"data", base64Encode(photo.data)},
              {"width", photo.width},
              {"height", photo.height},
              {"sourceFormat", std::string(imaging::formatName(photo.source))}};
}

}  // namespace onestop::workflows
