#include "onestop/api/dispatcher.hpp"

#include <gtest/gtest.h>

#include "fakes.hpp"
#include "onestop/api/error_catalog.hpp"

namespace onestop::api {
namespace {

using testing::FakeCatalog;
using testing::RecordingSink;

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() {
    catalog.devicesList = {testing::simulatorReader()};
    registerAllMethods(registry, ProductInfo{"9.9.9", std::chrono::system_clock::now()}, catalog);
    registry.add({"test.echo", "test", "Echo the text.",
                  Json{{"type", "object"},
                       {"properties", {{"text", {{"type", "string"}, {"maxLength", 8}}}}},
                       {"required", {"text"}},
                       {"additionalProperties", false}},
                  Json{{"type", "object"}},
                  [this](const Json& params, CallContext&) -> Result<Json> {
                    ++echoCalls;
                    return Json{{"text", params["text"]}};
                  }});
    registry.add({"test.fail", "test", "Fail with CARD_REMOVED.", Json{{"type", "object"}},
                  Json{{"type", "object"}}, [](const Json&, CallContext&) -> Result<Json> {
                    return Error(Reason::CardRemoved, "removed at APDU 3");
                  }});
    registry.add(
        {"test.throw", "test", "Throw.", Json{{"type", "object"}}, Json{{"type", "object"}},
         [](const Json&, CallContext&) -> Result<Json> { throw std::runtime_error("bug"); }});
  }

  Json send(const std::string& text) {
    auto reply = dispatcher.handle(text, *session);
    return reply ? Json::parse(*reply) : Json();
  }

  FakeCatalog catalog;
  MethodRegistry registry;
  struct SeenCall {
    std::string method, outcome;
  };
  std::vector<SeenCall> calls;  // CallRecord holds views valid only during the callback
  Dispatcher dispatcher{registry, Dispatcher::Limits{4}, [this](const CallRecord& c) {
                          calls.push_back({std::string(c.method), std::string(c.outcome)});
                        }};
  std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
  std::shared_ptr<Session> session = testing::makeSession(1, sink);
  int echoCalls = 0;
};

TEST_F(DispatcherTest, AnswersRequestWithResultAndSameId) {
  EXPECT_EQ(send(R"({"jsonrpc":"2.0","id":7,"method":"test.echo","params":{"text":"hi"}})"),
            Json::parse(R"({"jsonrpc":"2.0","id":7,"result":{"text":"hi"}})"));
}

TEST_F(DispatcherTest, EchoesStringAndNullIds) {
  EXPECT_EQ(
      send(R"({"jsonrpc":"2.0","id":"a-1","method":"test.echo","params":{"text":"x"}})")["id"],
      "a-1");
  EXPECT_TRUE(
      send(R"({"jsonrpc":"2.0","id":null,"method":"test.echo","params":{"text":"x"}})")["id"]
          .is_null());
}

TEST_F(DispatcherTest, ParseErrorHasNullIdAndCode32700) {
  const auto reply = send(R"({"jsonrpc":"2.0","id":1,"method":)");
  EXPECT_EQ(reply["error"]["code"], -32700);
  EXPECT_TRUE(reply["id"].is_null());
}

TEST_F(DispatcherTest, InvalidRequestsAreRefusedWith32600) {
  for (const char* text :
       {R"({"jsonrpc":"1.0","id":1,"method":"test.echo"})",
        R"({"jsonrpc":"2.0","id":1,"method":5})",
        R"({"jsonrpc":"2.0","id":{"x":1},"method":"test.echo"})",
        R"({"jsonrpc":"2.0","id":1,"method":"test.echo","params":"text"})", R"(42)", R"("text")"}) {
    const auto reply = send(text);
    EXPECT_EQ(reply["error"]["code"], -32600) << text;
    EXPECT_EQ(reply["error"]["data"]["reason"], "VALIDATION_FAILED") << text;
  }
  EXPECT_EQ(echoCalls, 0);
}

TEST_F(DispatcherTest, InvalidRequestEchoesAReadableId) {
  EXPECT_EQ(send(R"({"jsonrpc":"2.0","id":9,"method":7})")["id"], 9);
}

TEST_F(DispatcherTest, UnknownMethodIs32601) {
  const auto reply = send(R"({"jsonrpc":"2.0","id":1,"method":"card.nothing"})");
  EXPECT_EQ(reply["error"]["code"], -32601);
  EXPECT_EQ(reply["error"]["data"]["details"]["method"], "card.nothing");
}

TEST_F(DispatcherTest, ParamsViolatingTheSchemaAre32602WithEveryError) {
  const auto reply = send(
      R"({"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"text":"far too long","x":1}})");
  EXPECT_EQ(reply["error"]["code"], -32602);
  EXPECT_EQ(reply["error"]["data"]["reason"], "VALIDATION_FAILED");
  EXPECT_GE(reply["error"]["data"]["details"]["errors"].size(), 2u);
  EXPECT_EQ(echoCalls, 0);
}

TEST_F(DispatcherTest, MissingRequiredParamIs32602) {
  EXPECT_EQ(send(R"({"jsonrpc":"2.0","id":1,"method":"test.echo"})")["error"]["code"], -32602);
}

