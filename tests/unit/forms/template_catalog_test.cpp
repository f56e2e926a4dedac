// Loading templates: broken ones are reported and skipped, an admin's folder overrides a shipped
// form by id, references with a version must match.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "forms_test_support.hpp"

namespace onestop::forms {
namespace {

using namespace testing;
namespace fs = std::filesystem;

// A minimal valid template with one text element; `extra` is spliced into that element.
std::string smallTemplate(const std::string& id, const std::string& version,
                          const std::string& element) {
  return R"({"id": ")" + id + R"(", "version": ")" + version +
         R"(", "title": {"vi": "Mẫu thử", "en": "Test form"}, "page": {"size": "A4"},
            "pages": [[)" +
         element + "]]}";
}

class TemplateCatalog : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = makeTempDir("catalog"); }
  void TearDown() override { fs::remove_all(dir_); }

  std::string problemFor(const FormCatalog& catalog, const std::string& file) {
    for (const std::string& problem : catalog.problems()) {
      if (problem.find(file) != std::string::npos) return problem;
    }
    return {};
  }

  fs::path dir_;
};

TEST_F(TemplateCatalog, ShippedTemplatesAllLoad) {
  const auto catalog = shippedCatalog();
  EXPECT_TRUE(catalog->problems().empty()) << catalog->problems().front();
  std::vector<std::string> ids;
  for (const FormInfo& info : catalog->list()) ids.push_back(info.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"CT01", "CT03", "CT04", "CT05", "CT06", "TK01",
                                           "VNEID-GUIDE"}));
  for (const FormInfo& info : catalog->list()) {
    if (info.id != "CT01") continue;
    EXPECT_EQ(info.version, "116/2026");
    EXPECT_EQ(info.title["vi"], "Tờ khai thay đổi thông tin cư trú");
    EXPECT_EQ(info.pages, 2);
  }
  EXPECT_TRUE(catalog->has("CT01"));
  EXPECT_TRUE(catalog->has("CT01@116/2026"));
  EXPECT_FALSE(catalog->has("CT01@66/2023"));
  EXPECT_FALSE(catalog->has("CT99"));
}

TEST_F(TemplateCatalog, BrokenTemplatesAreReportedAndSkipped) {
  writeFile(dir_ / "GOOD.json",
            smallTemplate("GOOD", "1", R"({"type": "text", "text": "Xin chào"})"));
  writeFile(dir_ / "BADJSON.json", R"({"id": "BADJSON", "pages": [)");
  writeFile(dir_ / "UNKNOWN.json", smallTemplate("UNKNOWN", "1", R"({"type": "hologram"})"));
  writeFile(dir_ / "NOKEY.json",
            smallTemplate("NOKEY", "1", R"({"type": "field", "label": "Tên"})"));
  writeFile(dir_ / "NEGATIVE.json",
            smallTemplate("NEGATIVE", "1", R"({"type": "text", "text": "x", "width": -5})"));
  writeFile(dir_ / "TYPO.json",
            smallTemplate("TYPO", "1", R"({"type": "text", "text": "x", "bolt": true})"));
  writeFile(
      dir_ / "WIDE.json",
      smallTemplate("WIDE", "1", R"({"type": "digit_boxes", "key": "n", "count": 40, "box": 6})"));
  writeFile(dir_ / "MISNAMED.json",
            smallTemplate("OTHER", "1", R"({"type": "space", "height": 3})"));
  writeFile(dir_ / "PLACEHOLDER.json",
            smallTemplate("PLACEHOLDER", "1", R"({"type": "text", "text": "{{full name}}"})"));
  writeFile(dir_ / "MARKUP.json",
            smallTemplate("MARKUP", "1", R"({"type": "text", "markup": true, "text": "<b>x"})"));
  writeFile(dir_ / "notes.txt", "not a template");

  const auto loaded = FormCatalog::load({dir_});
  ASSERT_TRUE(loaded.ok());
  const FormCatalog& catalog = **loaded;
  EXPECT_TRUE(catalog.has("GOOD"));
  ASSERT_EQ(catalog.list().size(), 1U);
  EXPECT_EQ(catalog.problems().size(), 9U);
  EXPECT_NE(problemFor(catalog, "BADJSON.json").find("not JSON"), std::string::npos);
  EXPECT_NE(problemFor(catalog, "UNKNOWN.json").find("unknown element type \"hologram\""),
            std::string::npos);
  EXPECT_NE(problemFor(catalog, "NOKEY.json").find("pages[0][0]: missing \"key\""),
            std::string::npos);
  EXPECT_NE(problemFor(catalog, "NEGATIVE.json").find("pages[0][0].width: must be > 0"),
            std::string::npos);
  EXPECT_NE(problemFor(catalog, "TYPO.json").find("pages[0][0].bolt: unknown property"),
            std::string::npos);
  EXPECT_NE(problemFor(catalog, "WIDE.json").find("wider"), std::string::npos);
  EXPECT_NE(problemFor(catalog, "MISNAMED.json").find("does not match the file name"),
            std::string::npos);
  EXPECT_NE(problemFor(catalog, "PLACEHOLDER.json").find("is not a key"), std::string::npos);
  EXPECT_NE(problemFor(catalog, "MARKUP.json").find("Pango markup"), std::string::npos);
  for (const char* id : {"BADJSON", "UNKNOWN", "NOKEY", "NEGATIVE", "TYPO", "WIDE", "OTHER"}) {
    EXPECT_FALSE(catalog.has(id)) << id;
  }
  const auto refused = catalog.renderPdf("UNKNOWN", Json::object());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason(), Reason::FormNotFound);
}

