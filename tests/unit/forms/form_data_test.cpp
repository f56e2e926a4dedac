// Form data: wrong shapes are ValidationFailed naming the key (never the value), a citizen's
// text is never markup, digit boxes hold exactly the ID's digits, long values push what follows.
#include <gtest/gtest.h>

#include <thread>

#include "element_blocks.hpp"
#include "form_layout.hpp"
#include "form_template.hpp"
#include "forms_test_support.hpp"

namespace onestop::forms {
namespace {

using namespace testing;

Json ct01Data() {
  return readJson(testDataDir() / "CT01.json");
}

void expectRefusedNaming(const Result<std::vector<std::uint8_t>>& result, const std::string& key,
                         const std::string& secret = {}) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().reason(), Reason::ValidationFailed);
  EXPECT_NE(result.error().detail().find(key), std::string::npos) << result.error().detail();
  if (!secret.empty()) {
    EXPECT_EQ(result.error().detail().find(secret), std::string::npos);
  }
}

TEST(FormData, AStringWhereAnArrayBelongsNamesTheKey) {
  Json data = ct01Data();
  data["members"] = "TRẦN THỊ HOA";
  expectRefusedNaming(shippedCatalog()->renderPdf("CT01", data), "members", "HOA");
}

TEST(FormData, WrongShapesInsideRowsAndValuesNameTheirPath) {
  const auto catalog = shippedCatalog();
  Json data = ct01Data();
  data["members"][1]["full_name"] = Json::array({"NGUYỄN", "MINH"});
  expectRefusedNaming(catalog->renderPdf("CT01", data), "members[1].full_name", "MINH");
  data = ct01Data();
  data["members"][0] = "TRẦN THỊ HOA";
  expectRefusedNaming(catalog->renderPdf("CT01", data), "members[0]", "HOA");
  data = ct01Data();
  data["full_name"] = Json{{"given", "AN"}};
  expectRefusedNaming(catalog->renderPng("CT01", data, 0, 72), "full_name");
  data = ct01Data();
  data["id_number"] = "0010950123456";  // 13 digits
  expectRefusedNaming(catalog->renderPdf("CT01", data), "id_number", "0010950123456");
  data["id_number"] = "00109501234X";
  expectRefusedNaming(catalog->renderPdf("CT01", data), "id_number");
  data = ct01Data();
  data["email"] = std::string("an\xC3(@example.vn");  // not UTF-8
  expectRefusedNaming(catalog->renderPdf("CT01", data), "email");
  expectRefusedNaming(catalog->renderPdf("CT01", Json::array()), "data");
  Json guide = readJson(testDataDir() / "VNEID-GUIDE.json");
  guide["steps"][2] = Json::object();
  expectRefusedNaming(catalog->renderPdf("VNEID-GUIDE", guide), "steps[2]");
}

TEST(FormData, MissingKeysRenderBlank) {
  const auto pdf = shippedCatalog()->renderPdf("CT01", Json::object());
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  const std::string text = extractText(*pdf);
  EXPECT_NE(text.find("1. Họ, chữ đệm và tên khai sinh:\n"), std::string::npos) << text;
  EXPECT_NE(text.find("…, ngày … tháng … năm …"), std::string::npos);
}

TEST(FormData, CitizenTextIsNeverMarkup) {
  Json data = ct01Data();
  data["full_name"] = "<b>&amp; NGUYỄN</b> & <span size='99999'>";
  data["members"][0]["full_name"] = "A<i>B";
  const auto pdf = shippedCatalog()->renderPdf("CT01", data);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  const std::string text = extractText(*pdf);
  EXPECT_NE(text.find("khai sinh: <b>&amp; NGUYỄN</b> & <span size='99999'>"), std::string::npos)
      << text;
  EXPECT_NE(text.find("A<i>B"), std::string::npos) << text;
}

TEST(FormData, TwelveDigitBoxesReceiveExactlyTheTwelveDigits) {
  const auto cells = digitCells("001095012345", 12, "id_number");
  ASSERT_TRUE(cells.ok());
  EXPECT_EQ(*cells,
            (std::vector<std::string>{"0", "0", "1", "0", "9", "5", "0", "1", "2", "3", "4", "5"}));
  const auto spaced = digitCells("0010 9501 2345", 12, "id_number");
  ASSERT_TRUE(spaced.ok());
  EXPECT_EQ(*spaced, *cells);
  const auto shortNumber = digitCells("0010", 12, "id_number");
  ASSERT_TRUE(shortNumber.ok());
  EXPECT_EQ((*shortNumber)[3], "0");
  EXPECT_EQ((*shortNumber)[4], "");
  EXPECT_FALSE(digitCells("0010950123456", 12, "id_number").ok());

  // In the PDF: twelve boxes, one digit each, in order (pdftotext spaces them out).
  const auto pdf = shippedCatalog()->renderPdf("CT01", ct01Data());
  ASSERT_TRUE(pdf.ok());
  const std::string text = extractText(*pdf);
  EXPECT_NE(text.find("4. Số định danh cá nhân: 0 0 1 0 9 5 0 1 2 3 4 5\n"), std::string::npos)
      << text;
}

// The top of the text op whose layout starts with `prefix`, and its bottom; -1 when absent.
std::pair<double, double> textSpan(const std::vector<PageDrawing>& pages, std::size_t page,
                                   const std::string& prefix) {
  for (const DrawOp& op : pages.at(page).ops) {
    const auto* text = std::get_if<TextOp>(&op);
    if (text == nullptr) continue;
    if (std::string(pango_layout_get_text(text->layout.get())).rfind(prefix, 0) == 0) {
      return {text->y, text->y + layoutHeightPt(text->layout.get())};
    }
  }
  return {-1, -1};
}

