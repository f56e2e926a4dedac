#include "onestop/emrtd/object_identifier.hpp"

#include <openssl/objects.h>

#include <memory>

#include "onestop/emrtd/tlv.hpp"

namespace onestop::emrtd {
namespace {

using Object = std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)>;
constexpr Tag kOid = 0x06;

Error invalid(const std::string& what) {
  return Error(Reason::ValidationFailed, "OBJECT IDENTIFIER: " + what);
}

}  // namespace

Result<std::string> oidToDotted(ByteView content) {
  if (content.empty()) return invalid("empty");
  const Bytes der = encodeTlv(kOid, content);
  const unsigned char* p = der.data();
  Object object(d2i_ASN1_OBJECT(nullptr, &p, static_cast<long>(der.size())), &ASN1_OBJECT_free);
  if (!object) return invalid("malformed");
  char dotted[160];
  const int size = OBJ_obj2txt(dotted, sizeof dotted, object.get(), 1);
  if (size <= 0 || static_cast<std::size_t>(size) >= sizeof dotted) return invalid("unreadable");
  return std::string(dotted);
}

Result<Bytes> oidContent(std::string_view dotted) {
  const std::string text(dotted);
  const bool wellFormed = !text.empty() && text.front() != '.' && text.back() != '.' &&
                          text.find_first_not_of("0123456789.") == std::string::npos &&
                          text.find("..") == std::string::npos &&
                          text.find('.') != std::string::npos;
  if (!wellFormed) return invalid("not a dotted OID");
  Object object(OBJ_txt2obj(text.c_str(), 1), &ASN1_OBJECT_free);
  if (!object) return invalid("not a dotted OID");
  const int size = i2d_ASN1_OBJECT(object.get(), nullptr);
  if (size <= 2) return invalid("cannot encode");
  Bytes der(static_cast<std::size_t>(size));
  unsigned char* p = der.data();
  i2d_ASN1_OBJECT(object.get(), &p);
  auto tlv = parseTlv(der);
  if (!tlv) return invalid("cannot encode");
  return Bytes(tlv->value.begin(), tlv->value.end());
}

}  // namespace onestop::emrtd
