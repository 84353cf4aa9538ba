#include "file_precheck.hpp"

#include "bound_csv_file.hpp"

namespace crmsync::csv_drop {

FilePrecheck FilePrecheck::run(const std::filesystem::path& path, const std::string& file_name,
                               TextEncoding encoding, char delimiter, const StreamMapping& mapping) {
  FilePrecheck check;
  BoundCsvFile file(path, encoding, delimiter);
  if (!file.open(mapping)) {
    check.problem = file.error().describe(file_name);
    check.detail = file.error().detail;
    return check;
  }
  CsvRow row;
  for (;;) {
    switch (file.next(row)) {
      case CsvReader::Result::row:
        ++check.data_rows;
        continue;
      case CsvReader::Result::end:
        return check;
      case CsvReader::Result::error:
        check.problem = file.error().describe(file_name);
        return check;
    }
  }
}

}  // namespace crmsync::csv_drop
