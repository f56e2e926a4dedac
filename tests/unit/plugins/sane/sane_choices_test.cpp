// Vendor spellings of the scan mode and source options → the ABI's modes and sources.
#include <gtest/gtest.h>

#include "sane_capabilities.hpp"

namespace onestop::sane {
namespace {

TEST(SaneModeSpelling, ColourGrayAndLineartInTheirVendorSpellings) {
  for (const char* s : {"Color", "Colour", "24bit Color", "Color24", "RGB", "color"}) {
    EXPECT_EQ(classifyMode(s), ModeKind::Color) << s;
  }
  for (const char* s : {"Gray", "Grey", "Grayscale", "True Gray", "8bit Gray", "gray16"}) {
    EXPECT_EQ(classifyMode(s), ModeKind::Gray) << s;
  }
  for (const char* s :
       {"Lineart", "Line Art", "Binary", "Black & White", "Black and White", "BW", "Monochrome"}) {
    EXPECT_EQ(classifyMode(s), ModeKind::Lineart) << s;
  }
  for (const char* s : {"Halftone", "Gray Halftone", "Dither", "Infrared"}) {
    EXPECT_EQ(classifyMode(s), ModeKind::Other) << s;
  }
}

TEST(SaneSourceSpelling, FlatbedAndFeederInTheirVendorSpellings) {
  for (const char* s : {"Flatbed", "FlatBed", "Platen", "Document Table", "Normal"}) {
    EXPECT_EQ(classifySource(s), SourceKind::Flatbed) << s;
  }
  for (const char* s : {"Automatic Document Feeder", "ADF", "ADF Front", "ADF Simplex",
                        "Document Feeder", "Automatic Document Feeder(left aligned)"}) {
    EXPECT_EQ(classifySource(s), SourceKind::Adf) << s;
  }
  for (const char* s : {"ADF Back", "ADF Duplex", "ADF Rear", "Automatic Document Feeder Duplex"}) {
    EXPECT_EQ(classifySource(s), SourceKind::AdfBackOrDuplex) << s;
  }
  for (const char* s : {"Transparency Adapter", "Negative Film", "Slide"}) {
    EXPECT_EQ(classifySource(s), SourceKind::Other) << s;
  }
}

TEST(SaneChoices, TheStandardSpellingWinsAndTheFrontFeederBeforeDuplex) {
  const auto c = choicesFrom({"Halftone", "24bit Color", "Color", "Gray", "Lineart"},
                             {"ADF Duplex", "ADF Front", "Flatbed"}, false);
  EXPECT_EQ(c.colorMode, "Color");
  EXPECT_EQ(c.grayMode, "Gray");
  EXPECT_EQ(c.lineartMode, "Lineart");
  EXPECT_FALSE(c.lineartByDepth);
  EXPECT_EQ(c.flatbedSource, "Flatbed");
  EXPECT_EQ(c.adfSource, "ADF Front");
}

TEST(SaneChoices, ADuplexOnlyFeederIsStillAFeeder) {
  const auto c = choicesFrom({"Color"}, {"ADF Duplex"}, false);
  EXPECT_EQ(c.adfSource, "ADF Duplex");
  EXPECT_FALSE(c.flatbedSource.has_value());
  EXPECT_TRUE(c.hasSourceOption);
}

TEST(SaneChoices, LineartFromGrayAtDepthOneWhenThereIsNoLineartMode) {
  // The test backend: modes Gray and Color, depth 1|8|16.
  const auto c = choicesFrom({"Gray", "Color"}, {"Flatbed", "Automatic Document Feeder"}, true);
  EXPECT_FALSE(c.lineartMode.has_value());
  EXPECT_TRUE(c.lineartByDepth);
  EXPECT_EQ(c.adfSource, "Automatic Document Feeder");
  EXPECT_FALSE(choicesFrom({"Color"}, {}, true).lineartByDepth);  // no gray mode to use
}

TEST(SaneChoices, NoSourceOptionMeansAFlatbed) {
  const auto c = choicesFrom({"Color"}, {}, false);
  EXPECT_FALSE(c.hasSourceOption);
  EXPECT_FALSE(c.adfSource.has_value());
}

TEST(SaneAreaUnits, MillimetresOrPixelsAtTheResolution) {
  AreaLimits mm;
  EXPECT_DOUBLE_EQ(mmPerUnit(mm, 300), 1.0);
  AreaLimits px;
  px.pixels = true;
  EXPECT_DOUBLE_EQ(mmPerUnit(px, 254), 0.1);
}

}  // namespace
}  // namespace onestop::sane
