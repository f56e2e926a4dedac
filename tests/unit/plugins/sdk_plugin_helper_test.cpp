// The C++ helper (sdk/include/onestop/plugin.hpp), exercised in-process through the C table it
// generates — exactly what a host sees.
#include <gtest/gtest.h>

#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "onestop/plugin.hpp"

namespace {

struct HostRecord {
  std::vector<std::string> logs;
  std::vector<std::string> events;  // "<kind>:<device id>:<data length>"
};

void recordLog(void* context, std::int32_t /*level*/, const char* message) {
  static_cast<HostRecord*>(context)->logs.emplace_back(message);
}

void recordEvent(void* context, const onestop_event* e) {
  static_cast<HostRecord*>(context)->events.push_back(std::to_string(e->kind) + ":" + e->device_id +
                                                      ":" + std::to_string(e->data_len));
}

// How the next TestPlugin behaves; set by each test before init.
struct Behaviour {
  bool constructorThrows = false;
  bool constructorRefuses = false;
  bool devicesThrow = false;
  std::string deviceId = "r0";
};
Behaviour g_behaviour;

class EchoConnection final : public onestop::sdk::CardConnection {
 public:
  onestop_status transmit(std::span<const std::uint8_t> command,
                          std::vector<std::uint8_t>& response) override {
    response.assign(command.begin(), command.end());
    response.push_back(0x90);
    response.push_back(0x00);
    return ONESTOP_OK;
  }
};

class TestPlugin final : public onestop::sdk::Plugin, public onestop::sdk::ReaderPlugin {
 public:
  TestPlugin(onestop::sdk::Host host, std::string_view config) : Plugin(host) {
    if (g_behaviour.constructorThrows) throw std::runtime_error("boom in constructor");
    if (g_behaviour.constructorRefuses) {
      throw onestop::sdk::StatusError(ONESTOP_E_INVALID_ARGUMENT, "bad config");
    }
    host.log(ONESTOP_LOG_INFO, "config " + std::string(config));
  }

  std::vector<onestop::sdk::Device> devices() override {
    if (g_behaviour.devicesThrow) throw std::logic_error("devices exploded");
    return {{ONESTOP_DEVICE_READER, g_behaviour.deviceId, "Test reader", 0},
            {ONESTOP_DEVICE_READER, "r1", "Second", ONESTOP_DEVICE_FLAG_CARD_PRESENT}};
  }

  onestop_status control(std::string_view request, std::string& response) override {
    host().cardInserted("r0", std::vector<std::uint8_t>{0x3B, 0x00});
    response = "{\"echo\":\"" + std::string(request) + "\"}";
    return ONESTOP_OK;
  }

  onestop_status readerFeatures(const std::string& id, onestop_reader_features& out) override {
    if (id != "r0") return ONESTOP_E_NO_DEVICE;
    out.max_command_apdu = 1000;
    out.max_response_apdu = 2000;
    out.extended_length = 1;
    return ONESTOP_OK;
  }

  onestop_status connect(const std::string& id,
                         std::unique_ptr<onestop::sdk::CardConnection>& connection,
                         std::vector<std::uint8_t>& atr) override {
    if (id != "r0") throw onestop::sdk::StatusError(ONESTOP_E_NO_DEVICE, "unknown reader");
    connection = std::make_unique<EchoConnection>();
    atr = {0x3B, 0x80, 0x80, 0x01, 0x01};
    return ONESTOP_OK;
  }
};

}  // namespace

ONESTOP_DECLARE_PLUGIN(TestPlugin, "helper-test")

namespace {

class PluginHelper : public ::testing::Test {
 protected:
  PluginHelper() {
    g_behaviour = Behaviour{};
    host_.header = {ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR, sizeof host_};
    host_.host_context = &record_;
    host_.log = &recordLog;
    host_.emit = &recordEvent;
    table_ = onestop_plugin_entry(ONESTOP_ABI_MAJOR, ONESTOP_ABI_MINOR);
  }
  ~PluginHelper() override {
    if (instance_ != nullptr) table_->shutdown(instance_);
  }
  void init() { ASSERT_EQ(table_->init(&host_, "{\"a\":1}", &instance_), ONESTOP_OK); }

