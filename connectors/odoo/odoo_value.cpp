#include "odoo_value.hpp"

#include <array>
#include <charconv>
#include <string_view>
#include <utility>

namespace crmsync::odoo::odoo_value {
namespace {

std::optional<std::int64_t> parse_integer(std::string_view digits) {
  std::int64_t value = 0;
  const auto* end = digits.data() + digits.size();
  const auto [stop, error] = std::from_chars(digits.data(), end, value);
  if (error != std::errc() || stop != end) return std::nullopt;
  return value;
}

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  // dump() writes the shortest text that reads back as the same double, so
  // 1304.35 stays "1304.35" rather than 1304.349999...
  if (value.is_number()) return value.dump();
  return {};
}

bool starts_tag(std::string_view tag, std::string_view name) {
  if (tag.size() < name.size()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if ((tag[i] | 0x20) != name[i]) return false;
  }
  return tag.size() == name.size() || tag[name.size()] == ' ' || tag[name.size()] == '/' ||
         tag[name.size()] == '>';
}

// Tags after which the text continues on a new line.
bool breaks_line(std::string_view tag) {
  if (!tag.empty() && tag.front() == '/') tag.remove_prefix(1);
  for (const std::string_view name : {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "blockquote"}) {
    if (starts_tag(tag, name)) return true;
  }
  return false;
}

void trim_trailing_space(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
}

}  // namespace

std::string text(const nlohmann::json& record, const char* key) {
  if (!record.is_object()) return {};
  const auto found = record.find(key);
  if (found == record.end()) return {};
  const nlohmann::json& value = *found;
  if (value.is_array()) {
    // many2one: [id, "display name"]
    return value.size() >= 2 ? scalar_text(value[1]) : std::string();
  }
  return scalar_text(value);
}

std::optional<std::int64_t> id(const nlohmann::json& value) {
  std::optional<std::int64_t> parsed;
  if (value.is_number_integer()) {
    parsed = value.get<std::int64_t>();
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    if (d == static_cast<double>(static_cast<std::int64_t>(d))) parsed = static_cast<std::int64_t>(d);
  } else if (value.is_string()) {
    parsed = parse_integer(value.get<std::string>());
  } else if (value.is_array() && !value.empty()) {
    return id(value[0]);
  }
  if (parsed && *parsed < 1) return std::nullopt;
  return parsed;
}

std::optional<std::int64_t> id_of(const nlohmann::json& record, const char* key) {
  if (!record.is_object()) return std::nullopt;
  const auto found = record.find(key);
  return found == record.end() ? std::nullopt : id(*found);
}

bool flag(const nlohmann::json& record, const char* key, bool when_missing) {
  if (!record.is_object()) return when_missing;
  const auto found = record.find(key);
  if (found == record.end() || found->is_null()) return when_missing;
  if (found->is_boolean()) return found->get<bool>();
  if (found->is_number_integer()) return found->get<std::int64_t>() != 0;
  if (found->is_string()) {
    const auto& s = found->get_ref<const std::string&>();
    return s == "true" || s == "True" || s == "1";
  }
  return when_missing;
}

std::string html_to_text(const std::string& html) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kEntities{{
      {"&amp;", "&"},
      {"&lt;", "<"},
      {"&gt;", ">"},
      {"&quot;", "\""},
      {"&#39;", "'"},
      {"&#x27;", "'"},
      {"&nbsp;", " "},
  }};
  std::string out;
  out.reserve(html.size());
  std::size_t i = 0;
  while (i < html.size()) {
    const char c = html[i];
    if (c == '<') {
      const std::size_t close = html.find('>', i);
      if (close == std::string::npos) break;  // a cut-off tag: drop the rest
      if (breaks_line(std::string_view(html).substr(i + 1, close - i - 1)) && !out.empty() &&
          out.back() != '\n') {
        out += '\n';
      }
      i = close + 1;
      continue;
    }
    if (c == '&') {
      bool decoded = false;
      for (const auto& [entity, replacement] : kEntities) {
        if (html.compare(i, entity.size(), entity) == 0) {
          out += replacement;
          i += entity.size();
          decoded = true;
          break;
        }
      }
      if (decoded) continue;
    }
    out += c;
    ++i;
  }
  trim_trailing_space(out);
  return out;
}

}  // namespace crmsync::odoo::odoo_value
