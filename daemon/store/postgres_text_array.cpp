#include "daemon/store/postgres_text_array.hpp"

namespace crmsync::store {

std::string PostgresTextArray::literal(const std::vector<std::string>& values) {
  std::size_t size = 2;
  for (const auto& value : values) size += value.size() + 3;
  std::string out;
  out.reserve(size);
  out += '{';
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ',';
    out += '"';
    for (const char c : values[i]) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  }
  out += '}';
  return out;
}

}  // namespace crmsync::store
