#include "onestop/api/method_registry.hpp"

#include <algorithm>
#include <stdexcept>

namespace onestop::api {

void MethodRegistry::add(MethodSpec spec) {
  if (methods_.count(spec.name) > 0) {
    throw std::invalid_argument("method registered twice: " + spec.name);
  }
  Schema params(spec.paramsSchema);
  Schema result(spec.resultSchema);
  auto name = spec.name;
  methods_.emplace(std::move(name), std::make_unique<Entry>(Entry{
                                        std::move(spec), std::move(params), std::move(result)}));
}

void MethodRegistry::addEvent(EventSpec spec) {
  if (hasEvent(spec.name)) throw std::invalid_argument("event registered twice: " + spec.name);
  Schema check(spec.paramsSchema);  // compile once so a bad schema fails at registration
  events_.push_back(std::move(spec));
}

const MethodRegistry::Entry* MethodRegistry::find(const std::string& name) const {
  const auto it = methods_.find(name);
  return it == methods_.end() ? nullptr : it->second.get();
}

std::vector<const MethodRegistry::Entry*> MethodRegistry::methods() const {
  std::vector<const Entry*> out;
  out.reserve(methods_.size());
  for (const auto& [name, entry] : methods_) out.push_back(entry.get());
  return out;
}

bool MethodRegistry::hasEvent(const std::string& name) const {
  return std::any_of(events_.begin(), events_.end(),
                     [&](const EventSpec& e) { return e.name == name; });
}

}  // namespace onestop::api
