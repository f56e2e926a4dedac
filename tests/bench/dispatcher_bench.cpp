// In-process cost of dispatching a call, against the floor of parsing and printing the same JSON.
#include <benchmark/benchmark.h>

#include "onestop/api/dispatcher.hpp"
#include "onestop/api/methods.hpp"
#include "onestop/api/session.hpp"
#include "onestop/plugins/device_catalog.hpp"

namespace {

using onestop::api::Json;

class NullSink : public onestop::api::MessageSink {
 public:
  void send(const std::string&) override {}
};

class EmptyCatalog : public onestop::plugins::DeviceCatalog {
 public:
  std::vector<onestop::plugins::DeviceSnapshot> devices() const override { return {}; }
  std::vector<onestop::plugins::PluginReport> plugins() const override { return {}; }
  onestop::Result<std::string> control(const std::string&, const std::string&) override {
    return std::string("{}");
  }
  void setListener(Listener) override {}
};

const std::string kHello =
    R"({"jsonrpc":"2.0","id":1,"method":"system.hello","params":{"client":"bench","apiVersions":["1.0"]}})";

void BM_JsonParseDumpFloor(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Json::parse(kHello).dump());
}
BENCHMARK(BM_JsonParseDumpFloor);

void BM_DispatchHello(benchmark::State& state) {
  EmptyCatalog catalog;
  onestop::api::MethodRegistry registry;
  onestop::api::registerAllMethods(registry, {"bench", {}}, catalog);
  onestop::api::Dispatcher dispatcher(registry, {});
  onestop::api::Session session(1, "", {"*"}, std::make_shared<NullSink>());
  for (auto _ : state) benchmark::DoNotOptimize(dispatcher.handle(kHello, session));
}
BENCHMARK(BM_DispatchHello);

const std::string kDevices = R"({"jsonrpc":"2.0","id":2,"method":"devices.list","params":{}})";

void BM_JsonParseDumpDevicesFloor(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Json::parse(kDevices).dump());
}
BENCHMARK(BM_JsonParseDumpDevicesFloor);

void BM_DispatchDevicesList(benchmark::State& state) {
  EmptyCatalog catalog;
  onestop::api::MethodRegistry registry;
  onestop::api::registerAllMethods(registry, {"bench", {}}, catalog);
  onestop::api::Dispatcher dispatcher(registry, {});
  onestop::api::Session session(1, "", {"*"}, std::make_shared<NullSink>());
  for (auto _ : state) benchmark::DoNotOptimize(dispatcher.handle(kDevices, session));
}
BENCHMARK(BM_DispatchDevicesList);

}  // namespace

BENCHMARK_MAIN();