  HostRecord record_;
  onestop_host_api host_{};
  const onestop_plugin_api* table_ = nullptr;
  void* instance_ = nullptr;
};

TEST_F(PluginHelper, BuildsATableWithTheIdAndOnlyTheKindsTheClassServes) {
  ASSERT_NE(table_, nullptr);
  EXPECT_STREQ(table_->id, "helper-test");
  EXPECT_EQ(table_->header.abi_major, ONESTOP_ABI_MAJOR);
  EXPECT_EQ(table_->header.struct_size, sizeof(onestop_plugin_api));
  ASSERT_NE(table_->reader, nullptr);
  EXPECT_EQ(table_->reader->header.struct_size, sizeof(onestop_reader_api));
  EXPECT_EQ(table_->scanner, nullptr);
  EXPECT_EQ(table_->printer, nullptr);
}

TEST_F(PluginHelper, ReturnsNoTableToAHostOfAnotherMajor) {
  EXPECT_EQ(onestop_plugin_entry(ONESTOP_ABI_MAJOR + 1, 0), nullptr);
}

TEST_F(PluginHelper, PassesTheConfigToTheConstructor) {
  init();

  ASSERT_EQ(record_.logs.size(), 1u);
  EXPECT_EQ(record_.logs[0], "config {\"a\":1}");
}

TEST_F(PluginHelper, TurnsAConstructorExceptionIntoInternalAndLogsIt) {
  g_behaviour.constructorThrows = true;

  EXPECT_EQ(table_->init(&host_, "{}", &instance_), ONESTOP_E_INTERNAL);
  EXPECT_EQ(instance_, nullptr);
  ASSERT_FALSE(record_.logs.empty());
  EXPECT_NE(record_.logs.back().find("boom in constructor"), std::string::npos);
}

TEST_F(PluginHelper, TurnsAStatusErrorIntoItsStatus) {
  g_behaviour.constructorRefuses = true;

  EXPECT_EQ(table_->init(&host_, "{}", &instance_), ONESTOP_E_INVALID_ARGUMENT);
}

TEST_F(PluginHelper, RefusesNullArgumentsTheAbiForbids) {
  EXPECT_EQ(table_->init(nullptr, "{}", &instance_), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(table_->init(&host_, "{}", nullptr), ONESTOP_E_INVALID_ARGUMENT);
  init();
  EXPECT_EQ(table_->enumerate(instance_, nullptr, nullptr), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(table_->reader->features(instance_, nullptr, nullptr), ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(table_->reader->transmit(nullptr, nullptr, 0, nullptr, nullptr),
            ONESTOP_E_INVALID_ARGUMENT);
  EXPECT_EQ(table_->reader->disconnect(nullptr, 0), ONESTOP_E_INVALID_ARGUMENT);
}

TEST_F(PluginHelper, AnswersTheCountQueryAndTooSmallArrays) {
  init();
  std::uint32_t count = 0;

  ASSERT_EQ(table_->enumerate(instance_, nullptr, &count), ONESTOP_OK);
  EXPECT_EQ(count, 2u);
  std::vector<onestop_device_info> devices(2);
  std::uint32_t small = 1;
  EXPECT_EQ(table_->enumerate(instance_, devices.data(), &small), ONESTOP_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(small, 2u);
  ASSERT_EQ(table_->enumerate(instance_, devices.data(), &count), ONESTOP_OK);
  EXPECT_STREQ(devices[0].id, "r0");
  EXPECT_STREQ(devices[1].name, "Second");
  EXPECT_EQ(devices[1].flags, ONESTOP_DEVICE_FLAG_CARD_PRESENT);
}

TEST_F(PluginHelper, TruncatesAnOverlongIdOnACharacterBoundary) {
  g_behaviour.deviceId = std::string(126, 'a') + "\xC3\xA9";  // 128 bytes, ends with "é"
  init();
  std::vector<onestop_device_info> devices(2);
  std::uint32_t count = 2;

  ASSERT_EQ(table_->enumerate(instance_, devices.data(), &count), ONESTOP_OK);

  EXPECT_EQ(std::strlen(devices[0].id), 126u);
}

TEST_F(PluginHelper, TurnsAnExceptionInAMethodIntoInternal) {
  init();
  g_behaviour.devicesThrow = true;
  std::uint32_t count = 0;

  EXPECT_EQ(table_->enumerate(instance_, nullptr, &count), ONESTOP_E_INTERNAL);
  EXPECT_NE(record_.logs.back().find("devices exploded"), std::string::npos);
}

TEST_F(PluginHelper, WritesNoFeatureByteBeyondTheCallersStructSize) {
  init();
  struct {
    onestop_reader_features features;
    unsigned char canary[16];
  } out{};
  std::memset(&out, 0xA5, sizeof out);
  out.features.struct_size = 8;  // a caller that knows only max_command_apdu

  ASSERT_EQ(table_->reader->features(instance_, "r0", &out.features), ONESTOP_OK);

  EXPECT_EQ(out.features.struct_size, 8u);
  EXPECT_EQ(out.features.max_command_apdu, 1000u);
  const auto* bytes = reinterpret_cast<const unsigned char*>(&out.features);
  for (std::size_t i = 8; i < sizeof out; ++i) EXPECT_EQ(bytes[i], 0xA5) << "byte " << i;
}

TEST_F(PluginHelper, ConnectsTransmitsAndReportsShortResponseBuffers) {
  init();
  onestop_card* card = nullptr;
  std::uint8_t atr[32];
  std::size_t atrLen = sizeof atr;
  ASSERT_EQ(table_->reader->connect(instance_, "r0", &card, atr, &atrLen), ONESTOP_OK);
  EXPECT_EQ(atrLen, 5u);
  const std::uint8_t command[] = {0x00, 0xA4, 0x04, 0x00};
  std::uint8_t response[8];
  std::size_t tooShort = 3;

  EXPECT_EQ(table_->reader->transmit(card, command, sizeof command, response, &tooShort),
            ONESTOP_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(tooShort, 6u);
  std::size_t length = sizeof response;
  ASSERT_EQ(table_->reader->transmit(card, command, sizeof command, response, &length), ONESTOP_OK);
  EXPECT_EQ(length, 6u);
  EXPECT_EQ(response[4], 0x90);
  EXPECT_EQ(table_->reader->disconnect(card, ONESTOP_LEAVE_CARD), ONESTOP_OK);
}

TEST_F(PluginHelper, ConnectsNothingForATooSmallAtrBufferOrAnUnknownReader) {
  init();
  onestop_card* card = nullptr;
  std::uint8_t atr[2];
  std::size_t atrLen = sizeof atr;

  EXPECT_EQ(table_->reader->connect(instance_, "r0", &card, atr, &atrLen),
            ONESTOP_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(atrLen, 5u);
  EXPECT_EQ(card, nullptr);
  atrLen = sizeof atr;
  EXPECT_EQ(table_->reader->connect(instance_, "r9", &card, atr, &atrLen), ONESTOP_E_NO_DEVICE);
}

TEST_F(PluginHelper, WritesTheControlResponseAndForwardsEvents) {
  init();
  char response[64];
  std::size_t length = sizeof response;

  ASSERT_EQ(table_->control(instance_, "hi", response, &length), ONESTOP_OK);

  EXPECT_STREQ(response, "{\"echo\":\"hi\"}");
  EXPECT_EQ(length, std::strlen(response));
  ASSERT_EQ(record_.events.size(), 1u);
  EXPECT_EQ(record_.events[0], "3:r0:2");
}

TEST_F(PluginHelper, ReportsTheCapacityAControlResponseNeeds) {
  init();
  char response[4];
  std::size_t length = sizeof response;

  EXPECT_EQ(table_->control(instance_, "hi", response, &length), ONESTOP_E_BUFFER_TOO_SMALL);
  EXPECT_EQ(length, std::strlen("{\"echo\":\"hi\"}") + 1);
}

}  // namespace
