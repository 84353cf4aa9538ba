#pragma once

#include <string>
#include <string_view>

namespace crmsync::store {

// PostgreSQL's COPY text format, one field at a time: backslash, tab, newline
// and carriage return escaped, NULL as \N. Header-only, so the benchmark's
// generator writes COPY files the way the store streams them.
class CopyTextFormat {
 public:
  static void append_field(std::string& out, std::string_view value) {
    for (const char c : value) {
      switch (c) {
        case '\\':
          out += "\\\\";
          break;
        case '\t':
          out += "\\t";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        default:
          out += c;
      }
    }
  }
  static void append_null(std::string& out) { out += "\\N"; }
};

}  // namespace crmsync::store
