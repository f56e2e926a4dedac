#pragma once

#include <cstdint>
#include <memory>

#include "onestop/common/result.hpp"
#include "onestop/daemon/config.hpp"

namespace onestop::daemon {

// Everything a running daemon holds, built in dependency order and torn down in reverse.
class Services {
 public:
  static Result<std::unique_ptr<Services>> start(const Config& config);
  ~Services();
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  [[nodiscard]] std::uint16_t port() const;
  // Closes sessions, unloads plugins, removes the published files; idempotent.
  void stop();

 private:
  struct Parts;
  explicit Services(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace onestop::daemon
