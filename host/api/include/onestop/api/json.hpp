#pragma once

#include <nlohmann/json.hpp>

namespace onestop::api {
using Json = nlohmann::json;
}  // namespace onestop::api
