#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crmsync::store {

// PostgreSQL's COPY text format, one field at a time: backslash, tab, newline
// and carriage return escaped, NULL as \N. Header-only, so the benchmark's
// generator writes COPY files the way the store streams them.
class CopyTextFormat {
 public:
  static void append_field(std::string& out, std::string_view value) {
    // Appended run by run between the characters that need escaping: a
    // payload of a kilobyte has none or a few, and a character at a time was
    // a twentieth of the commit thread's time.
    std::size_t run = 0;
    for (std::size_t i = 0; i < value.size(); ++i) {
      const char* escaped = escape(value[i]);
      if (escaped == nullptr) continue;
      out.append(value.data() + run, i - run);
      out.append(escaped, 2);
      run = i + 1;
    }
    out.append(value.data() + run, value.size() - run);
  }
  static void append_null(std::string& out) { out += "\\N"; }

 private:
  static const char* escape(char c) {
    switch (c) {
      case '\\':
        return "\\\\";
      case '\t':
        return "\\t";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      default:
        return nullptr;
    }
  }
};

}  // namespace crmsync::store
