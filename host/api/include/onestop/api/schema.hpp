#pragma once

#include <memory>
#include <string>
#include <vector>

#include "onestop/api/json.hpp"

namespace onestop::api {

// A JSON Schema (draft 7) compiled once at registration and checked on every call.
// valijson stays behind this pimpl so its headers do not reach every handler.
class Schema {
 public:
  explicit Schema(Json document);
  ~Schema();
  Schema(Schema&&) noexcept;
  Schema& operator=(Schema&&) noexcept;
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  // Empty when valid; otherwise one "<json pointer>: <what>" line per violation.
  [[nodiscard]] std::vector<std::string> validate(const Json& value) const;
  [[nodiscard]] const Json& document() const { return document_; }

 private:
  struct Compiled;
  Json document_;
  std::unique_ptr<Compiled> compiled_;
};

}  // namespace onestop::api
