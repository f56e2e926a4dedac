#include "onestop/daemon/logging.hpp"

#include <Poco/AutoPtr.h>
#include <Poco/ConsoleChannel.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Formatter.h>
#include <Poco/FormattingChannel.h>
#include <Poco/Logger.h>
#include <Poco/Message.h>
#include <Poco/PatternFormatter.h>

#include <nlohmann/json.hpp>

namespace onestop::daemon {
namespace {

const char* levelName(Poco::Message::Priority p) {
  switch (p) {
    case Poco::Message::PRIO_FATAL:
      return "fatal";
    case Poco::Message::PRIO_CRITICAL:
      return "critical";
    case Poco::Message::PRIO_ERROR:
      return "error";
    case Poco::Message::PRIO_WARNING:
      return "warning";
    case Poco::Message::PRIO_NOTICE:
      return "notice";
    case Poco::Message::PRIO_INFORMATION:
      return "information";
    case Poco::Message::PRIO_DEBUG:
      return "debug";
    case Poco::Message::PRIO_TRACE:
      return "trace";
  }
  return "information";
}

// One JSON object per line, for journald/Loki/Elastic pipelines.
class JsonLinesFormatter : public Poco::Formatter {
 public:
  void format(const Poco::Message& msg, std::string& text) override {
    nlohmann::json line{{"ts", Poco::DateTimeFormatter::format(
                                   msg.getTime(), Poco::DateTimeFormat::ISO8601_FRAC_FORMAT)},
                        {"level", levelName(msg.getPriority())},
                        {"logger", msg.getSource()},
                        {"msg", msg.getText()},
                        {"thread", msg.getTid()}};
    text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
};

}  // namespace

void configureLogging(const std::string& level, const std::string& format) {
  Poco::AutoPtr<Poco::Formatter> formatter;
  if (format == "json") {
    formatter = new JsonLinesFormatter;
  } else {
    formatter = new Poco::PatternFormatter("%Y-%m-%d %H:%M:%S.%i %p %s: %t");
  }
  Poco::AutoPtr<Poco::Channel> console(new Poco::ConsoleChannel);  // stderr
  Poco::AutoPtr<Poco::Channel> channel(new Poco::FormattingChannel(formatter, console));
  Poco::Logger::root().setChannel(channel);
  Poco::Logger::root().setLevel(level);
  Poco::Logger::setChannel("", channel);
  Poco::Logger::setLevel("", Poco::Logger::parseLevel(level));
}

}  // namespace onestop::daemon
