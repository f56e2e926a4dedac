#include "onestop/api/schema.hpp"

#include <mutex>
#include <stdexcept>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

namespace onestop::api {

// The validator is kept with the schema because it caches compiled `pattern` regexes; building
// one per call recompiled them every time (35 µs per system.hello). The mutex makes it shareable
// across session threads; validation holds it for microseconds.
struct Schema::Compiled {
  valijson::Schema schema;
  std::mutex mutex;
  valijson::Validator validator{valijson::Validator::kStrongTypes};
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
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter adapter(value);
  std::vector<std::string> errors;
  {
    std::lock_guard lock(compiled_->mutex);
    if (compiled_->validator.validate(compiled_->schema, adapter, &results)) return errors;
  }
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
