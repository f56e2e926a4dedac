#pragma once

#include <cstdint>
#include <span>
#include <string>

namespace onestop::simulator {

// "3B8080..." — upper-case, no separators.
std::string toHex(std::span<const std::uint8_t> bytes);

}  // namespace onestop::simulator
