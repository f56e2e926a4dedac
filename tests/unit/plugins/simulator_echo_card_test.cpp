#include <gtest/gtest.h>

#include "card_model_registry.hpp"
#include "echo_card.hpp"

namespace onestop::simulator {
namespace {

using Bytes = std::vector<std::uint8_t>;

TEST(EchoCard, AnswersSelectWithSuccess) {
  EchoCard card;

  EXPECT_EQ(card.transmit(Bytes{0x00, 0xA4, 0x04, 0x0C, 0x02, 0x3F, 0x00}), (Bytes{0x90, 0x00}));
}

TEST(EchoCard, AnswersGetChallengeWithEightFreshBytes) {
  EchoCard card;

  const Bytes first = card.transmit(Bytes{0x00, 0x84, 0x00, 0x00, 0x08});
  const Bytes second = card.transmit(Bytes{0x00, 0x84, 0x00, 0x00, 0x08});

  ASSERT_EQ(first.size(), 10u);
  EXPECT_EQ((Bytes{first[8], first[9]}), (Bytes{0x90, 0x00}));
  EXPECT_NE(first, second);
}

TEST(EchoCard, AnswersAnythingElseWithInstructionNotSupported) {
  EchoCard card;

  EXPECT_EQ(card.transmit(Bytes{0x00, 0xB0, 0x00, 0x00, 0x04}), (Bytes{0x6D, 0x00}));
  EXPECT_EQ(card.transmit(Bytes{0x00, 0x84, 0x00, 0x00, 0x10}), (Bytes{0x6D, 0x00}));
  EXPECT_EQ(card.transmit(Bytes{0x00}), (Bytes{0x6D, 0x00}));
}

TEST(CardModelRegistry, MakesModelsByNameAndNothingForUnknownNames) {
  EXPECT_NE(makeCardModel("echo", nlohmann::json::object()), nullptr);
  EXPECT_EQ(makeCardModel("cccd-unknown", nlohmann::json::object()), nullptr);
  EXPECT_EQ(cardModelNames(), (std::vector<std::string>{"echo", "cccd"}));
}

}  // namespace
}  // namespace onestop::simulator
