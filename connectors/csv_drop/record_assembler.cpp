#include "record_assembler.hpp"

#include <utility>

#include "json_text.hpp"

namespace crmsync::csv_drop {
namespace {

bool is_blank(const std::string& text) {
  return trimmed(text).empty();
}

}  // namespace

RecordAssembler::RecordAssembler(const StreamMapping& mapping, const HeaderBinding& binding,
                                 std::string file_name)
    : mapping_(mapping), binding_(binding), file_name_(std::move(file_name)) {}

std::string RecordAssembler::location(const CsvRow& row) const {
  return file_name_ + ":" + std::to_string(row.line);
}

std::optional<sdk::Rejection> RecordAssembler::check(const CsvRow& row, std::string& id) const {
  const std::size_t expected = binding_.column_count();
  if (row.fields.size() != expected) {
    sdk::Rejection rejection;
    if (binding_.id_index() < row.fields.size())
      rejection.external_id = trimmed(row.fields[binding_.id_index()]);
    rejection.location = location(row);
    rejection.reason = "row has " + std::to_string(row.fields.size()) + " fields but the header has " +
                       std::to_string(expected);
    rejection.payload = json_string_array(row.fields);
    return rejection;
  }
  id = trimmed(row.fields[binding_.id_index()]);
  if (id.empty()) {
    return sdk::Rejection{"", location(row), "missing id in column '" + binding_.id_column() + "'",
                          json_object(binding_.payload_keys(), row.fields)};
  }
  return std::nullopt;
}

sdk::RawRecord RecordAssembler::make_record(const CsvRow& row, std::string id) const {
  sdk::RawRecord record;
  record.external_id = std::move(id);
  record.entity = mapping_.entity();
  for (const auto& column : binding_.fields()) {
    const std::string& value = row.fields[column.index];
    if (!is_blank(value)) record.fields[column.field] = value;  // as the partner wrote it
  }
  record.location = location(row);
  return record;
}

sdk::FieldMap RecordAssembler::make_line(const CsvRow& row) const {
  sdk::FieldMap line;
  for (const auto& column : binding_.line_fields()) {
    const std::string& value = row.fields[column.index];
    if (!is_blank(value)) line[column.field] = value;
  }
  return line;
}

void RecordAssembler::reject(sdk::Rejection rejection, sdk::RecordBatch& out) {
  // While an order is held back, its position is the resume point: a
  // rejection after it must wait with it or a resume would repeat it.
  if (held_) {
    held_rejections_.push_back(std::move(rejection));
  } else {
    out.rejections.push_back(std::move(rejection));
  }
}

void RecordAssembler::add_row(const CsvRow& row, std::uint64_t row_index, sdk::RecordBatch& out) {
  std::string id;
  if (auto rejection = check(row, id)) {
    reject(std::move(*rejection), out);
    return;
  }
  if (mapping_.groups_lines()) {
    add_order_row(row, row_index, std::move(id), out);
    return;
  }
  sdk::RawRecord record = make_record(row, std::move(id));
  record.payload = json_object(binding_.payload_keys(), row.fields);
  out.records.push_back(std::move(record));
}

void RecordAssembler::add_order_row(const CsvRow& row, std::uint64_t row_index, std::string id,
                                    sdk::RecordBatch& out) {
  if (held_ && held_->external_id == id) {
    held_->lines.push_back(make_line(row));
    held_rows_.push_back(json_object(binding_.payload_keys(), row.fields));
    return;
  }
  release_held(out);
  if (const auto started = order_starts_.find_or_add(id, row.line)) {
    // A second run of rows for one order would replace the first: refuse it
    // rather than lose lines quietly.
    out.rejections.push_back(
        sdk::Rejection{id, location(row),
                       "order '" + id + "' continues here after rows of other orders (it starts at line " +
                           std::to_string(*started) + "); the rows of one order must be consecutive",
                       json_object(binding_.payload_keys(), row.fields)});
    return;
  }
  held_ = make_record(row, std::move(id));
  held_->lines.push_back(make_line(row));
  held_rows_.push_back(json_object(binding_.payload_keys(), row.fields));
  held_from_ = row_index;
}

void RecordAssembler::skip_row(const CsvRow& row) {
  if (!mapping_.groups_lines() || row.fields.size() != binding_.column_count()) return;
  const std::string id = trimmed(row.fields[binding_.id_index()]);
  if (!id.empty()) order_starts_.find_or_add(id, row.line);
}

void RecordAssembler::release_held(sdk::RecordBatch& out) {
  if (!held_) return;
  std::string payload = "{\"rows\":[";
  for (std::size_t i = 0; i < held_rows_.size(); ++i) {
    if (i > 0) payload += ',';
    payload += held_rows_[i];
  }
  payload += "]}";
  held_->payload = std::move(payload);
  out.records.push_back(std::move(*held_));
  held_.reset();
  held_rows_.clear();
  for (auto& rejection : held_rejections_) out.rejections.push_back(std::move(rejection));
  held_rejections_.clear();
}

void RecordAssembler::finish(sdk::RecordBatch& out) {
  release_held(out);
}

std::optional<std::uint64_t> RecordAssembler::held_from() const {
  return held_ ? std::optional<std::uint64_t>(held_from_) : std::nullopt;
}

}  // namespace crmsync::csv_drop
