#pragma once

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "text_decoder.hpp"
#include "text_encoding.hpp"
#include "text_source.hpp"

namespace crmsync::csv_drop {

// A file read in chunks and decoded to UTF-8. A decoding error names the
// line and column of the decoded text where the bad bytes start.
class FileTextSource final : public TextSource {
 public:
  static constexpr std::size_t kDefaultChunkBytes = std::size_t{256} * 1024;

  FileTextSource(const std::filesystem::path& path, TextEncoding encoding,
                 std::size_t chunk_bytes = kDefaultChunkBytes);

  Result read(std::string& out) override;
  [[nodiscard]] std::string error() const override { return error_; }

 private:
  void track_position(const std::string& text);

  std::ifstream file_;
  TextDecoder decoder_;
  std::string raw_;
  bool finished_ = false;
  std::uint64_t line_ = 1;
  std::uint64_t column_ = 1;
  char previous_ = '\0';  // a CRLF may be split over two chunks
  std::string error_;
};

}  // namespace crmsync::csv_drop
