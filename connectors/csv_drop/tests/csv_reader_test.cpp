#include "csv_reader.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace crmsync::csv_drop {
namespace {

using testing::StringTextSource;

struct Parsed {
  std::vector<CsvRow> rows;
  CsvReader::Result last = CsvReader::Result::end;
  CsvError error;
};

Parsed parse(const std::string& text, std::size_t chunk, char delimiter = ',',
             std::size_t max_row = CsvReader::kDefaultMaxRowBytes) {
  StringTextSource source(text, chunk);
  CsvReader reader(source, delimiter, max_row);
  Parsed parsed;
  CsvRow row;
  while ((parsed.last = reader.next(row)) == CsvReader::Result::row) parsed.rows.push_back(row);
  parsed.error = reader.error();
  return parsed;
}

using Fields = std::vector<std::string>;

// Every case runs with chunks of 1, 2, 3 and 4096 bytes: a row, a quote, a
// CRLF or a UTF-8 character split anywhere must read the same.
class CsvReaderTest : public ::testing::TestWithParam<std::size_t> {};

TEST_P(CsvReaderTest, QuotedFieldWithNewlineIsOneRow) {
  const auto parsed = parse("id,address\r\n1,\"Hauptstraße 5\r\nHinterhaus\"\r\n2,x\r\n", GetParam());
  ASSERT_EQ(parsed.last, CsvReader::Result::end);
  ASSERT_EQ(parsed.rows.size(), 3U);
  EXPECT_EQ(parsed.rows[1].fields, (Fields{"1", "Hauptstraße 5\r\nHinterhaus"}));
  EXPECT_EQ(parsed.rows[1].line, 2U);
  EXPECT_EQ(parsed.rows[2].fields, (Fields{"2", "x"}));
  EXPECT_EQ(parsed.rows[2].line, 4U);  // the physical line, after the two-line field
}

TEST_P(CsvReaderTest, QuotedFieldsKeepDelimitersAndDoubledQuotes) {
  const auto parsed = parse("a,\"b, c\",\"say \"\"hi\"\"\",\"\"\n", GetParam());
  ASSERT_EQ(parsed.rows.size(), 1U);
  EXPECT_EQ(parsed.rows[0].fields, (Fields{"a", "b, c", "say \"hi\"", ""}));
}

TEST_P(CsvReaderTest, LfCrLfAndLoneCrEndRows) {
  const auto parsed = parse("a\nb\r\nc\rd", GetParam());
  ASSERT_EQ(parsed.rows.size(), 4U);
  EXPECT_EQ(parsed.rows[3].fields, Fields{"d"});
  EXPECT_EQ(parsed.rows[0].line, 1U);
  EXPECT_EQ(parsed.rows[1].line, 2U);
  EXPECT_EQ(parsed.rows[2].line, 3U);
  EXPECT_EQ(parsed.rows[3].line, 4U);
}

TEST_P(CsvReaderTest, EmptyLinesAreSkippedButCounted) {
  const auto parsed = parse("h1,h2\r\n\r\n1,2\r\n\r\n\r\n", GetParam());
  ASSERT_EQ(parsed.last, CsvReader::Result::end);
  ASSERT_EQ(parsed.rows.size(), 2U);
  EXPECT_EQ(parsed.rows[1].fields, (Fields{"1", "2"}));
  EXPECT_EQ(parsed.rows[1].line, 3U);
}

TEST_P(CsvReaderTest, EmptyFieldsAndTrailingDelimiterAreFields) {
  const auto parsed = parse(",a,,\n", GetParam());
  ASSERT_EQ(parsed.rows.size(), 1U);
  EXPECT_EQ(parsed.rows[0].fields, (Fields{"", "a", "", ""}));
}

TEST_P(CsvReaderTest, LastRowWithoutLineBreakIsRead) {
  const auto parsed = parse("a,b\n1,\"2\"", GetParam());
  ASSERT_EQ(parsed.rows.size(), 2U);
  EXPECT_EQ(parsed.rows[1].fields, (Fields{"1", "2"}));
}

TEST_P(CsvReaderTest, UnterminatedQuoteIsAnErrorAtTheOpeningQuote) {
  const auto parsed = parse("id,name\n1,ok\n2,\"张伟 never\nclosed\n", GetParam());
  ASSERT_EQ(parsed.last, CsvReader::Result::error);
  EXPECT_EQ(parsed.rows.size(), 2U);
  EXPECT_EQ(parsed.error.line, 3U);
  EXPECT_EQ(parsed.error.column, 3U);
  EXPECT_NE(parsed.error.message.find("never closed"), std::string::npos);
  EXPECT_EQ(parsed.error.describe("x.csv").substr(0, 25), "x.csv: line 3, column 3: ");
}

TEST_P(CsvReaderTest, ColumnsCountCharactersNotBytes) {
  const auto parsed = parse("张伟,\"王芳", GetParam());
  ASSERT_EQ(parsed.last, CsvReader::Result::error);
  EXPECT_EQ(parsed.error.line, 1U);
  EXPECT_EQ(parsed.error.column, 4U);
}

TEST_P(CsvReaderTest, StrayQuotesAreReadLeniently) {
  const auto parsed = parse("5'10\" tall,\"a\"b\n", GetParam());
  ASSERT_EQ(parsed.rows.size(), 1U);
  EXPECT_EQ(parsed.rows[0].fields, (Fields{"5'10\" tall", "ab"}));
}

TEST_P(CsvReaderTest, OtherDelimiters) {
  const auto parsed = parse("a;b,c;\"d;e\"\n", GetParam(), ';');
  ASSERT_EQ(parsed.rows.size(), 1U);
  EXPECT_EQ(parsed.rows[0].fields, (Fields{"a", "b,c", "d;e"}));
  const auto tabs = parse("a\tb c\n", GetParam(), '\t');
  EXPECT_EQ(tabs.rows[0].fields, (Fields{"a", "b c"}));
}

INSTANTIATE_TEST_SUITE_P(ChunkSizes, CsvReaderTest, ::testing::Values(1, 2, 3, 4096));

TEST(CsvReaderLimits, RunawayQuotedFieldStopsAtTheRowLimit) {
  const auto parsed = parse("a,\"" + std::string(100, 'x') + "\n", 7, ',', 50);
  ASSERT_EQ(parsed.last, CsvReader::Result::error);
  EXPECT_EQ(parsed.error.line, 1U);
  EXPECT_EQ(parsed.error.column, 3U);
  EXPECT_NE(parsed.error.message.find("closing quote"), std::string::npos);
}

TEST(CsvReaderLimits, EmptyInputHasNoRows) {
  EXPECT_EQ(parse("", 10).last, CsvReader::Result::end);
  EXPECT_TRUE(parse("\r\n\n", 10).rows.empty());
}

TEST(CsvReaderLimits, ErrorIsSticky) {
  StringTextSource source("\"open", 10);
  CsvReader reader(source, ',');
  CsvRow row;
  EXPECT_EQ(reader.next(row), CsvReader::Result::error);
  EXPECT_EQ(reader.next(row), CsvReader::Result::error);
}

}  // namespace
}  // namespace crmsync::csv_drop
