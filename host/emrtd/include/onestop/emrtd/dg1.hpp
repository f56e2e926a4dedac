#pragma once

#include <string>

#include "onestop/common/result.hpp"
#include "onestop/emrtd/bytes.hpp"
#include "onestop/emrtd/mrz.hpp"

namespace onestop::emrtd {

// EF.DG1 (ICAO 9303-10 §4.7.1): 61 { 5F1F MRZ characters }. A CCCD holds a TD1 MRZ of 90
// characters (cccd.md §5).
struct Dg1 {
  std::string mrzText;  // the 90 characters as stored, without line breaks
  Mrz mrz;
};

// The whole file. A malformed or truncated file, an MRZ that is not a TD1 (90 characters), or
// one the MRZ parser refuses (bad character, wrong check digit) is Reason::ValidationFailed
// ("DG1: ...").
Result<Dg1> parseDg1(ByteView file);

}  // namespace onestop::emrtd
