#include "onestop/emrtd/security_infos.hpp"

#include <string_view>

#include "onestop/emrtd/object_identifier.hpp"
#include "structure_reader.hpp"

namespace onestop::emrtd {
namespace {

constexpr Tag kSet = 0x31;
constexpr Tag kSequence = 0x30;
constexpr Tag kInteger = 0x02;
constexpr Tag kOid = 0x06;

constexpr std::string_view kBsiProtocols = "0.4.0.127.0.7.2.2.";
constexpr std::string_view kActiveAuthentication = "2.23.136.1.1.5";

// What a protocol OID names; `kind` 0 for an OID none of the parsers below knows.
struct Protocol {
  int kind = 0;  // 1 id-PK, 2 id-TA, 3 id-CA, 4 id-PACE
  std::vector<int> arcs;
};

Protocol classify(const std::string& oid) {
  Protocol out;
  if (oid.compare(0, kBsiProtocols.size(), kBsiProtocols) != 0) return out;
  std::vector<int> arcs;
  std::size_t pos = kBsiProtocols.size();
  while (pos < oid.size()) {
    const std::size_t dot = oid.find('.', pos);
    const std::string arc = oid.substr(pos, dot == std::string::npos ? dot : dot - pos);
    if (arc.empty() || arc.size() > 6) return out;
    arcs.push_back(std::stoi(arc));
    if (dot == std::string::npos) break;
    pos = dot + 1;
  }
  if (arcs.empty()) return out;
  out.kind = arcs.front();
  out.arcs.assign(arcs.begin() + 1, arcs.end());
  return out;
}

std::optional<CipherAlgorithm> cipherOfArc(int arc) {
  switch (arc) {
    case 1:
      return CipherAlgorithm::Des3;
    case 2:
      return CipherAlgorithm::Aes128;
    case 3:
      return CipherAlgorithm::Aes192;
    case 4:
      return CipherAlgorithm::Aes256;
    default:
      return std::nullopt;
  }
}

class InfoParser {
 public:
  explicit InfoParser(const char* structure) : structure_(structure) {}

  Result<void> add(const Tlv& element, SecurityInfos& out) const;

 private:
  Error invalid(const std::string& what) const {
    return detail::invalidStructure(structure_, what);
  }

  // A non-negative INTEGER of at most 4 value bytes (a leading 00 aside).
  Result<std::uint32_t> unsignedInteger(const Tlv& tlv, const char* what) const {
    ByteView v = tlv.value;
    if (tlv.tag != kInteger || v.empty() || (v[0] & 0x80) != 0) {
      return invalid(std::string(what) + " is not a non-negative INTEGER");
    }
    if (v.size() > 1 && v[0] == 0) v = v.subspan(1);
    if (v.size() > 4) return invalid(std::string(what) + " is too large");
    std::uint32_t value = 0;
    for (const std::uint8_t b : v) value = (value << 8) | b;
    return value;
  }

  Result<int> smallInteger(const Tlv& tlv, const char* what) const {
    auto value = unsignedInteger(tlv, what);
    if (!value) return value.error();
    if (*value > 0xFFFF) return invalid(std::string(what) + " is too large");
    return static_cast<int>(*value);
  }

  Result<void> fieldCount(const std::vector<Tlv>& fields, std::size_t min, std::size_t max,
                          const char* info) const {
    if (fields.size() < min || fields.size() > max) {
      return invalid(std::string(info) + " has " + std::to_string(fields.size()) + " fields");
    }
    return Ok{};
  }

  Result<void> pace(const std::string& oid, const Protocol& protocol,
                    const std::vector<Tlv>& fields, SecurityInfos& out) const;
  Result<void> chipAuthentication(const std::string& oid, const Protocol& protocol,
                                  const std::vector<Tlv>& fields, SecurityInfos& out) const;
  Result<void> publicKey(const std::string& oid, const Protocol& protocol,
                         const std::vector<Tlv>& fields, SecurityInfos& out) const;
  Result<void> terminal(const std::vector<Tlv>& fields, SecurityInfos& out) const;
  Result<void> active(const std::vector<Tlv>& fields, SecurityInfos& out) const;

