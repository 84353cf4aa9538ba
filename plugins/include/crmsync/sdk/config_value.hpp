#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace crmsync::sdk {

// A connector's configuration as the daemon hands it over: a tree of scalars,
// lists and mappings, already validated against the connector's ConfigSpec and
// with ${env:..}/${file:..}/${credential:..} references resolved. Scalars stay
// text; the typed accessors parse them.
class ConfigValue {
 public:
  enum class Kind { null, scalar, list, mapping };
  using Entry = std::pair<std::string, ConfigValue>;

  ConfigValue() = default;
  static ConfigValue make_scalar(std::string text) {
    ConfigValue v;
    v.kind_ = Kind::scalar;
    v.scalar_ = std::move(text);
    return v;
  }
  static ConfigValue make_list(std::vector<ConfigValue> items) {
    ConfigValue v;
    v.kind_ = Kind::list;
    v.items_ = std::move(items);
    return v;
  }
  static ConfigValue make_mapping(std::vector<Entry> entries) {
    ConfigValue v;
    v.kind_ = Kind::mapping;
    v.entries_ = std::move(entries);
    return v;
  }

  [[nodiscard]] Kind kind() const { return kind_; }
  [[nodiscard]] bool is_null() const { return kind_ == Kind::null; }
  [[nodiscard]] const std::string& text() const { return scalar_; }
  [[nodiscard]] const std::vector<ConfigValue>& items() const { return items_; }
  [[nodiscard]] const std::vector<Entry>& entries() const { return entries_; }

  // Mapping lookup; nullptr when absent or when this is not a mapping.
  [[nodiscard]] const ConfigValue* find(const std::string& key) const {
    for (const auto& [k, v] : entries_) {
      if (k == key) return &v;
    }
    return nullptr;
  }

  [[nodiscard]] std::string string_or(const std::string& key, const std::string& fallback) const {
    const ConfigValue* v = find(key);
    return v != nullptr && v->kind_ == Kind::scalar ? v->scalar_ : fallback;
  }
  [[nodiscard]] std::optional<std::int64_t> integer(const std::string& key) const {
    const ConfigValue* v = find(key);
    if (v == nullptr || v->kind_ != Kind::scalar) return std::nullopt;
    try {
      std::size_t used = 0;
      const long long n = std::stoll(v->scalar_, &used);
      if (used != v->scalar_.size()) return std::nullopt;
      return n;
    } catch (...) {
      return std::nullopt;
    }
  }
  [[nodiscard]] bool boolean_or(const std::string& key, bool fallback) const {
    const ConfigValue* v = find(key);
    if (v == nullptr || v->kind_ != Kind::scalar) return fallback;
    if (v->scalar_ == "true" || v->scalar_ == "yes" || v->scalar_ == "on") return true;
    if (v->scalar_ == "false" || v->scalar_ == "no" || v->scalar_ == "off") return false;
    return fallback;
  }

 private:
  Kind kind_ = Kind::null;
  std::string scalar_;
  std::vector<ConfigValue> items_;
  std::vector<Entry> entries_;
};

}  // namespace crmsync::sdk
