#include "text_escaping.hpp"

#include <nlohmann/json.hpp>

#include "daemon/store/copy_text_format.hpp"

namespace crmsync::bench {

void append_csv_field(std::string& out, std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(value);
    return;
  }
  out.push_back('"');
  for (const char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void append_json_string(std::string& out, std::string_view value) {
  out += nlohmann::json(std::string(value)).dump();
}

void append_copy_field(std::string& out, std::string_view value) {
  store::CopyTextFormat::append_field(out, value);
}

void append_copy_null(std::string& out) {
  store::CopyTextFormat::append_null(out);
}

void append_sql_literal(std::string& out, std::string_view value) {
  out.push_back('\'');
  for (const char c : value) {
    if (c == '\'') out.push_back('\'');
    out.push_back(c);
  }
  out.push_back('\'');
}

}  // namespace crmsync::bench
