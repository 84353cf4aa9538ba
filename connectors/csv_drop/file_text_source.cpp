#include "file_text_source.hpp"

namespace crmsync::csv_drop {

FileTextSource::FileTextSource(const std::filesystem::path& path, TextEncoding encoding,
                               std::size_t chunk_bytes)
    : file_(path, std::ios::binary), decoder_(encoding), raw_(chunk_bytes, '\0') {
  if (!file_) error_ = "cannot open the file";
}

TextSource::Result FileTextSource::read(std::string& out) {
  out.clear();
  if (!error_.empty()) return Result::error;
  while (!finished_) {
    file_.read(raw_.data(), static_cast<std::streamsize>(raw_.size()));
    const auto got = static_cast<std::size_t>(file_.gcount());
    if (file_.bad()) {
      error_ = "read error";
      return Result::error;
    }
    finished_ = file_.eof();
    if (!decoder_.decode(std::string_view(raw_.data(), got), finished_, out)) {
      track_position(out);
      error_ =
          "line " + std::to_string(line_) + ", column " + std::to_string(column_) + ": " + decoder_.error();
      out.clear();
      return Result::error;
    }
    if (!out.empty()) {
      track_position(out);
      return Result::text;
    }
  }
  return Result::end;
}

void FileTextSource::track_position(const std::string& text) {
  // Line breaks as CsvReader counts them: LF, CRLF or a lone CR.
  for (const char ch : text) {
    if (ch == '\n') {
      if (previous_ != '\r') ++line_;
      column_ = 1;
    } else if (ch == '\r') {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) {
      ++column_;
    }
    previous_ = ch;
  }
}

}  // namespace crmsync::csv_drop
