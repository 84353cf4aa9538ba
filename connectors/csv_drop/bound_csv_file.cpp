#include "bound_csv_file.hpp"

namespace crmsync::csv_drop {

BoundCsvFile::BoundCsvFile(const std::filesystem::path& path, TextEncoding encoding, char delimiter)
    : source_(path, encoding), reader_(source_, delimiter) {}

bool BoundCsvFile::open(const StreamMapping& mapping) {
  CsvRow header;
  switch (reader_.next(header)) {
    case CsvReader::Result::row:
      break;
    case CsvReader::Result::end:
      error_ = CsvError{"the file is empty: a header row is required", 0, 0, {}};
      return false;
    case CsvReader::Result::error:
      error_ = reader_.error();
      return false;
  }
  std::string problem;
  binding_ = HeaderBinding::bind(mapping, header.fields, problem);
  if (!binding_) {
    std::string columns;
    for (const auto& name : header.fields) columns += (columns.empty() ? "" : " | ") + name;
    error_ = CsvError{problem, header.line, 0, "header row as read: " + columns};
    return false;
  }
  return true;
}

CsvReader::Result BoundCsvFile::next(CsvRow& row) {
  const auto result = reader_.next(row);
  if (result == CsvReader::Result::error) error_ = reader_.error();
  return result;
}

}  // namespace crmsync::csv_drop
