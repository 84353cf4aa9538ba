#include "daemon/identity/soundex.hpp"

namespace crmsync::identity {

namespace {

char digit_of(char c) {
  switch (c) {
    case 'b':
    case 'f':
    case 'p':
    case 'v':
      return '1';
    case 'c':
    case 'g':
    case 'j':
    case 'k':
    case 'q':
    case 's':
    case 'x':
    case 'z':
      return '2';
    case 'd':
    case 't':
      return '3';
    case 'l':
      return '4';
    case 'm':
    case 'n':
      return '5';
    case 'r':
      return '6';
    case 'h':
    case 'w':
      return 'h';  // does not separate equal codes
    default:
      return '0';  // vowels separate equal codes
  }
}

}  // namespace

std::string Soundex::code(std::string_view word) {
  std::string out;
  char previous = 0;
  for (const char c : word) {
    if (c < 'a' || c > 'z') continue;
    const char d = digit_of(c);
    if (out.empty()) {
      out += c;
      previous = d;
      continue;
    }
    if (d == 'h') continue;
    if (d != '0' && d != previous) out += d;
    previous = d;
    if (out.size() == 4) break;
  }
  if (!out.empty()) out.resize(4, '0');
  return out;
}

}  // namespace crmsync::identity