  const char* structure_;
};

Result<void> InfoParser::pace(const std::string& oid, const Protocol& protocol,
                              const std::vector<Tlv>& fields, SecurityInfos& out) const {
  auto count = fieldCount(fields, 2, 3, "PACEInfo");
  if (!count) return count.error();
  PaceInfo info;
  info.oid = oid;
  const int mapping = protocol.arcs[0];
  info.agreement = (mapping == 1 || mapping == 3) ? KeyAgreement::Dh : KeyAgreement::Ecdh;
  info.mapping = mapping <= 2   ? PaceMapping::Generic
                 : mapping <= 4 ? PaceMapping::Integrated
                                : PaceMapping::ChipAuthentication;
  info.cipher = *cipherOfArc(protocol.arcs[1]);
  auto version = smallInteger(fields[1], "PACEInfo version");
  if (!version) return version.error();
  info.version = *version;
  if (fields.size() == 3) {
    auto id = smallInteger(fields[2], "PACEInfo parameterId");
    if (!id) return id.error();
    info.parameterId = *id;
    info.parameters = standardDomainParameters(*id);
  }
  out.pace.push_back(std::move(info));
  return Ok{};
}

Result<void> InfoParser::chipAuthentication(const std::string& oid, const Protocol& protocol,
                                            const std::vector<Tlv>& fields,
                                            SecurityInfos& out) const {
  auto count = fieldCount(fields, 2, 3, "ChipAuthenticationInfo");
  if (!count) return count.error();
  ChipAuthenticationInfo info;
  info.oid = oid;
  info.agreement = protocol.arcs[0] == 1 ? KeyAgreement::Dh : KeyAgreement::Ecdh;
  info.cipher = *cipherOfArc(protocol.arcs[1]);
  auto version = smallInteger(fields[1], "ChipAuthenticationInfo version");
  if (!version) return version.error();
  info.version = *version;
  if (fields.size() == 3) {
    auto keyId = unsignedInteger(fields[2], "ChipAuthenticationInfo keyId");
    if (!keyId) return keyId.error();
    info.keyId = *keyId;
  }
  out.chipAuthentication.push_back(std::move(info));
  return Ok{};
}

Result<void> InfoParser::publicKey(const std::string& oid, const Protocol& protocol,
                                   const std::vector<Tlv>& fields, SecurityInfos& out) const {
  auto count = fieldCount(fields, 2, 3, "ChipAuthenticationPublicKeyInfo");
  if (!count) return count.error();
  if (fields[1].tag != kSequence) {
    return invalid("ChipAuthenticationPublicKeyInfo key is not a SubjectPublicKeyInfo");
  }
  auto keyFields = detail::children(fields[1].value, structure_);
  if (!keyFields) return keyFields.error();
  ChipAuthenticationPublicKeyInfo info;
  info.oid = oid;
  info.agreement = protocol.arcs[0] == 1 ? KeyAgreement::Dh : KeyAgreement::Ecdh;
  const ByteView key(fields[1].value.data() - fields[1].headerSize, fields[1].size());
  info.subjectPublicKeyInfo.assign(key.begin(), key.end());
  if (fields.size() == 3) {
    auto keyId = unsignedInteger(fields[2], "ChipAuthenticationPublicKeyInfo keyId");
    if (!keyId) return keyId.error();
    info.keyId = *keyId;
  }
  out.chipAuthenticationPublicKeys.push_back(std::move(info));
  return Ok{};
}

Result<void> InfoParser::terminal(const std::vector<Tlv>& fields, SecurityInfos& out) const {
  auto count = fieldCount(fields, 2, 3, "TerminalAuthenticationInfo");
  if (!count) return count.error();
  TerminalAuthenticationInfo info;
  auto version = smallInteger(fields[1], "TerminalAuthenticationInfo version");
  if (!version) return version.error();
  info.version = *version;
  if (fields.size() == 3) {
    if (fields[2].tag != kSequence) return invalid("TerminalAuthenticationInfo efCVCA");
    const ByteView file(fields[2].value.data() - fields[2].headerSize, fields[2].size());
    info.efCvca.assign(file.begin(), file.end());
  }
  out.terminalAuthentication.push_back(std::move(info));
  return Ok{};
}

Result<void> InfoParser::active(const std::vector<Tlv>& fields, SecurityInfos& out) const {
  auto count = fieldCount(fields, 3, 3, "ActiveAuthenticationInfo");
  if (!count) return count.error();
  ActiveAuthenticationInfo info;
  auto version = smallInteger(fields[1], "ActiveAuthenticationInfo version");
  if (!version) return version.error();
  info.version = *version;
  if (fields[2].tag != kOid) return invalid("ActiveAuthenticationInfo has no signature OID");
  auto algorithm = oidToDotted(fields[2].value);
  if (!algorithm) return invalid(algorithm.error().detail());
  info.signatureAlgorithmOid = *algorithm;
  out.activeAuthentication.push_back(std::move(info));
  return Ok{};
}

Result<void> InfoParser::add(const Tlv& element, SecurityInfos& out) const {
  if (element.tag != kSequence) return invalid("SecurityInfo is not a SEQUENCE");
  auto fields = detail::children(element.value, structure_);
  if (!fields) return fields.error();
  if (fields->empty() || (*fields)[0].tag != kOid) return invalid("SecurityInfo has no OID");
  auto oid = oidToDotted((*fields)[0].value);
  if (!oid) return invalid(oid.error().detail());
  const Protocol protocol = classify(*oid);
  const auto& arcs = protocol.arcs;
  const bool cipherKnown = arcs.size() == 2 && cipherOfArc(arcs[1]).has_value();
  if (protocol.kind == 4 && cipherKnown &&
      ((arcs[0] >= 1 && arcs[0] <= 4) || (arcs[0] == 6 && arcs[1] != 1))) {
    return pace(*oid, protocol, *fields, out);
  }
  if (protocol.kind == 3 && cipherKnown && arcs[0] <= 2 && arcs[0] >= 1) {
    return chipAuthentication(*oid, protocol, *fields, out);
  }
  if (protocol.kind == 1 && arcs.size() == 1 && (arcs[0] == 1 || arcs[0] == 2)) {
    return publicKey(*oid, protocol, *fields, out);
  }
  if (protocol.kind == 2 && arcs.empty()) return terminal(*fields, out);
  if (*oid == kActiveAuthentication) return active(*fields, out);
  const ByteView der(element.value.data() - element.headerSize, element.size());
  out.unknown.push_back(UnknownSecurityInfo{*oid, Bytes(der.begin(), der.end())});
  return Ok{};
}

}  // namespace

Result<SecurityInfos> parseSecurityInfos(ByteView der, const char* structure) {
  auto set = detail::wholeObject(der, kSet, structure);
  if (!set) return set.error();
  auto elements = detail::children(set->value, structure);
  if (!elements) return elements.error();
  SecurityInfos out;
  const InfoParser parser(structure);
  for (const Tlv& element : *elements) {
    auto added = parser.add(element, out);
    if (!added) return added.error();
  }
  return out;
}

}  // namespace onestop::emrtd
