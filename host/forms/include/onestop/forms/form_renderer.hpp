#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "onestop/common/result.hpp"

namespace onestop::forms {

using Json = nlohmann::json;

// One declarative form template (config/forms/<ID>.json), validated when loaded.
struct FormInfo {
  std::string id;       // "CT01"
  std::string version;  // "116/2026"
  Json title;           // {"vi": "...", "en": "..."}
  int pages = 1;
};

// The templates of one or more folders; later folders override earlier ones by id (an admin's
// folder over the shipped one). Thread-safe after load; rendering is reentrant.
class FormCatalog {
 public:
  // A template that does not parse or validate is skipped and reported in problems().
  static Result<std::shared_ptr<FormCatalog>> load(const std::vector<std::filesystem::path>& dirs);
  virtual ~FormCatalog() = default;

  [[nodiscard]] virtual std::vector<FormInfo> list() const = 0;
  [[nodiscard]] virtual std::vector<std::string> problems() const = 0;  // "file: why"
  // "CT01" or "CT01@116/2026" (a version that does not match → FormNotFound).
  [[nodiscard]] virtual bool has(const std::string& formRef) const = 0;

  // A4 PDF of every page, text extractable with correct Vietnamese diacritics.
  // Reason::FormNotFound for an unknown form; Reason::ValidationFailed for data of the wrong
  // shape (named field, never its value). Missing optional keys render as blank/dotted lines.
  virtual Result<std::vector<std::uint8_t>> renderPdf(const std::string& formRef,
                                                      const Json& data) const = 0;
  // PNG of one page (0-based) at `dpi` (36 … 300).
  virtual Result<std::vector<std::uint8_t>> renderPng(const std::string& formRef, const Json& data,
                                                      int page, int dpi) const = 0;
  // Several forms (a procedure's render list [{form, data}]) as one PDF, in order.
  virtual Result<std::vector<std::uint8_t>> renderPdfBundle(const Json& formsAndData) const = 0;
};

}  // namespace onestop::forms