TEST(FormLayout, ALongRequestAndManyMembersPushWhatFollowsDown) {
  const std::string source = readText(shippedFormsDir() / "CT01.json");
  const auto form = parseFormTemplate(source, "CT01.json");
  ASSERT_TRUE(form.ok()) << form.error().detail();
  Json data = ct01Data();
  const auto shortLayout = layoutForm(**form, data);
  ASSERT_TRUE(shortLayout.ok());
  std::string request;
  for (int i = 0; i < 12; ++i)
    request += "Đăng ký thường trú tại số nhà " + std::to_string(i) + ", phường Hàng Bài. ";
  data["request"] = request;
  for (int i = 0; i < 24; ++i) {
    data["members"].push_back({{"full_name", "THÀNH VIÊN " + std::to_string(i)},
                               {"id_number", "001200000" + std::to_string(100 + i)}});
  }
  const auto longLayout = layoutForm(**form, data);
  ASSERT_TRUE(longLayout.ok()) << longLayout.error().detail();

  const auto request10 = textSpan(*longLayout, 0, "10. Nội dung đề nghị");
  const auto field11 = textSpan(*longLayout, 0, "11. Những thành viên");
  ASSERT_GE(request10.first, 0);
  ASSERT_GE(field11.first, 0);
  EXPECT_GE(field11.first, request10.second) << "field 10 overlaps field 11";
  EXPECT_GT(field11.first, textSpan(*shortLayout, 0, "11. Những thành viên").first + 50);
  // The members table continues on a new page with its header; the notes still get their own.
  ASSERT_EQ(longLayout->size(), 3U);
  EXPECT_GE(textSpan((*longLayout), 1, "Họ, chữ đệm và tên").first, 0) << "header not repeated";
  EXPECT_GE(textSpan((*longLayout), 1, "NGƯỜI KÊ KHAI").first, 0);
  EXPECT_GE(textSpan((*longLayout), 2, "Ghi chú:").first, 0);
  const auto lastMember = textSpan(*longLayout, 1, "THÀNH VIÊN 23");
  const auto declarant = textSpan(*longLayout, 1, "NGƯỜI KÊ KHAI");
  ASSERT_GE(lastMember.first, 0);
  EXPECT_GT(declarant.first, lastMember.second) << "the table overlaps the signatures";

  const auto pdf = shippedCatalog()->renderPdf("CT01", data);
  ASSERT_TRUE(pdf.ok());
  const std::string text = extractText(*pdf);
  EXPECT_NE(text.find("THÀNH VIÊN 23"), std::string::npos);
  EXPECT_EQ(pdfInfoField(*pdf, "Pages"), "3");
}

TEST(FormBundle, FormsFollowEachOtherInOneDocument) {
  const auto catalog = shippedCatalog();
  const Json bundle =
      Json::array({{{"form", "CT01"}, {"data", ct01Data()}},
                   {{"form", "CT04"}, {"data", readJson(testDataDir() / "CT04.json")}}});
  const auto pdf = catalog->renderPdfBundle(bundle);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  EXPECT_EQ(pdfInfoField(*pdf, "Pages"), "3");
  EXPECT_EQ(pdfInfoField(*pdf, "Title"), "CT01 + CT04");
  const std::string text = extractText(*pdf);
  EXPECT_LT(text.find("TỜ KHAI THAY ĐỔI"), text.find("PHIẾU TIẾP NHẬN HỒ SƠ"));

  const auto unknown = catalog->renderPdfBundle(Json::array({{{"form", "CT99"}}}));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason(), Reason::FormNotFound);
  Json badData = bundle;
  badData[1]["data"]["documents"] = "Tờ khai";
  expectRefusedNaming(catalog->renderPdfBundle(badData), "forms[1].documents");
  expectRefusedNaming(catalog->renderPdfBundle(Json::array({{{"data", Json::object()}}})),
                      "forms[0].form");
  expectRefusedNaming(catalog->renderPdfBundle(Json::object()), "forms");
}

TEST(FormBundle, CheckboxesFollowTheirValues) {
  const auto catalog = shippedCatalog();
  Json receipt = readJson(testDataDir() / "CT04.json");
  receipt["delivery"] = "sms";
  std::string text = extractText(*catalog->renderPdf("CT04", receipt));
  EXPECT_NE(text.find("Bản giấy Bản điện tử X Tin nhắn SMS"), std::string::npos) << text;
  Json request = readJson(testDataDir() / "TK01.json");
  request["integrate"] = Json::array({"Giấy khai sinh"});
  text = extractText(*catalog->renderPdf("TK01", request));
  EXPECT_NE(text.find("X Giấy khai sinh"), std::string::npos) << text;
  EXPECT_EQ(text.find("X Thẻ bảo hiểm y tế"), std::string::npos) << text;
}

TEST(FormRendering, ThreadsRenderConcurrentlyWithTheSameResult) {
  const auto catalog = shippedCatalog();
  const Json data = ct01Data();
  const auto expected = catalog->renderPdf("CT01", data);
  ASSERT_TRUE(expected.ok());
  const std::string expectedText = extractText(*expected);
  std::vector<std::vector<std::uint8_t>> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) {
        auto pdf = catalog->renderPdf("CT01", data);
        if (pdf.ok()) result = std::move(pdf).value();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) EXPECT_EQ(extractText(result), expectedText);
}

}  // namespace
}  // namespace onestop::forms
