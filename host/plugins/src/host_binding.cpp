#include "host_binding.hpp"

#include <cstring>
#include <variant>

namespace onestop::plugins {
namespace {

constexpr std::size_t kMaxLogLine = 1024;

LogLevel logLevel(std::int32_t level) {
  switch (level) {
    case ONESTOP_LOG_DEBUG:
      return LogLevel::Debug;
    case ONESTOP_LOG_WARNING:
      return LogLevel::Warning;
    case ONESTOP_LOG_ERROR:
      return LogLevel::Error;
    default:
      return LogLevel::Info;
  }
}

// One line, bounded, without control characters, so a plugin cannot forge log records.
std::string sanitize(const char* message) {
  std::string line(message, strnlen(message, kMaxLogLine));
  for (char& c : line) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  return line;
}

}  // namespace

HostBinding::HostBinding(std::string pluginId, LogFunction log, EventRouter& router)
    : pluginId_(std::move(pluginId)), log_(std::move(log)), router_(router) {
  api_.header = {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof(onestop_host_api)};
  api_.host_context = this;
  api_.log = &HostBinding::onLog;
  api_.emit = &HostBinding::onEmit;
}

void HostBinding::log(LogLevel level, std::string message) const noexcept {
  if (!log_) return;
  try {
    log_(level, std::move(message));
  } catch (...) {  // a failing logger must not unwind into the plugin
  }
}

void HostBinding::onLog(void* context, std::int32_t level, const char* message) noexcept {
  auto* self = static_cast<HostBinding*>(context);
  if (self == nullptr || message == nullptr || !self->open_.load()) return;
  try {
    self->log(logLevel(level), "[" + self->pluginId_ + "] " + sanitize(message));
  } catch (...) {
  }
}

void HostBinding::onEmit(void* context, const onestop_event* event) noexcept {
  auto* self = static_cast<HostBinding*>(context);
  if (self == nullptr || !self->open_.load()) return;
  try {
    auto read = readPluginEvent(event);
    if (auto* problem = std::get_if<std::string>(&read)) {
      self->log(LogLevel::Warning,
                "[" + self->pluginId_ + "] malformed event dropped: " + *problem);
      return;
    }
    self->router_.route(self->pluginId_, std::get<PluginEvent>(read));
  } catch (...) {
    self->log(LogLevel::Error, "[" + self->pluginId_ + "] event dropped: routing failed");
  }
}

}  // namespace onestop::plugins
