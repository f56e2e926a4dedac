#include "onestop/api/schema.hpp"

#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace onestop::api {

struct Schema::Compiled {
  valijson::Schema schema;
};

Schema::Schema(Json document)
    : document_(std::move(document)), compiled_(std::make_unique<Compiled>()) {
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(document_);
  try {
    parser.populateSchema(adapter, compiled_->schema);
  } catch (const std::exception& e) {
    // A bad schema is a programming error in a method declaration: fail at registration.
    throw std::invalid_argument(std::string("invalid JSON schema: ") + e.what());
  }
}

Schema::~Schema() = default;
Schema::Schema(Schema&&) noexcept = default;
Schema& Schema::operator=(Schema&&) noexcept = default;

std::vector<std::string> Schema::validate(const Json& value) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(value);
  std::vector<std::string> errors;
  if (validator.validate(compiled_->schema, adapter, &results)) return errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    // valijson names steps "<root>", "[kind]", "[0]"; report a JSON pointer ("/kind/0").
    std::string path;
    for (const auto& part : error.context) {
      if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
        path += "/" + part.substr(1, part.size() - 2);
      }
    }
    errors.push_back((path.empty() ? std::string("/") : path) + ": " + error.description);
  }
  return errors;
}

}  // namespace onestop::api
