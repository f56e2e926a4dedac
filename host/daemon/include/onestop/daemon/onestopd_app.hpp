#pragma once

#include <Poco/Util/ServerApplication.h>

#include <map>
#include <string>

namespace onestop::daemon {

// onestopd: assembles config, logging, plugins, the API and the transport, then waits for
// SIGTERM/SIGINT and takes them down in reverse order.
class OnestopdApp : public Poco::Util::ServerApplication {
 protected:
  void defineOptions(Poco::Util::OptionSet& options) override;
  void handleOption(const std::string& name, const std::string& value) override;
  int main(const std::vector<std::string>& args) override;

 private:
  int runDaemon();

  bool helpRequested_ = false;
  bool versionRequested_ = false;
  bool printConfig_ = false;
  std::string configPath_;
  std::map<std::string, std::string> overrides_;  // CLI options, as ONESTOP_* variables
};

}  // namespace onestop::daemon
