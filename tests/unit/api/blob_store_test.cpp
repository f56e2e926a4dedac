#include "onestop/api/blob_store.hpp"

#include <gtest/gtest.h>

namespace onestop::api {
namespace {

BlobStore::Clock::time_point gNow{};
BlobStore::Clock::time_point fakeNow() {
  return gNow;
}

TEST(BlobStore, StoredBlobIsReturnedByItsUnguessableId) {
  BlobStore store(std::chrono::seconds(60));
  const auto id = store.put("application/pdf", {'%', 'P', 'D', 'F'});
  ASSERT_TRUE(id);
  EXPECT_EQ(id->size(), 32u);
  const auto blob = store.get(*id);
  ASSERT_TRUE(blob);
  EXPECT_EQ(blob->mime, "application/pdf");
  EXPECT_EQ(blob->bytes.size(), 4u);
  EXPECT_NE(*store.put("a", {}), *id);
}

TEST(BlobStore, BlobsExpire) {
  BlobStore store(std::chrono::seconds(60));
  store.setClockForTesting(&fakeNow);
  gNow = BlobStore::Clock::time_point{} + std::chrono::hours(1);
  const auto id = store.put("image/png", {1, 2, 3});
  gNow += std::chrono::seconds(59);
  EXPECT_TRUE(store.get(*id));
  gNow += std::chrono::seconds(2);
  EXPECT_FALSE(store.get(*id));
  EXPECT_EQ(store.size(), 0u);
}

TEST(BlobStore, RefusesWhenFull) {
  BlobStore store(std::chrono::seconds(60), 10);
  EXPECT_TRUE(store.put("a", std::vector<std::uint8_t>(8)));
  EXPECT_FALSE(store.put("a", std::vector<std::uint8_t>(8)));
}

}  // namespace
}  // namespace onestop::api
