#include "input/decode.h"

#include <gtest/gtest.h>

#include <string>

namespace lede::input {
namespace {

TEST(Decode, LegacyDeclarationReadsLegacyBytes) {
  // "café crème" in windows-1252: é and è are single bytes, invalid as UTF-8.
  const std::string page =
      "<meta charset=\"windows-1252\"><p>caf\xE9 cr\xE8me, d\xE9j\xE0 vu, na\xEFve</p>";
  auto d = decode_to_utf8(page, "");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->charset, "windows-1252");
  EXPECT_NE(d->utf8.find("café crème"), std::string::npos);
  EXPECT_TRUE(d->declared.empty());
}

TEST(Decode, ValidUtf8OverrulesAStaleLegacyDeclaration) {
  // A page re-saved as UTF-8 that still declares gb2312.
  const std::string page =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "<p>谷歌在2014年收购的人工智能公司开发出一款计算机。</p>";
  auto d = decode_to_utf8(page, "");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->charset, "utf-8");
  EXPECT_EQ(d->declared, "gb18030");  // gb2312 is read as its superset
  EXPECT_NE(d->utf8.find("人工智能"), std::string::npos);
  EXPECT_FALSE(d->replaced);
}

TEST(Decode, AFewMultiByteSequencesDoNotOverruleTheDeclaration) {
  // Two windows-1252 characters that happen to form valid UTF-8 ("Ã©").
  const std::string page = "<meta charset=\"windows-1252\"><p>Caf\xC3\xA9 opens</p>";
  auto d = decode_to_utf8(page, "");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->charset, "windows-1252");
  EXPECT_NE(d->utf8.find("CafÃ©"), std::string::npos);
}

TEST(Decode, ByteOrderMarkWinsOverEverything) {
  const std::string page = "\xEF\xBB\xBF<meta charset=\"iso-8859-1\"><p>naïve</p>";
  auto d = decode_to_utf8(page, "windows-1251");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->charset, "utf-8");
  EXPECT_NE(d->utf8.find("naïve"), std::string::npos);
}

TEST(Decode, BinaryDataIsNotAPage) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  const std::string bytes(kPng, sizeof kPng - 1);
  auto d = decode_to_utf8(bytes, "");
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kNotHtml);
}

}  // namespace
}  // namespace lede::input
