#include "onestop/emrtd/lds_security_object.hpp"

#include <openssl/evp.h>
#include <openssl/objects.h>

#include <memory>

#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

constexpr Tag kSequence = 0x30;
constexpr Tag kInteger = 0x02;
constexpr Tag kOctetString = 0x04;
constexpr Tag kOid = 0x06;

Error invalid(const std::string& what) {
  return Error(Reason::ValidationFailed, "LDSSecurityObject: " + what);
}

// A small non-negative INTEGER (the version, a data-group number).
Result<int> smallInteger(const Tlv& tlv) {
  if (tlv.tag != kInteger || tlv.value.empty() || tlv.value.size() > 2 || (tlv.value[0] & 0x80)) {
    return invalid("expected a small INTEGER");
  }
  int value = 0;
  for (const std::uint8_t b : tlv.value) value = (value << 8) | b;
  return value;
}

using Object = std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)>;

// Dotted OID and, when OpenSSL knows it as a digest, its name.
Result<std::pair<std::string, std::string>> describeOid(const Tlv& oid) {
  const Bytes der = encodeTlv(kOid, oid.value);
  const unsigned char* p = der.data();
  Object object(d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(der.size())), &ASN1_OBJECT_free);
  if (!object) return invalid("malformed hash algorithm OID");
  char dotted[128];
  if (OBJ_obj2txt(dotted, sizeof dotted, object.get(), 1) <= 0) return invalid("unreadable OID");
  std::string name;
  const int nid = OBJ_obj2nid(object.get());
  if (nid != NID_undef && EVP_get_digestbynid(nid) != nullptr) name = OBJ_nid2sn(nid);
  return std::make_pair(std::string(dotted), name);
}

Result<std::pair<int, Bytes>> dataGroupHash(const Tlv& entry) {
  if (entry.tag != kSequence) return invalid("DataGroupHash is not a SEQUENCE");
  auto fields = parseTlvList(entry.value);
  if (!fields) return fields.error();
  if (fields->size() != 2 || (*fields)[1].tag != kOctetString) {
    return invalid("DataGroupHash needs a number and an OCTET STRING");
  }
  auto number = smallInteger((*fields)[0]);
  if (!number) return number.error();
  if (*number < 1 || *number > 16) return invalid("data-group number outside 1..16");
  const ByteView hash = (*fields)[1].value;
  return std::make_pair(*number, Bytes(hash.begin(), hash.end()));
}

}  // namespace

Result<LdsSecurityObject> parseLdsSecurityObject(ByteView der) {
  auto outer = parseTlv(der);
  if (!outer) return outer.error();
  if (outer->tag != kSequence || outer->size() != der.size()) {
    return invalid("not one SEQUENCE");
  }
  auto fields = parseTlvList(outer->value);
  if (!fields) return fields.error();
  if (fields->size() < 3 || fields->size() > 4) return invalid("wrong number of fields");
  LdsSecurityObject out;
  auto version = smallInteger((*fields)[0]);
  if (!version) return version.error();
  if (*version > 1) return invalid("unknown version " + std::to_string(*version));
  out.version = *version;

  if ((*fields)[1].tag != kSequence) return invalid("hashAlgorithm is not a SEQUENCE");
  auto algorithm = parseTlvList((*fields)[1].value);
  if (!algorithm) return algorithm.error();
  if (algorithm->empty() || (*algorithm)[0].tag != kOid) return invalid("hashAlgorithm has no OID");
  auto oid = describeOid((*algorithm)[0]);
  if (!oid) return oid.error();
  out.hashAlgorithmOid = oid->first;
  out.hashAlgorithm = oid->second;
  std::size_t hashSize = 0;
  if (!out.hashAlgorithm.empty()) {
    const EVP_MD* md = EVP_get_digestbyname(out.hashAlgorithm.c_str());
    if (md != nullptr) hashSize = static_cast<std::size_t>(EVP_MD_get_size(md));
  }

  if ((*fields)[2].tag != kSequence) return invalid("dataGroupHashValues is not a SEQUENCE");
  auto entries = parseTlvList((*fields)[2].value);
  if (!entries) return entries.error();
  for (const Tlv& entry : *entries) {
    auto hash = dataGroupHash(entry);
    if (!hash) return hash.error();
    if (hashSize != 0 && hash->second.size() != hashSize) {
      return invalid("hash of DG" + std::to_string(hash->first) + " has the wrong length");
    }
    if (!out.dataGroupHashes.emplace(hash->first, std::move(hash->second)).second) {
      return invalid("DG" + std::to_string(hash->first) + " listed twice");
    }
  }
  if (out.dataGroupHashes.empty()) return invalid("no data-group hash");
  return out;
}

Bytes encodeLdsSecurityObject(const std::string& hashAlgorithmOid,
                              const std::map<int, Bytes>& dataGroupHashes) {
  Object object(OBJ_txt2obj(hashAlgorithmOid.c_str(), 1), &ASN1_OBJECT_free);
  Bytes oid;
  if (object) {
    const int size = i2d_ASN1_OBJECT(object.get(), nullptr);
    if (size > 0) {
      oid.resize(static_cast<std::size_t>(size));
      unsigned char* p = oid.data();
      i2d_ASN1_OBJECT(object.get(), &p);
    }
  }
  Bytes hashes;
  for (const auto& [number, hash] : dataGroupHashes) {
    Bytes entry = encodeTlv(kInteger, Bytes{static_cast<std::uint8_t>(number)});
    append(entry, encodeTlv(kOctetString, hash));
    append(hashes, encodeTlv(kSequence, entry));
  }
  Bytes body = encodeTlv(kInteger, Bytes{0x00});
  append(body, encodeTlv(kSequence, oid));
  append(body, encodeTlv(kSequence, hashes));
  return encodeTlv(kSequence, body);
}

}  // namespace onestop::emrtd
