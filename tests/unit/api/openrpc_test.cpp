#include "onestop/api/openrpc.hpp"

#include <gtest/gtest.h>

#include "fakes.hpp"

namespace onestop::api {
namespace {

TEST(OpenRpc, DocumentListsEveryRegisteredMethodWithByNameParams) {
  testing::FakeCatalog catalog;
  MethodRegistry registry;
  registerAllMethods(registry, ProductInfo{"1.0.0", {}}, catalog);
  const auto doc = openRpcDocument(registry, "1.0.0");
  EXPECT_EQ(doc["openrpc"], "1.2.6");
  std::set<std::string> names;
  for (const auto& m : doc["methods"]) {
    names.insert(m["name"].get<std::string>());
    EXPECT_EQ(m["paramStructure"], "by-name");
    EXPECT_TRUE(m["result"].contains("schema"));
  }
  for (const char* expected :
       {"system.hello", "system.info", "system.health", "devices.list", "admin.plugins",
        "events.subscribe", "events.unsubscribe", "rpc.discover"}) {
    EXPECT_EQ(names.count(expected), 1u) << expected;
  }
}

TEST(OpenRpc, ParamsBecomeContentDescriptorsWithRequiredFlags) {
  testing::FakeCatalog catalog;
  MethodRegistry registry;
  registerAllMethods(registry, ProductInfo{"1.0.0", {}}, catalog);
  const auto doc = openRpcDocument(registry, "1.0.0");
  for (const auto& m : doc["methods"]) {
    if (m["name"] != "system.hello") continue;
    std::map<std::string, bool> required;
    for (const auto& p : m["params"]) required[p["name"]] = p["required"];
    EXPECT_TRUE(required.at("apiVersions"));
    EXPECT_FALSE(required.at("client"));
  }
}

TEST(OpenRpc, EventsAndReasonCatalogAreDocumented) {
  testing::FakeCatalog catalog;
  MethodRegistry registry;
  registerAllMethods(registry, ProductInfo{"1.0.0", {}}, catalog);
  const auto doc = openRpcDocument(registry, "1.0.0");
  EXPECT_EQ(doc["x-onestop-events"].size(), registry.events().size());
  EXPECT_EQ(doc["components"]["errors"]["CARD_REMOVED"]["data"]["reason"], "CARD_REMOVED");
}

}  // namespace
}  // namespace onestop::api