TEST_F(DispatcherTest, PositionalParamsAreRefusedWith32602) {
  EXPECT_EQ(
      send(R"({"jsonrpc":"2.0","id":1,"method":"test.echo","params":["hi"]})")["error"]["code"],
      -32602);
}

TEST_F(DispatcherTest, NotificationRunsButGetsNoReply) {
  EXPECT_FALSE(dispatcher.handle(R"({"jsonrpc":"2.0","method":"test.echo","params":{"text":"n"}})",
                                 *session));
  EXPECT_EQ(echoCalls, 1);
}

TEST_F(DispatcherTest, NotificationToUnknownMethodGetsNoReply) {
  EXPECT_FALSE(dispatcher.handle(R"({"jsonrpc":"2.0","method":"nope"})", *session));
}

TEST_F(DispatcherTest, BatchMixesResultsErrorsAndSkipsNotifications) {
  const auto reply = send(R"([
    {"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"text":"a"}},
    {"jsonrpc":"2.0","method":"test.echo","params":{"text":"b"}},
    {"jsonrpc":"2.0","id":2,"method":"nope"},
    1
  ])");
  ASSERT_TRUE(reply.is_array());
  ASSERT_EQ(reply.size(), 3u);
  EXPECT_EQ(reply[0], Json::parse(R"({"jsonrpc":"2.0","id":1,"result":{"text":"a"}})"));
  EXPECT_EQ(reply[1]["error"]["code"], -32601);
  EXPECT_EQ(reply[2]["error"]["code"], -32600);
  EXPECT_EQ(echoCalls, 2);
}

TEST_F(DispatcherTest, EmptyBatchIsOneInvalidRequest) {
  const auto reply = send("[]");
  ASSERT_TRUE(reply.is_object());
  EXPECT_EQ(reply["error"]["code"], -32600);
}

TEST_F(DispatcherTest, AllNotificationBatchGetsNoReply) {
  EXPECT_FALSE(dispatcher.handle(
      R"([{"jsonrpc":"2.0","method":"test.echo","params":{"text":"a"}},{"jsonrpc":"2.0","method":"test.echo","params":{"text":"b"}}])",
      *session));
  EXPECT_EQ(echoCalls, 2);
}

TEST_F(DispatcherTest, BatchOverTheLimitIsRefusedWhole) {
  const auto reply = send(
      R"([{"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"text":"a"}},{"jsonrpc":"2.0","id":2,"method":"test.echo","params":{"text":"a"}},{"jsonrpc":"2.0","id":3,"method":"test.echo","params":{"text":"a"}},{"jsonrpc":"2.0","id":4,"method":"test.echo","params":{"text":"a"}},{"jsonrpc":"2.0","id":5,"method":"test.echo","params":{"text":"a"}}])");
  EXPECT_EQ(reply["error"]["data"]["reason"], "TOO_MANY_REQUESTS");
  EXPECT_EQ(echoCalls, 0);
}

TEST_F(DispatcherTest, ApplicationErrorCarriesReasonRetriableAndBothLanguages) {
  const auto reply = send(R"({"jsonrpc":"2.0","id":3,"method":"test.fail"})");
  const auto& info = reasonInfo(Reason::CardRemoved);
  EXPECT_EQ(reply["error"]["code"], info.code);
  EXPECT_EQ(reply["error"]["data"]["reason"], "CARD_REMOVED");
  EXPECT_EQ(reply["error"]["data"]["retriable"], true);
  EXPECT_EQ(reply["error"]["data"]["message"]["vi"], std::string(info.vi));
  EXPECT_EQ(reply["error"]["data"]["message"]["en"], std::string(info.en));
  EXPECT_EQ(reply["error"]["data"]["details"]["detail"], "removed at APDU 3");
}

TEST_F(DispatcherTest, HandlerExceptionBecomesInternalErrorNotACrash) {
  const auto reply = send(R"({"jsonrpc":"2.0","id":3,"method":"test.throw"})");
  EXPECT_EQ(reply["error"]["code"], -32603);
  EXPECT_EQ(reply["error"]["data"]["reason"], "INTERNAL");
  EXPECT_TRUE(reply["error"]["data"]["details"].contains("logId"));
}

TEST_F(DispatcherTest, FamilyNotGrantedToTheSessionIsPermissionDenied) {
  auto limited = testing::makeSession(2, sink, {"system"});
  const auto reply = Json::parse(*dispatcher.handle(
      R"({"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"text":"a"}})", *limited));
  EXPECT_EQ(reply["error"]["data"]["reason"], "PERMISSION_DENIED");
  EXPECT_EQ(echoCalls, 0);
}

TEST_F(DispatcherTest, ObserverSeesMethodAndOutcomeButNoParams) {
  send(R"({"jsonrpc":"2.0","id":1,"method":"test.echo","params":{"text":"secret"}})");
  send(R"({"jsonrpc":"2.0","id":2,"method":"test.fail"})");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].method, "test.echo");
  EXPECT_EQ(calls[0].outcome, "ok");
  EXPECT_EQ(calls[1].outcome, "CARD_REMOVED");
}

}  // namespace
}  // namespace onestop::api
