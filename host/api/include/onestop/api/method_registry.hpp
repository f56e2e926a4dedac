#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "onestop/api/json.hpp"
#include "onestop/api/schema.hpp"
#include "onestop/common/result.hpp"

namespace onestop::api {

class Session;

struct CallContext {
  Session& session;
  // Structured details for the error the handler returns (the scanners to choose from …):
  // the dispatcher puts them into error.data.details next to the developer detail.
  Json errorDetails = nullptr;
};

using Handler = std::function<Result<Json>(const Json& params, CallContext& context)>;

// A method as data: the dispatcher, the permission check and rpc.discover all read this.
struct MethodSpec {
  std::string name;     // "devices.list"
  std::string family;   // permission family, "devices"
  std::string summary;  // one English line for the OpenRPC document
  Json paramsSchema;    // JSON Schema of the params object
  Json resultSchema;    // JSON Schema of the result
  Handler handler;
  // Takes seconds (card read, scan): runs on the dispatcher's executor so the session keeps
  // reading frames (card.cancel, pings); the response is sent when it finishes.
  bool longRunning = false;
};

// An event as data, so that the OpenRPC document and the JS client know its payload.
struct EventSpec {
  std::string name;  // "card.inserted"
  std::string summary;
  Json paramsSchema;
};

class MethodRegistry {
 public:
  struct Entry {
    MethodSpec spec;
    Schema params;
    Schema result;
  };

  // Throws std::invalid_argument on a duplicate name or a schema that does not compile:
  // both are programming errors caught by the first test that builds the registry.
  void add(MethodSpec spec);
  void addEvent(EventSpec spec);

  [[nodiscard]] const Entry* find(const std::string& name) const;
  [[nodiscard]] std::vector<const Entry*> methods() const;
  [[nodiscard]] const std::vector<EventSpec>& events() const { return events_; }
  [[nodiscard]] bool hasEvent(const std::string& name) const;

 private:
  std::map<std::string, std::unique_ptr<Entry>> methods_;
  std::vector<EventSpec> events_;
};

}  // namespace onestop::api
