#pragma once

#include <filesystem>
#include <optional>

#include "csv_reader.hpp"
#include "file_text_source.hpp"
#include "header_binding.hpp"
#include "stream_mapping.hpp"
#include "text_encoding.hpp"

namespace crmsync::csv_drop {

// A partner file opened for one stream: decoded, split into rows, and its
// header row matched against the stream's mapping.
class BoundCsvFile {
 public:
  BoundCsvFile(const std::filesystem::path& path, TextEncoding encoding, char delimiter);

  // Reads the header row and binds the mapping to it. False when the file is
  // empty, undecodable before its first row ends, or lacks a mapped column;
  // error() says which.
  bool open(const StreamMapping& mapping);
  // The next data row (after open() succeeded).
  CsvReader::Result next(CsvRow& row);

  [[nodiscard]] const HeaderBinding& binding() const { return *binding_; }
  [[nodiscard]] const CsvError& error() const { return error_; }

 private:
  FileTextSource source_;
  CsvReader reader_;
  std::optional<HeaderBinding> binding_;
  CsvError error_;
};

}  // namespace crmsync::csv_drop
