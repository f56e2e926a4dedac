#include "apdu_replay.hpp"

#include <fstream>
#include <sstream>

#ifndef ONESTOP_TEST_DATA_DIR
#error "ONESTOP_TEST_DATA_DIR must name tests/data"
#endif

namespace onestop::emrtd::testing {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return std::string(s.substr(first, last - first + 1));
}

Error lineError(std::size_t line, const std::string& what) {
  return Error(Reason::ValidationFailed, "apdu script line " + std::to_string(line) + ": " + what);
}

}  // namespace

Result<ApduScript> parseApduScript(std::string_view text) {
  ApduScript script;
  std::string pendingName;
  std::istringstream in{std::string(text)};
  std::string raw;
  std::size_t lineNo = 0;
  bool awaitingResponse = false;
  while (std::getline(in, raw)) {
    ++lineNo;
    const std::string line = trim(raw);
    if (line.empty()) continue;
    if (line[0] == '#') {
      pendingName = trim(std::string_view(line).substr(1));
      continue;
    }
    if (awaitingResponse && line[0] != '<') return lineError(lineNo, "'<' expected after '>'");
    if (line[0] == '>' || line[0] == '<') {
      auto bytes = fromHex(std::string_view(line).substr(1));
      if (!bytes) return lineError(lineNo, bytes.error().detail());
      if (line[0] == '>') {
        script.steps.push_back(ApduStep{pendingName, std::move(*bytes), {}, false});
        awaitingResponse = true;
      } else {
        if (!awaitingResponse) return lineError(lineNo, "'<' without a command");
        script.steps.back().response = std::move(*bytes);
        awaitingResponse = false;
      }
    } else if (line.rfind("rng", 0) == 0) {
      auto bytes = fromHex(std::string_view(line).substr(3));
      if (!bytes) return lineError(lineNo, bytes.error().detail());
      append(script.random, *bytes);
    } else if (line == "! removed") {
      script.steps.push_back(ApduStep{pendingName, {}, {}, true});
    } else {
      return lineError(lineNo, "unknown line");
    }
  }
  if (awaitingResponse) return lineError(lineNo, "command without response at the end");
  return script;
}

Result<ApduScript> loadApduScript(const std::string& relativePath) {
  const std::string path = std::string(ONESTOP_TEST_DATA_DIR) + "/" + relativePath;
  std::ifstream file(path);
  if (!file) return Error(Reason::ValidationFailed, "cannot open " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return parseApduScript(text.str());
}

Result<Bytes> ReplayTransport::transmit(const Bytes& command) {
  if (removed_ || next_ == removedAt_ ||
      (next_ < script_.steps.size() && script_.steps[next_].removed)) {
    removed_ = true;
    return Error(Reason::CardRemoved, "replay: card removed");
  }
  if (!failure_.empty()) return Error(Reason::IoError, "replay: " + failure_);
  if (next_ >= script_.steps.size()) {
    failure_ = "unexpected command after the last step: " + toHex(command);
    return Error(Reason::IoError, "replay: " + failure_);
  }
  const ApduStep& step = script_.steps[next_];
  if (command != step.command) {
    failure_ = "step " + std::to_string(next_) + " (" + step.name + "): expected " +
               toHex(step.command) + ", got " + toHex(command);
    return Error(Reason::IoError, "replay: " + failure_);
  }
  Bytes response = step.response;
  if (auto it = statusAt_.find(next_); it != statusAt_.end() && response.size() >= 2) {
    response[response.size() - 2] = static_cast<std::uint8_t>(it->second >> 8);
    response[response.size() - 1] = static_cast<std::uint8_t>(it->second & 0xFF);
  }
  ++next_;
  return response;
}

::testing::AssertionResult ReplayTransport::verify() const {
  if (!failure_.empty()) return ::testing::AssertionFailure() << failure_;
  if (removed_) return ::testing::AssertionSuccess();
  if (next_ < script_.steps.size()) {
    const ApduStep& step = script_.steps[next_];
    if (step.removed) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << (script_.steps.size() - next_) << " exchange(s) left, next: step " << next_ << " ("
           << step.name << ") " << toHex(step.command);
  }
  return ::testing::AssertionSuccess();
}

}  // namespace onestop::emrtd::testing
