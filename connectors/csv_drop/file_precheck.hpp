#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "stream_mapping.hpp"
#include "text_encoding.hpp"

namespace crmsync::csv_drop {

// What a read of a whole file, emitting nothing, found.
struct FilePrecheck {
  std::optional<std::string> problem;  // why the file cannot be read at all, with line and column
  std::string detail;                  // more for the reason file only
  std::uint64_t data_rows = 0;

  // Decodes and parses `path` end to end and matches its header: a file is
  // either read in full or quarantined untouched, never half-ingested.
  static FilePrecheck run(const std::filesystem::path& path, const std::string& file_name,
                          TextEncoding encoding, char delimiter, const StreamMapping& mapping);
};

}  // namespace crmsync::csv_drop
