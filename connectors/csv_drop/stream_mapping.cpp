#include "stream_mapping.hpp"

#include <algorithm>
#include <utility>

namespace crmsync::csv_drop {
namespace {

namespace field = sdk::field;
using sdk::ConfigProblem;
using sdk::ConfigValue;

const std::vector<std::string> kStreamKeys = {"entity", "pattern", "id_column", "columns", "line_columns"};

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

// "streams.customers" + "entity" -> "streams.customers.entity"
std::string child_path(const std::string& path, const std::string& key) {
  std::string child = path;
  child += '.';
  child += key;
  return child;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::optional<sdk::EntityType> parse_entity(const std::string& text) {
  if (text == "customer") return sdk::EntityType::customer;
  if (text == "order") return sdk::EntityType::order;
  if (text == "feedback") return sdk::EntityType::feedback;
  return std::nullopt;
}

// A required non-empty scalar; reports and returns nothing otherwise.
std::optional<std::string> required_text(const ConfigValue& stream, const std::string& key,
                                         const std::string& path, std::vector<ConfigProblem>& problems) {
  const ConfigValue* value = stream.find(key);
  if (value == nullptr || value->is_null()) {
    problems.push_back({child_path(path, key), "is required"});
    return std::nullopt;
  }
  if (value->kind() != ConfigValue::Kind::scalar || value->text().empty()) {
    problems.push_back({child_path(path, key), "must be a non-empty string"});
    return std::nullopt;
  }
  return value->text();
}

// "same_as.<instance>": a customer's id in another instance (see sdk::field::kSameAsPrefix).
bool is_same_record_field(const std::string& name) {
  const std::string prefix = field::kSameAsPrefix;
  if (!name.starts_with(prefix) || name.size() == prefix.size()) return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(prefix.size()), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// Reads a `canonical field: CSV header` mapping, checking every name.
std::vector<ColumnMapping> parse_columns(const ConfigValue& value, const std::string& path,
                                         const std::vector<std::string>& valid, const std::string& what,
                                         const std::vector<std::string>& misplaced,
                                         const std::string& misplaced_hint,
                                         std::vector<ConfigProblem>& problems) {
  std::vector<ColumnMapping> columns;
  if (value.kind() != ConfigValue::Kind::mapping || value.entries().empty()) {
    problems.push_back(
        {path, "must be a mapping of canonical field name to CSV header, e.g. {email: \"E-Mail\"}"});
    return columns;
  }
  for (const auto& entry : value.entries()) {
    const std::string& name = entry.first;
    const ConfigValue& header = entry.second;
    const std::string entry_path = child_path(path, name);
    if (!contains(valid, name) && !(contains(valid, field::kTaxId) && is_same_record_field(name))) {
      std::string message = "unknown field '" + name + "' for ";
      message += what;
      if (contains(misplaced, name)) message += " (" + misplaced_hint + ")";
      message += "; valid fields: " + joined(valid);
      if (contains(valid, field::kTaxId)) message += ", same_as.<instance>";
      problems.push_back({entry_path, message});
      continue;
    }
    const bool seen =
        std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c.field == name; });
    if (seen) {
      problems.push_back({entry_path, "field '" + name + "' is mapped twice"});
      continue;
    }
    if (header.kind() != ConfigValue::Kind::scalar || header.text().empty()) {
      problems.push_back({entry_path, "must name a CSV header column"});
      continue;
    }
    columns.push_back({name, header.text()});
  }
  return columns;
}

}  // namespace

std::vector<std::string> StreamMapping::fields_for(sdk::EntityType entity) {
  switch (entity) {
    case sdk::EntityType::customer:
      return {field::kKind,     field::kName,    field::kGivenName,      field::kFamilyName,
              field::kEmail,    field::kPhone,   field::kCompany,        field::kCountry,
              field::kCity,     field::kAddress, field::kPostcode,       field::kDateOfBirth,
              field::kTaxId,    field::kTier,    field::kLifecycleStage, field::kOwner,
              field::kUpdatedAt};
    case sdk::EntityType::order:
      return {field::kCustomerRef, field::kOrderNumber, field::kStatus,   field::kOrderedAt,
              field::kCurrency,    field::kTotal,       field::kUpdatedAt};
    case sdk::EntityType::feedback:
      return {field::kCustomerRef, field::kOrderRef,   field::kFeedbackKind, field::kScore,
              field::kComment,     field::kReceivedAt, field::kUpdatedAt};
  }
  return {};
}

std::vector<std::string> StreamMapping::line_fields() {
  return {field::kSku, field::kDescription, field::kQuantity, field::kUnitPrice, field::kLineTotal};
}

std::optional<StreamMapping> StreamMapping::parse(const std::string& name, const ConfigValue& value,
                                                  std::vector<ConfigProblem>& problems) {
  const std::string path = "streams." + name;
  const std::size_t problems_before = problems.size();
  if (value.kind() != ConfigValue::Kind::mapping) {
    problems.push_back({path, "must be a mapping with entity, pattern, id_column and columns"});
    return std::nullopt;
  }
  for (const auto& [key, ignored] : value.entries()) {
    if (!contains(kStreamKeys, key)) {
      std::string message = "unknown key '" + key + "'; expected one of: ";
      message += joined(kStreamKeys);
      problems.push_back({child_path(path, key), message});
    }
  }

  StreamMapping mapping;
  mapping.name_ = name;
  const auto entity_text = required_text(value, "entity", path, problems);
  std::optional<sdk::EntityType> entity;
  if (entity_text) {
    entity = parse_entity(*entity_text);
    if (!entity) {
      problems.push_back(
          {path + ".entity", "unknown entity '" + *entity_text + "'; expected customer, order or feedback"});
    }
  }
  if (auto pattern = required_text(value, "pattern", path, problems)) {
    if (pattern->find('/') != std::string::npos) {
      problems.push_back(
          {path + ".pattern", "is matched against file names in the inbox and must not contain '/'"});
    }
    mapping.pattern_ = std::move(*pattern);
  }
  if (auto id_column = required_text(value, "id_column", path, problems))
    mapping.id_column_ = std::move(*id_column);

  const ConfigValue* columns = value.find("columns");
  const ConfigValue* line_columns = value.find("line_columns");
  if (columns == nullptr) problems.push_back({path + ".columns", "is required"});
  if (entity) {
    mapping.entity_ = *entity;
    const std::string what = std::string("a ") + sdk::to_string(*entity) + " stream";
    const bool is_order = *entity == sdk::EntityType::order;
    if (columns != nullptr) {
      mapping.columns_ = parse_columns(*columns, path + ".columns", fields_for(*entity), what,
                                       is_order ? line_fields() : std::vector<std::string>{},
                                       "order line fields go under line_columns", problems);
    }
    if (line_columns != nullptr && !is_order) {
      problems.push_back({path + ".line_columns", "only order streams have line columns"});
    } else if (line_columns != nullptr) {
      mapping.line_columns_ =
          parse_columns(*line_columns, path + ".line_columns", line_fields(), "an order line",
                        fields_for(*entity), "order fields go under columns", problems);
    }
  }
  if (problems.size() != problems_before) return std::nullopt;
  return mapping;
}

}  // namespace crmsync::csv_drop
