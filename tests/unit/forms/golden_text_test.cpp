// Golden tests of the shipped templates: each form rendered with its synthetic data set
// (data/<ID>.json), the PDF's text extracted with `pdftotext -layout` and compared with
// golden/<ID>.txt. ONESTOP_UPDATE_GOLDEN=1 rewrites the golden files (review the diff!).
#include <gtest/gtest.h>

#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "forms_test_support.hpp"

namespace onestop::forms {
namespace {

using namespace testing;

class GoldenText : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenText, ExtractedTextEqualsTheGoldenFile) {
  const std::string id = GetParam();
  const auto catalog = shippedCatalog();
  ASSERT_TRUE(catalog->problems().empty()) << catalog->problems().front();
  const auto pdf = catalog->renderPdf(id, readJson(testDataDir() / (id + ".json")));
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  const std::string text = extractText(*pdf);
  ASSERT_FALSE(text.empty());
  const auto golden = goldenDir() / (id + ".txt");
  if (updatingGolden()) writeFile(golden, text);
  EXPECT_EQ(text, readText(golden));
}

INSTANTIATE_TEST_SUITE_P(ShippedForms, GoldenText,
                         ::testing::Values("CT01", "CT03", "CT04", "CT05", "CT06", "TK01",
                                           "VNEID-GUIDE"),
                         [](const auto& param) {
                           std::string name = param.param;
                           for (char& c : name) {
                             if (c == '-') c = '_';
                           }
                           return name;
                         });

// The golden file could be regenerated wrong; these lines are what the form must say whatever
// the layout: labels of residence.md §4 and the data with their diacritics.
TEST(GoldenText, Ct01CarriesTheOfficialLabelsAndTheDataWithDiacritics) {
  const auto catalog = shippedCatalog();
  const Json data = readJson(testDataDir() / "CT01.json");
  const auto pdf = catalog->renderPdf("CT01@116/2026", data);
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  const std::string text = extractText(*pdf);
  for (const char* expected : {"Mẫu CT01 ban hành kèm theo Thông tư số 116/2026/TT-BCA ngày 29",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                               "Độc lập - Tự do - Hạnh phúc",
                               "TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ",
                               "Kính gửi(1): Công an phường Hàng Bài, thành phố Hà Nội",
                               "1. Họ, chữ đệm và tên khai sinh: NGUYỄN VĂN AN",
                               "2. Ngày, tháng, năm sinh: 15/06/1995",
                               "3. Giới tính: Nam",
                               "4. Số định danh cá nhân: 0 0 1 0 9 5 0 1 2 3 4 5",
                               "5. Số điện thoại liên hệ: 0912345678",
                               "6. Email: an.nguyen@example.vn",
                               "7. Họ, chữ đệm và tên chủ hộ(2): NGUYỄN VĂN BÌNH",
                               "8. Mối quan hệ với chủ hộ: Con",
                               "9. Số định danh cá nhân của chủ hộ: 0 0 1 0 6 5 0 0 4 3 2 1",
                               "10. Nội dung đề nghị(3):",
                               "11. Những thành viên trong hộ gia đình cùng thay đổi:",
                               "TRẦN THỊ HOA",
                               "001197006789",
                               "Ý KIẾN CỦA CHỦ HỘ(4)",
                               "NGƯỜI KÊ KHAI(7)",
                               "Ghi chú:",
                               "(8) Chỉ ghi họ"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  }
  // Fields 1–11 in order.
  std::size_t last = 0;
  for (const char* label : {"Kính gửi", "1. Họ", "2. Ngày", "3. Giới", "4. Số", "5. Số", "6. Email",
                            "7. Họ", "8. Mối", "9. Số", "10. Nội", "11. Những"}) {
    const std::size_t at = text.find(label, last);
    ASSERT_NE(at, std::string::npos) << label;
    last = at;
  }
}

// Same guard for the absence slip (residence.md §5, CT03 row): header, fields 1–10 in order, the
// three signature blocks, and the tam-vang procedure's data printed with its diacritics.
TEST(GoldenText, Ct03CarriesTheOfficialLabelsInOrderAndTheData) {
  const auto catalog = shippedCatalog();
  const auto pdf = catalog->renderPdf("CT03@66/2023", readJson(testDataDir() / "CT03.json"));
  ASSERT_TRUE(pdf.ok()) << pdf.error().detail();
  EXPECT_EQ(pdfInfoField(*pdf, "Pages"), "1");
  const std::string text = extractText(*pdf);
  // The header is two side-by-side columns, so their lines interleave: present, not ordered.
  for (const char* expected : {"Mẫu CT03 ban hành kèm theo Thông tư số 66/2023/TT-BCA",
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                               "Công an phường Hàng Bài, thành phố Hà Nội(2)"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << "missing: " << expected;
  }
  // From the title down: fields 1–10, then the signature blocks, in order.
  std::size_t last = 0;
  for (const char* expected :
       {"PHIẾU KHAI BÁO TẠM VẮNG", "1. Họ, chữ đệm và tên: NGUYỄN VĂN AN",
        "2. Ngày, tháng, năm sinh: 15/06/1995", "3. Giới tính: Nam",
        "4. Số định danh cá nhân: 0 0 1 0 9 5 0 1 2 3 4 5",
        "5. Nơi thường trú: Số 8 phố Lý Thường Kiệt",
        "6. Nơi tạm trú:", "7. Nơi ở hiện tại: Số 8 phố Lý Thường Kiệt",
        "8. Thời gian tạm vắng: từ ngày 01/12/2026 đến ngày 30/11/2027",
        "9. Lý do tạm vắng: Đi làm việc theo hợp đồng lao động",
        "10. Nơi đến(3): Số 25 đường Trần Phú, phường Nha Trang, tỉnh Khánh Hòa", "NGƯỜI KHAI BÁO",
        "CÁN BỘ TIẾP NHẬN", "THỦ TRƯỞNG CƠ QUAN(4)", "Ghi chú:"}) {
    const std::size_t at = text.find(expected, last);
    ASSERT_NE(at, std::string::npos) << "missing or out of order: " << expected;
    last = at;
  }
  EXPECT_NE(text.find("Hà Nội, ngày 23 tháng 11 năm 2026"), std::string::npos);
  EXPECT_NE(text.find("đóng dấu hoặc ký số"), std::string::npos);
}

TEST(PdfDocument, TitleIsTheFormIdAndFontsAreEmbeddedSubsets) {
  const auto catalog = shippedCatalog();
  const auto pdf = catalog->renderPdf("CT01", readJson(testDataDir() / "CT01.json"));
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdfInfoField(*pdf, "Title"), "CT01");
  EXPECT_EQ(pdfInfoField(*pdf, "Pages"), "2");
  EXPECT_NE(pdfInfoField(*pdf, "Page size").find("(A4)"), std::string::npos);
  const std::string info = runPoppler("pdfinfo", *pdf);
  EXPECT_EQ(info.find("NGUY"), std::string::npos) << "citizen data in the PDF metadata";
  // pdffonts: name type encoding emb sub uni object ID — every font embedded as a subset.
  std::istringstream fonts(runPoppler("pdffonts", *pdf));
  int fontCount = 0;
  bool liberation = false;
  for (std::string line; std::getline(fonts, line);) {
    if (line.size() < 7 || line[6] != '+') continue;  // "ABCDEF+LiberationSerif…"
    ++fontCount;
    liberation = liberation || line.find("LiberationSerif") != std::string::npos;
    std::istringstream columns(line);
    std::vector<std::string> words{std::istream_iterator<std::string>(columns), {}};
    ASSERT_GE(words.size(), 7U) << line;
    EXPECT_EQ(words[words.size() - 5], "yes") << "not embedded: " << line;
    EXPECT_EQ(words[words.size() - 4], "yes") << "not a subset: " << line;
  }
  EXPECT_GT(fontCount, 0);
  EXPECT_TRUE(liberation);
}

}  // namespace
}  // namespace onestop::forms
