#include "daemon/config/identity_config_reader.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace crmsync::config {
namespace {

constexpr const char* kWhere = "'identity'";

std::string rule_names() {
  return "source_priority, most_recent, most_complete or most_frequent";
}

}  // namespace

std::optional<double> IdentityConfigReader::number(const YAML::Node& mapping, std::string_view key,
                                                   double low, double high) {
  const auto text = reader_.text(mapping, key, kWhere);
  if (!text) return std::nullopt;
  std::size_t used = 0;
  double value = 0.0;
  try {
    value = std::stod(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || !std::isfinite(value) || value < low || value > high) {
    reader_.error_at(*SchemaReader::find(mapping, key), SchemaReader::describe(key, kWhere) +
                                                            " must be a number from " + std::to_string(low) +
                                                            " to " + std::to_string(high));
    return std::nullopt;
  }
  return value;
}

void IdentityConfigReader::read(const YAML::Node& root, DaemonConfig& config) {
  const auto section = reader_.mapping(root, "identity", "");
  if (!section) return;
  const auto& node = section->value;
  reader_.reject_unknown_keys(
      node,
      {"auto_merge_at", "review_from", "min_average_linkage", "veto_below", "max_block_size",
       "rare_block_size", "shared_identifier_limit", "survivorship"},
      kWhere);
  auto& resolution = config.identity.resolution;
  if (const auto v = number(node, "auto_merge_at", -100.0, 200.0)) resolution.thresholds.auto_merge_at = *v;
  if (const auto v = number(node, "review_from", -100.0, 200.0)) resolution.thresholds.review_from = *v;
  if (const auto v = number(node, "min_average_linkage", -100.0, 200.0))
    resolution.clustering.min_average_linkage = *v;
  if (const auto v = number(node, "veto_below", -200.0, 100.0)) resolution.clustering.veto_below = *v;
  if (const auto v = number(node, "max_block_size", 2, 100000)) {
    resolution.blocking.max_block_size = static_cast<std::size_t>(*v);
  }
  if (const auto v = number(node, "rare_block_size", 1, 100000)) {
    resolution.blocking.rare_block_size = static_cast<std::size_t>(*v);
  }
  if (const auto v = number(node, "shared_identifier_limit", 1, 100000)) {
    resolution.identifier_max_records = static_cast<std::size_t>(*v);
  }
  if (resolution.thresholds.review_from > resolution.thresholds.auto_merge_at) {
    reader_.error_at(
        *SchemaReader::find(node, SchemaReader::find(node, "review_from") ? "review_from" : "auto_merge_at"),
        "'review_from' in 'identity' must not be above 'auto_merge_at'");
  }
  read_survivorship(node, config, config.identity.survivorship);
}

std::optional<identity::SurvivorshipRule> IdentityConfigReader::rule_name(const SchemaReader::Field& field,
                                                                          const std::string& text,
                                                                          const std::string& where) {
  const auto rule = identity::survivorship_rule_from(text);
  if (!rule) reader_.error_at(field, where + " must be " + rule_names() + ", not '" + text + "'");
  return rule;
}

std::optional<identity::FieldSurvivorship> IdentityConfigReader::field_rule(const SchemaReader::Field& field,
                                                                            const DaemonConfig& config,
                                                                            const std::string& where) {
  identity::FieldSurvivorship out;
  if (field.value.IsScalar()) {
    const auto rule = rule_name(field, field.value.Scalar(), where);
    if (!rule) return std::nullopt;
    if (*rule == identity::SurvivorshipRule::kSourcePriority) {
      reader_.error_at(
          field,
          where + ": source_priority needs a list of sources: {rule: source_priority, sources: [...]}");
      return std::nullopt;
    }
    out.rule = *rule;
    return out;
  }
  if (!field.value.IsMap()) {
    reader_.error_at(field, where + " must be a rule name or a mapping with 'rule'");
    return std::nullopt;
  }
  reader_.reject_unknown_keys(field.value, {"rule", "sources", "fallback"}, where);
  const auto text = reader_.required_text(field.value, "rule", where);
  if (!text) return std::nullopt;
  const auto rule = rule_name(*SchemaReader::find(field.value, "rule"), *text, where);
  if (!rule) return std::nullopt;
  out.rule = *rule;
  if (const auto fallback = reader_.text(field.value, "fallback", where)) {
    const auto parsed = rule_name(*SchemaReader::find(field.value, "fallback"), *fallback, where);
    if (!parsed || *parsed == identity::SurvivorshipRule::kSourcePriority) return std::nullopt;
    out.fallback = *parsed;
  }
  if (const auto sources = reader_.sequence(field.value, "sources", where)) {
    for (const auto& item : sources->value) {
      if (!item.IsScalar()) {
        reader_.error_at(*sources, where + ": every source must be an instance name");
        continue;
      }
      const auto& name = item.Scalar();
      const bool known = std::any_of(config.instances.begin(), config.instances.end(),
                                     [&](const InstanceConfig& i) { return i.name == name; });
      if (!known) reader_.error_at({item, item}, where + ": no instance named '" + name + "'");
      out.sources.push_back(name);
    }
  }
  if (out.rule == identity::SurvivorshipRule::kSourcePriority && out.sources.empty()) {
    reader_.error_at(field, where + ": source_priority needs 'sources'");
    return std::nullopt;
  }
  return out;
}

void IdentityConfigReader::read_survivorship(const YAML::Node& section, const DaemonConfig& config,
                                             identity::SurvivorshipRules& rules) {
  const auto survivorship = reader_.mapping(section, "survivorship", kWhere);
  if (!survivorship) return;
  const std::string where = "'survivorship' in 'identity'";
  reader_.reject_unknown_keys(survivorship->value, {"default", "fields"}, where);
  if (const auto field = SchemaReader::find(survivorship->value, "default")) {
    if (auto rule = field_rule(*field, config, "'default' in " + where))
      rules.default_rule = std::move(*rule);
  }
  const auto fields = reader_.mapping(survivorship->value, "fields", where);
  if (!fields) return;
  std::vector<std::string> known;
  for (const auto name : identity::kGoldenFields) known.emplace_back(name);
  reader_.reject_unknown_keys(fields->value, known, "'fields' in " + where);
  for (const auto& name : known) {
    const auto field = SchemaReader::find(fields->value, name);
    if (!field) continue;
    if (auto rule = field_rule(*field, config, "'" + name + "' in 'fields' in " + where)) {
      rules.fields[name] = std::move(*rule);
    }
  }
}

}  // namespace crmsync::config
