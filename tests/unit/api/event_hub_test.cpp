#include "onestop/api/event_hub.hpp"

#include <gtest/gtest.h>

#include "fakes.hpp"

namespace onestop::api {
namespace {

TEST(EventHub, PublishReachesSubscribersOfTheEventOrItsFamily) {
  EventHub hub;
  auto exact = std::make_shared<testing::RecordingSink>();
  auto family = std::make_shared<testing::RecordingSink>();
  auto none = std::make_shared<testing::RecordingSink>();
  auto a = testing::makeSession(1, exact);
  auto b = testing::makeSession(2, family);
  auto c = testing::makeSession(3, none);
  a->subscribe({"card.inserted"});
  b->subscribe({"card.*"});
  c->subscribe({"device.*"});
  for (const auto& s : {a, b, c}) hub.attach(s);

  EXPECT_EQ(hub.publish("card.inserted", Json{{"reader", "r"}}), 2u);
  EXPECT_EQ(exact->frames().size(), 1u);
  EXPECT_EQ(family->frames().size(), 1u);
  EXPECT_TRUE(none->frames().empty());
}

TEST(EventHub, PublishToReachesExactlyOneSession) {
  EventHub hub;
  auto mine = std::make_shared<testing::RecordingSink>();
  auto theirs = std::make_shared<testing::RecordingSink>();
  auto a = testing::makeSession(1, mine);
  auto b = testing::makeSession(2, theirs);
  b->subscribe({"card.*"});
  hub.attach(a);
  hub.attach(b);
  EXPECT_TRUE(hub.publishTo(1, "card.progress", Json{{"step", "DG13"}}));
  EXPECT_EQ(mine->frames().size(), 1u);
  EXPECT_TRUE(theirs->frames().empty());
}

TEST(EventHub, DetachedOrDestroyedSessionsGetNothing) {
  EventHub hub;
  auto sink = std::make_shared<testing::RecordingSink>();
  {
    auto gone = testing::makeSession(1, sink);
    gone->subscribe({"card.*"});
    hub.attach(gone);
  }
  EXPECT_EQ(hub.publish("card.removed", Json::object()), 0u);
  EXPECT_FALSE(hub.publishTo(1, "card.removed", Json::object()));
  auto kept = testing::makeSession(2, sink);
  kept->subscribe({"card.*"});
  hub.attach(kept);
  hub.detach(2);
  EXPECT_EQ(hub.publish("card.removed", Json::object()), 0u);
  EXPECT_TRUE(sink->frames().empty());
}

}  // namespace
}  // namespace onestop::api
