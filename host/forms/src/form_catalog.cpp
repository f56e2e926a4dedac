#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <system_error>

#include "form_layout.hpp"
#include "form_template.hpp"
#include "onestop/common/error.hpp"
#include "onestop/forms/form_renderer.hpp"
#include "page_output.hpp"

namespace onestop::forms {
namespace {

namespace fs = std::filesystem;

constexpr int kMinDpi = 36;
constexpr int kMaxDpi = 300;

std::vector<fs::path> templateFiles(const fs::path& dir, std::vector<std::string>& problems) {
  std::vector<fs::path> files;
  std::error_code error;
  fs::directory_iterator it(dir, error);
  if (error) {
    problems.push_back(dir.string() + ": cannot list the folder (" + error.message() + ")");
    return files;
  }
  for (const fs::directory_entry& entry : it) {
    if (entry.path().extension() == ".json" && entry.is_regular_file(error)) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());  // a stable order for problems and overrides
  return files;
}

Result<std::string> readText(const fs::path& path) {
  // rdbuf() into a stream, not istreambuf_iterator: GCC 12 at -O2 flags the latter's inlined
  // streambuf access as a null dereference (-Wnull-dereference).
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error(Reason::IoError, "cannot read the file");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class LoadedCatalog final : public FormCatalog {
 public:
  void add(std::shared_ptr<const FormTemplate> form) { forms_[form->id] = std::move(form); }
  void addProblem(std::string problem) { problems_.push_back(std::move(problem)); }

  [[nodiscard]] std::vector<FormInfo> list() const override {
    std::vector<FormInfo> infos;
    for (const auto& [id, form] : forms_) {
      infos.push_back({form->id, form->version, form->title, static_cast<int>(form->pages.size())});
    }
    return infos;
  }
  [[nodiscard]] std::vector<std::string> problems() const override { return problems_; }
  [[nodiscard]] bool has(const std::string& formRef) const override { return find(formRef).ok(); }

  Result<std::vector<std::uint8_t>> renderPdf(const std::string& formRef,
                                              const Json& data) const override {
    Result<std::shared_ptr<const FormTemplate>> form = find(formRef);
    if (!form.ok()) return form.error();
    Result<std::vector<PageDrawing>> pages = layoutForm(**form, data);
    if (!pages.ok()) return pages.error();
    std::vector<const PageDrawing*> order;
    for (const PageDrawing& page : *pages) order.push_back(&page);
    return writePdf(order, (*form)->id);
  }

  Result<std::vector<std::uint8_t>> renderPng(const std::string& formRef, const Json& data,
                                              int page, int dpi) const override {
    if (dpi < kMinDpi || dpi > kMaxDpi) {
      return Error(Reason::ValidationFailed, "dpi: must be 36 … 300");
    }
    Result<std::shared_ptr<const FormTemplate>> form = find(formRef);
    if (!form.ok()) return form.error();
    Result<std::vector<PageDrawing>> pages = layoutForm(**form, data);
    if (!pages.ok()) return pages.error();
    if (page < 0 || static_cast<std::size_t>(page) >= pages->size()) {
      return Error(Reason::ValidationFailed,
                   "page: the form has " + std::to_string(pages->size()) + " page(s)");
    }
    return writePng((*pages)[static_cast<std::size_t>(page)], dpi);
  }

  Result<std::vector<std::uint8_t>> renderPdfBundle(const Json& formsAndData) const override {
    if (!formsAndData.is_array() || formsAndData.empty()) {
      return Error(Reason::ValidationFailed, "forms: expected a non-empty array of {form, data}");
    }
    std::vector<std::vector<PageDrawing>> laidOut;
    std::string title;
    for (std::size_t i = 0; i < formsAndData.size(); ++i) {
      const Json& item = formsAndData[i];
      const std::string at = "forms[" + std::to_string(i) + "]";
      if (!item.is_object() || !item.contains("form") || !item["form"].is_string()) {
        return Error(Reason::ValidationFailed, at + ".form: expected a form id");
      }
      Result<std::shared_ptr<const FormTemplate>> form = find(item["form"].get<std::string>());
      if (!form.ok()) return form.error();
      static const Json kNoData;
      Result<std::vector<PageDrawing>> pages =
          layoutForm(**form, item.contains("data") ? item["data"] : kNoData);
      if (!pages.ok()) return Error(pages.error().reason(), at + "." + pages.error().detail());
      laidOut.push_back(std::move(pages).value());
      title += (title.empty() ? "" : " + ") + (*form)->id;
    }
    std::vector<const PageDrawing*> order;
    for (const auto& pages : laidOut) {
      for (const PageDrawing& page : pages) order.push_back(&page);
    }
    return writePdf(order, title);
  }

 private:
  // "CT01" or "CT01@116/2026".
  [[nodiscard]] Result<std::shared_ptr<const FormTemplate>> find(const std::string& ref) const {
    const std::size_t at = ref.find('@');
    const std::string id = ref.substr(0, at);
    const auto found = forms_.find(id);
    if (found == forms_.end()) return Error(Reason::FormNotFound, "no form \"" + id + "\"");
    if (at != std::string::npos && ref.substr(at + 1) != found->second->version) {
      return Error(Reason::FormNotFound, "form \"" + id + "\" is version " +
                                             found->second->version + ", not " +
                                             ref.substr(at + 1));
    }
    return found->second;
  }

  std::map<std::string, std::shared_ptr<const FormTemplate>> forms_;
  std::vector<std::string> problems_;
};

}  // namespace

Result<std::shared_ptr<FormCatalog>> FormCatalog::load(const std::vector<fs::path>& dirs) {
  auto catalog = std::make_shared<LoadedCatalog>();
  std::vector<std::string> problems;
  for (const fs::path& dir : dirs) {
    for (const fs::path& file : templateFiles(dir, problems)) {
      const std::string name = file.filename().string();
      Result<std::string> text = readText(file);
      if (!text.ok()) {
        problems.push_back(file.string() + ": " + text.error().detail());
        continue;
      }
      Result<std::shared_ptr<const FormTemplate>> form = parseFormTemplate(*text, file.string());
      if (!form.ok()) {
        problems.push_back(file.string() + ": " + form.error().detail());
        continue;
      }
      if ((*form)->id != file.stem().string()) {
        problems.push_back(file.string() + ": id \"" + (*form)->id +
                           "\" does not match the file name");
        continue;
      }
      // A dry run with no data finds what only laying out shows (template markup Pango refuses,
      // a font size that breaks the boxes) at load time, not at the counter.
      Result<std::vector<PageDrawing>> dryRun = layoutForm(**form, Json::object());
      if (!dryRun.ok()) {
        problems.push_back(file.string() + ": " + dryRun.error().detail());
        continue;
      }
      catalog->add(std::move(form).value());
    }
  }
  for (std::string& problem : problems) catalog->addProblem(std::move(problem));
  return std::shared_ptr<FormCatalog>(std::move(catalog));
}

}  // namespace onestop::forms
