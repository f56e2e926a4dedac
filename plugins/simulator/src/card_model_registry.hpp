#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "card_model.hpp"

namespace onestop::simulator {

// The card models the simulator can insert, by name. A new model is one row in the table in
// card_model_registry.cpp plus its class. `options` is the insertCard request (or {} for the
// config's insertedCard), so a model may take parameters such as a data folder.
//
// Besides the table's models, a name that is a card folder under `cardsFolder` (one holding
// chip.json) inserts a CCCD chip serving that folder; "cccd" takes the folder from
// options["folder"]. Nothing for an unknown name; sdk::StatusError(INVALID_ARGUMENT) for a card
// folder that cannot be loaded.
std::unique_ptr<CardModel> makeCardModel(std::string_view name, const nlohmann::json& options,
                                         const std::filesystem::path& cardsFolder = {});
std::vector<std::string> cardModelNames();

}  // namespace onestop::simulator
