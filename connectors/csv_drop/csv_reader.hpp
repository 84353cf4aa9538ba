#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text_source.hpp"

namespace crmsync::csv_drop {

// One record of a CSV file and the physical line it starts on.
struct CsvRow {
  std::vector<std::string> fields;
  std::uint64_t line = 0;  // 1-based
};

// Why a file could not be read as CSV, and where.
struct CsvError {
  std::string message;
  std::uint64_t line = 0;    // 1-based; 0 when unknown
  std::uint64_t column = 0;  // 1-based, in characters; 0 when unknown
  // More for the quarantine's reason file, which sits beside the data anyway
  // (e.g. the header row as read); never logged.
  std::string detail;

  // "partner.csv: line 12, column 5: quoted field is never closed ..."
  [[nodiscard]] std::string describe(const std::string& file_name) const;
};

// A streaming RFC 4180 reader: quoted fields may hold delimiters, doubled
// quotes and line breaks; records end with LF, CRLF or CR; empty lines are
// skipped. It holds one row at a time, never the file.
//
// Deliberately lenient where partner files often stray and the intent is
// clear: a quote inside an unquoted field is kept as a character, and text
// after a closing quote continues the field (`"a"b` reads as `ab`).
class CsvReader {
 public:
  enum class Result { row, end, error };

  // A row larger than this is treated as a broken file (most likely a quote
  // that is never closed) rather than read into memory.
  static constexpr std::size_t kDefaultMaxRowBytes = std::size_t{16} * 1024 * 1024;

  CsvReader(TextSource& source, char delimiter, std::size_t max_row_bytes = kDefaultMaxRowBytes);

  // Reads the next row into `row`. After `error`, error() says why, and every
  // further call returns `error` again.
  Result next(CsvRow& row);
  [[nodiscard]] const CsvError& error() const { return error_; }

 private:
  static constexpr int kEnd = -1;

  int get();
  bool at_line_feed();
  Result fail(std::string message, std::uint64_t line, std::uint64_t column);

  TextSource& source_;
  char delimiter_;
  std::size_t max_row_bytes_;
  std::string buffer_;
  std::size_t position_ = 0;
  bool source_done_ = false;
  bool source_failed_ = false;
  std::uint64_t line_ = 1;    // of the next character
  std::uint64_t column_ = 1;  // of the next character
  bool failed_ = false;
  CsvError error_;
};

}  // namespace crmsync::csv_drop
