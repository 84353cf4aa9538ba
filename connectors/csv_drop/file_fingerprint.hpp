#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "text_encoding.hpp"

namespace crmsync::csv_drop {

// What one pass over a file's bytes tells: its content hash (the identity of
// a drop, whatever its name) and what is needed to pick its encoding.
struct FileFingerprint {
  std::string sha256;  // lower-case hex
  std::uint64_t size = 0;
  ByteOrderMark bom = ByteOrderMark::none;
  bool valid_utf8 = false;

  // Reads the file in chunks. Returns nothing (and sets `error`) when it
  // cannot be read.
  static std::optional<FileFingerprint> compute(const std::filesystem::path& path, std::string& error);
};

}  // namespace crmsync::csv_drop
