#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "card_model.hpp"

namespace onestop::simulator {

// The card field of one virtual reader, shared by the reader and its open connections. Every
// insertion bumps the generation, so a connection opened to an earlier card sees it as removed.
struct ReaderSlot {
  std::mutex mutex;
  std::shared_ptr<CardModel> card;
  std::string cardName;
  std::uint64_t generation = 0;
};

}  // namespace onestop::simulator
