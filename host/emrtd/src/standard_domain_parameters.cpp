#include "onestop/emrtd/standard_domain_parameters.hpp"

#include <array>

namespace onestop::emrtd {
namespace {

constexpr std::array<StandardDomainParameters, 14> kTable{{
    {0, false, "dh_1024_160", 1024},
    {1, false, "dh_2048_224", 2048},
    {2, false, "dh_2048_256", 2048},
    {8, true, "prime192v1", 192},
    {9, true, "brainpoolP192r1", 192},
    {10, true, "secp224r1", 224},
    {11, true, "brainpoolP224r1", 224},
    {12, true, "prime256v1", 256},
    {13, true, "brainpoolP256r1", 256},
    {14, true, "brainpoolP320r1", 320},
    {15, true, "secp384r1", 384},
    {16, true, "brainpoolP384r1", 384},
    {17, true, "brainpoolP512r1", 512},
    {18, true, "secp521r1", 521},
}};

}  // namespace

std::optional<StandardDomainParameters> standardDomainParameters(int id) {
  for (const StandardDomainParameters& entry : kTable) {
    if (entry.id == id) return entry;
  }
  return std::nullopt;
}

}  // namespace onestop::emrtd
