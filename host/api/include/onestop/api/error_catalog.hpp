#pragma once

#include <string_view>

#include "onestop/api/json.hpp"
#include "onestop/common/error.hpp"

namespace onestop::api {

// JSON-RPC 2.0 protocol error codes.
namespace rpc_code {
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
}  // namespace rpc_code

// What the API promises about each reason: its stable application code (1000–1099), whether the
// caller may retry as is, and the message staff see, in Vietnamese and English.
struct ReasonInfo {
  int code;
  bool retriable;
  std::string_view vi;
  std::string_view en;
};

const ReasonInfo& reasonInfo(Reason reason);

// The JSON-RPC `error` member for an application error:
// {code, message, data: {reason, retriable, message: {vi, en}, details?}}.
Json applicationError(const Error& error, const Json& details = nullptr);

// A protocol error whose data still carries a reason so clients handle one shape.
Json protocolError(int code, std::string_view message, Reason reason,
                   const Json& details = nullptr);

}  // namespace onestop::api
