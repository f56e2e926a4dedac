#pragma once

#include <initializer_list>
#include <string>
#include <utility>

#include "onestop/api/json.hpp"

// Small builders so method declarations read like the schemas they declare.
namespace onestop::api::schema {

inline Json object(Json properties, std::initializer_list<const char*> required = {},
                   bool closed = true) {
  Json s{{"type", "object"}, {"properties", std::move(properties)}};
  if (required.size() > 0) {
    s["required"] = Json::array();
    for (const char* r : required) s["required"].push_back(r);
  }
  if (closed) s["additionalProperties"] = false;
  return s;
}
inline Json empty() {
  return object(Json::object());
}
inline Json string(const char* description = nullptr) {
  Json s{{"type", "string"}};
  if (description != nullptr) s["description"] = description;
  return s;
}
// A documented default (also what the handler uses) and the example clients prefill.
inline Json withDefault(Json schema, Json value) {
  schema["default"] = value;
  schema["examples"] = Json::array({std::move(value)});
  return schema;
}
inline Json withExamples(Json schema, Json examples) {
  schema["examples"] = std::move(examples);
  return schema;
}
inline Json boolean() {
  return Json{{"type", "boolean"}};
}
inline Json integer() {
  return Json{{"type", "integer"}};
}
inline Json number() {
  return Json{{"type", "number"}};
}
inline Json arrayOf(Json items) {
  return Json{{"type", "array"}, {"items", std::move(items)}};
}
inline Json enumOf(std::initializer_list<const char*> values) {
  Json s{{"type", "string"}, {"enum", Json::array()}};
  for (const char* v : values) s["enum"].push_back(v);
  return s;
}

}  // namespace onestop::api::schema
