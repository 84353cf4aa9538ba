#include "daemon/store/copy_text_format.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

std::string field(std::string_view value) {
  std::string out = "<";
  CopyTextFormat::append_field(out, value);
  return out + ">";
}

TEST(CopyTextFormatTest, PlainTextIsAppendedAsItIs) {
  EXPECT_EQ(field("Zhang Wei"), "<Zhang Wei>");
  EXPECT_EQ(field("张伟, 南京市长安街 12 号"), "<张伟, 南京市长安街 12 号>");
  EXPECT_EQ(field(""), "<>");
}

TEST(CopyTextFormatTest, EscapesTheFourCharactersCopyReadsSpecially) {
  EXPECT_EQ(field("a\\b\tc\nd\re"), "<a\\\\b\\tc\\nd\\re>");
  EXPECT_EQ(field("\\"), "<\\\\>");
  EXPECT_EQ(field("\t\t"), "<\\t\\t>");
  EXPECT_EQ(field("line\n"), "<line\\n>");
  EXPECT_EQ(field("\r\nnext"), "<\\r\\nnext>");
}

TEST(CopyTextFormatTest, LeavesWhatIsAlreadyInTheBufferAlone) {
  std::string out = "1\t";
  CopyTextFormat::append_field(out, "x\ty");
  out += '\t';
  CopyTextFormat::append_null(out);
  EXPECT_EQ(out, "1\tx\\ty\t\\N");
}

TEST(CopyTextFormatTest, QuotesAndOtherPunctuationNeedNoEscape) {
  EXPECT_EQ(field(R"({"rows":[{"Order No":"O-1","Item":"5\" pipe, 'blue'"}]})"),
            R"(<{"rows":[{"Order No":"O-1","Item":"5\\" pipe, 'blue'"}]}>)");
}

}  // namespace
}  // namespace crmsync::store
