#pragma once

#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"
#include "crmsync/sdk/record.hpp"

namespace crmsync::csv_drop {

// One canonical field and the CSV header column it is read from.
struct ColumnMapping {
  std::string field;
  std::string header;
};

// How the files of one stream look: which files belong to it, which column
// holds the external id, and which columns fill which canonical fields.
class StreamMapping {
 public:
  // Reads `streams.<name>` and reports every problem with its dotted path.
  // Returns nothing when there was any problem.
  static std::optional<StreamMapping> parse(const std::string& name, const sdk::ConfigValue& value,
                                            std::vector<sdk::ConfigProblem>& problems);

  // The canonical field names a stream of `entity` may map under `columns`.
  static std::vector<std::string> fields_for(sdk::EntityType entity);
  // The canonical field names an order stream may map under `line_columns`.
  static std::vector<std::string> line_fields();

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] sdk::EntityType entity() const { return entity_; }
  [[nodiscard]] const std::string& pattern() const { return pattern_; }
  [[nodiscard]] const std::string& id_column() const { return id_column_; }
  [[nodiscard]] const std::vector<ColumnMapping>& columns() const { return columns_; }
  [[nodiscard]] const std::vector<ColumnMapping>& line_columns() const { return line_columns_; }
  // Orders with line columns: consecutive rows with one id are one order.
  [[nodiscard]] bool groups_lines() const { return !line_columns_.empty(); }

 private:
  StreamMapping() = default;

  std::string name_;
  sdk::EntityType entity_ = sdk::EntityType::customer;
  std::string pattern_;
  std::string id_column_;
  std::vector<ColumnMapping> columns_;
  std::vector<ColumnMapping> line_columns_;
};

}  // namespace crmsync::csv_drop
