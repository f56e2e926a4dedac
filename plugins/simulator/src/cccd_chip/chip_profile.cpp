#include "chip_profile.hpp"

#include <openssl/bio.h>
#include <openssl/pem.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "chip_tlv.hpp"

namespace onestop::simulator::cccd {
namespace {

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};

// id-PACE-ECDH-GM-* = 0.4.0.127.0.7.2.2.4.2.x
const Bytes kPaceEcdhGm{0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02};
// id-AA = 2.23.136.1.1.5 (ICAO 9303-11 §9.2.10)
const Bytes kIdAa{0x67, 0x81, 0x08, 0x01, 0x01, 0x05};
// ecdsa-with-SHA* = 1.2.840.10045.4.3.x
const Bytes kEcdsaWith{0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x04, 0x03};

PrivateKey loadKey(const std::filesystem::path& path) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_file(path.string().c_str(), "r"));
  if (!bio) throw std::runtime_error("cannot open " + path.filename().string());
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (key == nullptr) throw std::runtime_error(path.filename().string() + " is not a private key");
  return PrivateKey(key, PkeyFree{});
}

bool startsWith(ByteView value, const Bytes& prefix) {
  return value.size() >= prefix.size() &&
         Bytes(value.begin(), value.begin() + static_cast<std::ptrdiff_t>(prefix.size())) == prefix;
}

// SecurityInfos = SET OF SEQUENCE { OID, … }: every SEQUENCE's elements.
std::vector<std::vector<ChipTlv>> securityInfos(ByteView set) {
  std::vector<std::vector<ChipTlv>> out;
  auto outer = parseOne(set);
  if (!outer || outer->tag != 0x31) return out;
  auto items = parseAll(outer->value);
  if (!items) return out;
  for (const ChipTlv& item : *items) {
    if (item.tag != 0x30) continue;
    auto elements = parseAll(item.value);
    if (elements && !elements->empty() && elements->front().tag == 0x06) out.push_back(*elements);
  }
  return out;
}

std::optional<PaceSetup> paceSetup(ByteView cardAccess) {
  for (const auto& info : securityInfos(cardAccess)) {
    const ByteView oid = info[0].value;
    if (oid.size() != kPaceEcdhGm.size() + 1 || !startsWith(oid, kPaceEcdhGm)) continue;
    if (info.size() < 3 || info[2].tag != 0x02 || info[2].value.empty()) continue;
    PaceSetup setup;
    setup.protocolOid.assign(oid.begin(), oid.end());
    switch (oid.back()) {
      case 0x02:
        setup.cipher = SmCipher::Aes128;
        break;
      case 0x03:
        setup.cipher = SmCipher::Aes192;
        break;
      case 0x04:
        setup.cipher = SmCipher::Aes256;
        break;
      default:
        continue;  // 3DES PACE is not offered
    }
    for (std::uint8_t byte : info[2].value) setup.parameterId = (setup.parameterId << 8) | byte;
    return setup;
  }
  return std::nullopt;
}

std::string aaHash(ByteView dg14) {
  auto wrapper = parseOne(dg14);
  if (!wrapper || wrapper->tag != 0x6E) return "SHA256";
  for (const auto& info : securityInfos(wrapper->value)) {
    if (Bytes(info[0].value.begin(), info[0].value.end()) != kIdAa || info.size() < 3) continue;
    const ByteView algorithm = info[2].value;
    if (info[2].tag != 0x06 || algorithm.size() != kEcdsaWith.size() + 1 ||
        !startsWith(algorithm, kEcdsaWith)) {
      continue;
    }
    switch (algorithm.back()) {
      case 0x01:
        return "SHA224";
      case 0x03:
        return "SHA384";
      case 0x04:
        return "SHA512";
      default:
        return "SHA256";
    }
  }
  return "SHA256";
}

std::string text(const nlohmann::json& doc, const char* field) {
  const auto it = doc.find(field);
  if (it == doc.end() || it->is_null()) return {};
  if (!it->is_string())
    throw std::runtime_error(std::string("chip.json: ") + field + " is not a string");
  return it->get<std::string>();
}

}  // namespace

ChipProfile ChipProfile::load(const std::filesystem::path& folder, ByteView cardAccess,
                              ByteView dg14) {
  std::ifstream in(folder / "chip.json");
  if (!in) throw std::runtime_error("the card folder has no chip.json");
  const auto doc = nlohmann::json::parse(in, nullptr, false);
  if (doc.is_discarded() || !doc.is_object())
    throw std::runtime_error("chip.json is not a JSON object");
  ChipProfile profile;
  profile.mrzInformation = text(doc, "mrzInformation");
  profile.can = text(doc, "can");
  if (profile.mrzInformation.empty()) throw std::runtime_error("chip.json lacks mrzInformation");
  const bool pace = doc.value("pace", false);
  if (pace) {
    profile.pace = paceSetup(cardAccess);
    if (!profile.pace)
      throw std::runtime_error("chip.json says pace but EF.CardAccess has no PACE-ECDH-GM info");
  }
  if (const std::string name = text(doc, "chipAuthenticationKey"); !name.empty()) {
    profile.chipAuthenticationKey = loadKey(folder / name);
  }
  if (const std::string name = text(doc, "activeAuthenticationKey"); !name.empty()) {
    profile.activeAuthenticationKey = loadKey(folder / name);
  }
  profile.activeAuthenticationHash = aaHash(dg14);
  return profile;
}

}  // namespace onestop::simulator::cccd
