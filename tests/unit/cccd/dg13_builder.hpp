#pragma once

// Test helper: encodes synthetic DG13 files (never a real person's data).

#include <cstdint>
#include <string_view>
#include <vector>

#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/tlv.hpp"

namespace onestop::cccd::testing {

using emrtd::Bytes;

Bytes tlv(emrtd::Tag tag, const Bytes& value);
Bytes utf8(std::string_view text);       // UTF8String (0C)
Bytes printable(std::string_view text);  // PrintableString (13)
Bytes integer(std::uint32_t value);      // INTEGER (02), minimal
Bytes sequence(const std::vector<Bytes>& items);
Bytes field(std::uint32_t number, const std::vector<Bytes>& values = {});

// 6D { 30 { 02 version, 06 1.0.10646.1.0.8, 31 { fields } } }
Bytes dg13(const std::vector<Bytes>& fields, std::uint32_t version = 1);

// A complete 2021 CCCD (issued 10/05/2021) and a 2024 căn cước (issued 15/08/2024) of
// fictitious people; see the .cpp for their values.
std::vector<Bytes> sample2021Fields();
std::vector<Bytes> sample2024Fields();

}  // namespace onestop::cccd::testing
