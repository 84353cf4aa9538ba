#include "header_binding.hpp"

#include <algorithm>

namespace crmsync::csv_drop {
namespace {

bool same_name(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  });
}

// The index of `name` in `header`, or an error naming what is wrong.
std::optional<std::size_t> find_column(const std::vector<std::string>& header, const std::string& name,
                                       const std::string& role, std::string& error) {
  const std::string wanted = trimmed(name);
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (!same_name(header[i], wanted)) continue;
    if (found) {
      error = "header has column '";
      error += name;
      error +=
          "' (" + role + ") twice: columns " + std::to_string(*found + 1) + " and " + std::to_string(i + 1);
      return std::nullopt;
    }
    found = i;
  }
  if (!found) error = "header has no column '" + name + "' (" + role + ")";
  return found;
}

}  // namespace

std::string trimmed(const std::string& text) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && blank(text[begin])) ++begin;
  while (end > begin && blank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::optional<HeaderBinding> HeaderBinding::bind(const StreamMapping& mapping,
                                                 const std::vector<std::string>& header, std::string& error) {
  std::vector<std::string> names;
  names.reserve(header.size());
  for (const auto& h : header) names.push_back(trimmed(h));

  HeaderBinding binding;
  const auto id = find_column(names, mapping.id_column(), "id_column", error);
  if (!id) return std::nullopt;
  binding.id_index_ = *id;
  binding.id_column_ = mapping.id_column();
  for (const auto& column : mapping.columns()) {
    const auto index = find_column(names, column.header, "columns." + column.field, error);
    if (!index) return std::nullopt;
    binding.fields_.push_back({column.field, *index});
  }
  for (const auto& column : mapping.line_columns()) {
    const auto index = find_column(names, column.header, "line_columns." + column.field, error);
    if (!index) return std::nullopt;
    binding.line_fields_.push_back({column.field, *index});
  }

  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string key = names[i].empty() ? "column_" + std::to_string(i + 1) : names[i];
    const std::string base = key;
    for (int n = 2; std::find(binding.keys_.begin(), binding.keys_.end(), key) != binding.keys_.end(); ++n) {
      key = base + "#" + std::to_string(n);
    }
    binding.keys_.push_back(std::move(key));
  }
  return binding;
}

}  // namespace crmsync::csv_drop