TEST_F(TemplateCatalog, AnAdminFolderOverridesAShippedFormById) {
  writeFile(
      dir_ / "CT01.json",
      smallTemplate("CT01", "local-1", R"({"type": "field", "label": "Tên", "key": "full_name"})"));
  const auto loaded = FormCatalog::load({shippedFormsDir(), dir_});
  ASSERT_TRUE(loaded.ok());
  const FormCatalog& catalog = **loaded;
  EXPECT_TRUE(catalog.problems().empty());
  EXPECT_TRUE(catalog.has("CT01@local-1"));
  EXPECT_FALSE(catalog.has("CT01@116/2026"));
  EXPECT_TRUE(catalog.has("CT04"));  // the other shipped forms stay
  const auto pdf = catalog.renderPdf("CT01", Json{{"full_name", "NGUYỄN VĂN AN"}});
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(extractText(*pdf), "Tên: NGUYỄN VĂN AN\n");
}

TEST_F(TemplateCatalog, ABrokenOverrideKeepsTheShippedForm) {
  writeFile(dir_ / "CT01.json", smallTemplate("CT01", "local-2", R"({"type": "nope"})"));
  const auto loaded = FormCatalog::load({shippedFormsDir(), dir_});
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE((*loaded)->has("CT01@116/2026"));
  ASSERT_EQ((*loaded)->problems().size(), 1U);
  EXPECT_NE((*loaded)->problems().front().find("CT01.json"), std::string::npos);
}

TEST_F(TemplateCatalog, ConditionsFallbacksAndNestedKeys) {
  writeFile(dir_ / "T1.json", smallTemplate("T1", "1",
                                            R"({"type": "text", "if": "urgent", "text": "KHẨN"},
                             {"type": "text", "unless": "urgent", "text": "Thường"},
                             {"type": "text", "text": "Nơi ở: {{address.ward|chưa rõ}}"},
                             {"type": "qr", "key": "link", "size": 20})"));
  const auto loaded = FormCatalog::load({dir_});
  ASSERT_TRUE(loaded.ok());
  ASSERT_TRUE((*loaded)->problems().empty()) << (*loaded)->problems().front();
  const FormCatalog& catalog = **loaded;
  EXPECT_EQ(extractText(*catalog.renderPdf("T1", Json::object())), "Thường\nNơi ở: chưa rõ\n");
  EXPECT_EQ(extractText(*catalog.renderPdf(
                "T1", Json{{"urgent", true}, {"address", {{"ward", "Phường Hàng Bài"}}}})),
            "KHẨN\nNơi ở: Phường Hàng Bài\n");
  const auto tooLong = catalog.renderPdf("T1", Json{{"link", std::string(8000, 'x')}});
  ASSERT_FALSE(tooLong.ok());
  EXPECT_EQ(tooLong.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(tooLong.error().detail().find("link"), std::string::npos);
}

TEST_F(TemplateCatalog, AMissingFolderIsAProblemNotAFailure) {
  const auto loaded = FormCatalog::load({shippedFormsDir(), dir_ / "absent"});
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE((*loaded)->has("CT01"));
  ASSERT_EQ((*loaded)->problems().size(), 1U);
  EXPECT_NE((*loaded)->problems().front().find("absent"), std::string::npos);
}

}  // namespace
}  // namespace onestop::forms
