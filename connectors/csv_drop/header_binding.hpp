#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "stream_mapping.hpp"

namespace crmsync::csv_drop {

// A canonical field and the index of the column it comes from.
struct BoundColumn {
  std::string field;
  std::size_t index = 0;
};

// A stream's mapping applied to one file's header row: where the id and
// every mapped field sit in this file. Header names match after trimming
// spaces, ignoring ASCII case, so "E-Mail " matches "e-mail".
class HeaderBinding {
 public:
  // Fails (with `error` set) when the id column or a mapped column is missing
  // or appears twice.
  static std::optional<HeaderBinding> bind(const StreamMapping& mapping,
                                           const std::vector<std::string>& header, std::string& error);

  [[nodiscard]] std::size_t column_count() const { return keys_.size(); }
  [[nodiscard]] std::size_t id_index() const { return id_index_; }
  [[nodiscard]] const std::string& id_column() const { return id_column_; }
  [[nodiscard]] const std::vector<BoundColumn>& fields() const { return fields_; }
  [[nodiscard]] const std::vector<BoundColumn>& line_fields() const { return line_fields_; }
  // The header names as payload keys: trimmed, unique ("Note", "Note#2"),
  // never empty ("column_7").
  [[nodiscard]] const std::vector<std::string>& payload_keys() const { return keys_; }

 private:
  HeaderBinding() = default;

  std::size_t id_index_ = 0;
  std::string id_column_;
  std::vector<BoundColumn> fields_;
  std::vector<BoundColumn> line_fields_;
  std::vector<std::string> keys_;
};

// `text` without leading and trailing ASCII spaces and tabs (and CR/LF).
[[nodiscard]] std::string trimmed(const std::string& text);

}  // namespace crmsync::csv_drop
