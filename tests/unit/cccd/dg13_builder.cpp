#include "dg13_builder.hpp"

namespace onestop::cccd::testing {
namespace {

Bytes bytesOf(std::string_view text) {
  return Bytes(text.begin(), text.end());
}

}  // namespace

Bytes tlv(emrtd::Tag tag, const Bytes& value) {
  return emrtd::encodeTlv(tag, value);
}
Bytes utf8(std::string_view text) {
  return tlv(0x0C, bytesOf(text));
}
Bytes printable(std::string_view text) {
  return tlv(0x13, bytesOf(text));
}

Bytes integer(std::uint32_t value) {
  Bytes content;
  do {
    content.insert(content.begin(), static_cast<std::uint8_t>(value & 0xFF));
    value >>= 8;
  } while (value != 0);
  if ((content.front() & 0x80) != 0) content.insert(content.begin(), 0x00);
  return tlv(0x02, content);
}

Bytes sequence(const std::vector<Bytes>& items) {
  Bytes content;
  for (const auto& item : items) emrtd::append(content, item);
  return tlv(0x30, content);
}

Bytes field(std::uint32_t number, const std::vector<Bytes>& values) {
  std::vector<Bytes> items{integer(number)};
  items.insert(items.end(), values.begin(), values.end());
  return sequence(items);
}

Bytes dg13(const std::vector<Bytes>& fields, std::uint32_t version) {
  Bytes set;
  for (const auto& f : fields) emrtd::append(set, f);
  const Bytes body =
      sequence({integer(version), emrtd::hexBytes("06 06 28 D3 16 01 00 08"), tlv(0x31, set)});
  return tlv(0x6D, body);
}

std::vector<Bytes> sample2021Fields() {
  return {
      field(1, {printable("001303012345")}),
      field(2, {utf8("Lê Thị Ánh Tuyết")}),
      field(3, {printable("24/12/2003")}),
      field(4, {utf8("Nữ")}),
      field(5, {utf8("Việt Nam")}),
      field(6, {utf8("Kinh")}),
      field(7, {utf8("Không")}),
      field(8, {utf8("Xã Yên Sở, Huyện Hoài Đức, Hà Nội")}),
      field(9, {utf8("Số 12 ngõ 34 phố Huế, Phường Phố Huế, Quận Hai Bà Trưng, Hà Nội")}),
      field(10, {utf8("Nốt ruồi C:1cm trên trước mép phải")}),
      field(11, {printable("10/05/2021")}),
      field(12, {utf8("24/12/2028")}),
      field(13, {sequence({utf8("Lê Văn Hùng")}), sequence({utf8("Phạm Thị Mai")})}),
      field(14),
      field(16, {printable("3C9A0F11B27D4E65")}),
  };
}

std::vector<Bytes> sample2024Fields() {
  return {
      field(1, {printable("031088004567")}),
      field(2, {utf8("Đặng Quốc Bảo")}),
      field(3, {printable("03/02/1988")}),
      field(4, {utf8("Nam")}),
      field(5, {utf8("Việt Nam")}),
      field(6, {utf8("Kinh")}),
      field(7, {utf8("Phật giáo")}),
      field(8, {utf8("Thành phố Hải Phòng")}),
      field(9, {utf8("Tổ dân phố 5, Phường Lê Chân, Thành phố Hải Phòng")}),
      field(10, {utf8("Sẹo chấm C:2cm dưới sau đuôi mắt trái")}),
      field(11, {printable("15/08/2024")}),
      field(12, {utf8("03/02/2028")}),
      field(13, {sequence({utf8("Đặng Văn Tâm")}), sequence({utf8("Hoàng Thị Lan")})}),
      field(14, {sequence({utf8("Vũ Thị Thu Hà")})}),
      field(15, {printable("031456789")}),
      field(16, {printable("0A1B2C3D4E5F6071")}),
      field(17, {utf8("Bộ Công an")}),
  };
}

}  // namespace onestop::cccd::testing
