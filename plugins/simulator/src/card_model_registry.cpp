#include "card_model_registry.hpp"

#include <array>

#include "echo_card.hpp"

namespace onestop::simulator {
namespace {

using Factory = std::unique_ptr<CardModel> (*)(const nlohmann::json& options);

struct ModelEntry {
  std::string_view name;
  Factory make;
};

constexpr std::array kModels{
    ModelEntry{"echo",
               [](const nlohmann::json&) -> std::unique_ptr<CardModel> {
                 return std::make_unique<EchoCard>();
               }},
};

}  // namespace

std::unique_ptr<CardModel> makeCardModel(std::string_view name, const nlohmann::json& options) {
  for (const auto& model : kModels) {
    if (model.name == name) return model.make(options);
  }
  return nullptr;
}

std::vector<std::string> cardModelNames() {
  std::vector<std::string> names;
  for (const auto& model : kModels) names.emplace_back(model.name);
  return names;
}

}  // namespace onestop::simulator
