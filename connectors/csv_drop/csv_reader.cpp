#include "csv_reader.hpp"

#include <utility>

namespace crmsync::csv_drop {

std::string CsvError::describe(const std::string& file_name) const {
  std::string text = file_name + ": ";
  if (line > 0)
    text += "line " + std::to_string(line) + (column > 0 ? ", column " + std::to_string(column) : "") + ": ";
  return text + message;
}

CsvReader::CsvReader(TextSource& source, char delimiter, std::size_t max_row_bytes)
    : source_(source), delimiter_(delimiter), max_row_bytes_(max_row_bytes) {}

int CsvReader::get() {
  while (position_ == buffer_.size()) {
    if (source_done_) return kEnd;
    position_ = 0;
    switch (source_.read(buffer_)) {
      case TextSource::Result::text:
        break;
      case TextSource::Result::end:
        buffer_.clear();
        source_done_ = true;
        return kEnd;
      case TextSource::Result::error:
        buffer_.clear();
        source_done_ = true;
        source_failed_ = true;
        return kEnd;
    }
  }
  const char ch = buffer_[position_++];
  if (ch == '\n' || ch == '\r') {
    ++line_;
    column_ = 1;
  } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
    ++column_;  // continuation bytes belong to the character before them
  }
  return static_cast<unsigned char>(ch);
}

// After a CR: consumes the LF of a CRLF, which does not start another line.
bool CsvReader::at_line_feed() {
  if (position_ == buffer_.size()) {
    // Peek across a chunk boundary: get() refills, and we undo its effect.
    const std::uint64_t line = line_;
    const std::uint64_t column = column_;
    const int ch = get();
    if (ch == kEnd) return false;
    if (ch == '\n') {
      line_ = line;
      column_ = column;
      return true;
    }
    --position_;
    line_ = line;
    column_ = column;
    return false;
  }
  if (buffer_[position_] != '\n') return false;
  ++position_;
  return true;
}

CsvReader::Result CsvReader::fail(std::string message, std::uint64_t line, std::uint64_t column) {
  failed_ = true;
  error_ = CsvError{std::move(message), line, column, {}};
  return Result::error;
}

CsvReader::Result CsvReader::next(CsvRow& row) {
  if (failed_) return Result::error;
  enum class State { field_start, unquoted, quoted, after_quote };
  State state = State::field_start;
  row.fields.clear();
  row.line = line_;
  std::string field;
  std::size_t row_bytes = 0;
  std::uint64_t quote_line = 0;
  std::uint64_t quote_column = 0;

  for (;;) {
    const std::uint64_t char_line = line_;
    const std::uint64_t char_column = column_;
    const int ch = get();
    if (ch == kEnd) {
      if (source_failed_) return fail(source_.error(), 0, 0);
      if (state == State::quoted) {
        return fail("quoted field is never closed (end of file reached)", quote_line, quote_column);
      }
      if (row_bytes == 0) return Result::end;
      row.fields.push_back(std::move(field));
      return Result::row;
    }
    const bool line_break = ch == '\n' || ch == '\r';
    if (line_break && state != State::quoted) {
      if (ch == '\r') at_line_feed();
      if (row_bytes == 0) {  // an empty line
        row.line = line_;
        continue;
      }
      row.fields.push_back(std::move(field));
      return Result::row;
    }
    if (++row_bytes > max_row_bytes_) {
      if (state == State::quoted) {
        return fail("quoted field runs on for more than " + std::to_string(max_row_bytes_) +
                        " bytes; is its closing quote missing?",
                    quote_line, quote_column);
      }
      return fail("row is larger than " + std::to_string(max_row_bytes_) + " bytes", row.line, 1);
    }
    const char c = static_cast<char>(ch);
    switch (state) {
      case State::field_start:
        if (c == '"') {
          state = State::quoted;
          quote_line = char_line;
          quote_column = char_column;
        } else if (c == delimiter_) {
          row.fields.push_back(std::move(field));
          field.clear();
        } else {
          field += c;
          state = State::unquoted;
        }
        break;
      case State::unquoted:
        if (c == delimiter_) {
          row.fields.push_back(std::move(field));
          field.clear();
          state = State::field_start;
        } else {
          field += c;
        }
        break;
      case State::quoted:
        if (c == '"') {
          state = State::after_quote;
        } else {
          field += c;  // line breaks included
          if (c == '\r' && at_line_feed()) field += '\n';
        }
        break;
      case State::after_quote:
        if (c == '"') {
          field += '"';
          state = State::quoted;
        } else if (c == delimiter_) {
          row.fields.push_back(std::move(field));
          field.clear();
          state = State::field_start;
        } else {
          field += c;
          state = State::unquoted;
        }
        break;
    }
  }
}

}  // namespace crmsync::csv_drop
