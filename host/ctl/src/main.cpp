// onestopctl: talk to a local onestopd from the shell.
#include <csignal>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "onestop/ctl/procedure_command.hpp"
#include "onestop/ctl/rpc_client.hpp"
#include "onestop/version.hpp"

namespace {

using onestop::api::Json;
using onestop::ctl::RpcClient;

constexpr const char* kUsage =
    "usage: onestopctl [--runtime-dir DIR] [--port PORT] <command>\n"
    "\n"
    "commands:\n"
    "  devices                  list readers, scanners and printers\n"
    "  call <method> [json]     call any API method with params (default {})\n"
    "  watch [topic ...]        print events as they arrive (default: device.* card.*)\n"
    "  discover                 print the OpenRPC document\n"
    "  version                  print onestopctl's version\n"
    "  procedure test <dir> [--today yyyy-mm-dd]   run a procedure's tests (no daemon)\n"
    "  procedure check <dir>    load a procedure folder and report its problems\n";

struct Arguments {
  std::string runtimeDir;
  int port = 0;
  std::vector<std::string> rest;
};

Arguments parse(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--runtime-dir" && i + 1 < argc) {
      args.runtimeDir = argv[++i];
    } else if (a == "--port" && i + 1 < argc) {
      args.port = std::stoi(argv[++i]);
    } else {
      args.rest.push_back(a);
    }
  }
  return args;
}

// Prints a reply's result, or its error in a form staff can read, and gives the exit code.
int report(const onestop::Result<Json>& reply) {
  if (!reply) {
    std::cerr << "onestopctl: " << reply.error().detail() << '\n';
    return 2;
  }
  if (reply->contains("error")) {
    const auto& error = (*reply)["error"];
    const auto data = error.value("data", Json::object());
    std::cerr
        << "error " << error.value("code", 0) << " " << data.value("reason", std::string()) << ": "
        << data.value("message", Json::object()).value("en", error.value("message", std::string()))
        << '\n';
    if (data.contains("details")) std::cerr << data["details"].dump(2) << '\n';
    return 1;
  }
  std::cout << (*reply)["result"].dump(2) << '\n';
  return 0;
}

int devices(RpcClient& client) {
  auto reply = client.call("devices.list");
  if (!reply || reply->contains("error")) return report(reply);
  for (const auto& d : (*reply)["result"]["devices"]) {
    std::cout << d["kind"].get<std::string>() << '\t' << d["id"].get<std::string>() << '\t'
              << d["name"].get<std::string>();
    if (d.contains("cardPresent"))
      std::cout << (d["cardPresent"].get<bool>() ? "\tcard" : "\tempty");
    std::cout << '\n';
  }
  return 0;
}

int watch(RpcClient& client, std::vector<std::string> topics) {
  if (topics.empty()) topics = {"device.*", "card.*"};
  auto reply = client.call("events.subscribe", Json{{"topics", topics}});
  if (!reply || reply->contains("error")) return report(reply);
  std::signal(SIGPIPE, SIG_IGN);
  for (;;) {
    auto event = client.nextNotification(std::chrono::hours(24));
    if (!event) {
      if (event.error().reason() == onestop::Reason::Timeout) continue;
      std::cerr << "onestopctl: " << event.error().detail() << '\n';
      return 2;
    }
    std::cout << event->dump() << '\n' << std::flush;
  }
}

}  // namespace

int main(int argc, char** argv) {
  const auto args = parse(argc, argv);
  if (args.rest.empty() || args.rest[0] == "--help" || args.rest[0] == "help") {
    std::cout << kUsage;
    return args.rest.empty() ? 64 : 0;
  }
  const auto& command = args.rest[0];
  if (command == "version") {
    std::cout << "onestopctl " << onestop::kVersion << '\n';
    return 0;
  }
  if (command == "procedure") {
    return onestop::ctl::runProcedureCommand({args.rest.begin() + 1, args.rest.end()});
  }
  auto endpoint = onestop::ctl::readEndpoint(args.runtimeDir);
  if (!endpoint) {
    std::cerr << "onestopctl: " << endpoint.error().detail() << '\n';
    return 2;
  }
  RpcClient::Options options;
  options.port = args.port != 0 ? static_cast<std::uint16_t>(args.port) : endpoint->port;
  options.token = endpoint->token;
  auto client = RpcClient::connect(options);
  if (!client) {
    std::cerr << "onestopctl: " << client.error().detail() << '\n';
    return 2;
  }
  auto hello = (*client)->call(
      "system.hello",
      Json{{"client", std::string("onestopctl/") + onestop::kVersion}, {"apiVersions", {"1.0"}}});
  if (!hello || hello->contains("error")) return report(hello);

  if (command == "devices") return devices(**client);
  if (command == "discover") return report((*client)->call("rpc.discover"));
  if (command == "watch") return watch(**client, {args.rest.begin() + 1, args.rest.end()});
  if (command == "call" && args.rest.size() >= 2) {
    Json params = Json::object();
    if (args.rest.size() >= 3) {
      params = Json::parse(args.rest[2], nullptr, false);
      if (params.is_discarded()) {
        std::cerr << "onestopctl: params are not valid JSON\n";
        return 64;
      }
    }
    return report((*client)->call(args.rest[1], params));
  }
  std::cerr << kUsage;
  return 64;
}
