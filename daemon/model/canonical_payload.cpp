#include "daemon/model/canonical_payload.hpp"

#include <string>
#include <string_view>

namespace crmsync::model {
namespace {

void append_json_string(std::string& out, std::string_view text) {
  out.push_back('"');
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      static constexpr std::string_view kHex = "0123456789abcdef";
      out += "\\u00";
      out.push_back(kHex[byte >> 4U]);
      out.push_back(kHex[byte & 0x0FU]);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

// std::map iterates in key order, which makes the text deterministic.
void append_fields(std::string& out, const sdk::FieldMap& fields) {
  out.push_back('{');
  bool first = true;
  for (const auto& [name, value] : fields) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, name);
    out.push_back(':');
    append_json_string(out, value);
  }
  out.push_back('}');
}

}  // namespace

std::string canonical_payload(const sdk::RawRecord& record) {
  std::string out = "{\"entity\":";
  append_json_string(out, sdk::to_string(record.entity));
  out += ",\"deleted\":";
  out += record.deleted ? "true" : "false";
  out += ",\"fields\":";
  append_fields(out, record.fields);
  out += ",\"lines\":[";
  for (std::size_t i = 0; i < record.lines.size(); ++i) {
    if (i > 0) out.push_back(',');
    append_fields(out, record.lines[i]);
  }
  out += "]}";
  return out;
}

}  // namespace crmsync::model
