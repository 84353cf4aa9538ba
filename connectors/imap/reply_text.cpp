#include "reply_text.hpp"

#include <regex>
#include <sstream>
#include <vector>

namespace crmsync::imap {
namespace {

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool ends_with(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_attribution(const std::string& line, const std::string& next) {
  // "On Mon, 23 Nov 2026 at 10:00, Shop <s@shop.example> wrote:" (possibly wrapped)
  if (starts_with(line, "On ") && (ends_with(line, "wrote:") || ends_with(next, "wrote:"))) return true;
  // "在 2026年11月23日 10:00，Shop 写道：" and "Shop 于 2026年11月23日 写道："
  return ends_with(line, "写道：") || ends_with(line, "写道:");
}

bool is_history_start(const std::string& line) {
  static const std::regex separator(
      R"(^-{2,}\s*(original message|forwarded message|原始邮件|转发邮件)\s*-{2,}$)", std::regex::icase);
  static const std::regex outlook_from("^(from|发件人)\\s*[:：]", std::regex::icase);
  return std::regex_search(line, separator) || std::regex_search(line, outlook_from) ||
         starts_with(line, "________");
}

bool is_signature_start(const std::string& raw_line, const std::string& line) {
  if (raw_line == "-- " || line == "--") return true;
  static const std::regex sent_from(R"(^(sent from my |get outlook for )|^发自我的)", std::regex::icase);
  return std::regex_search(line, sent_from);
}

}  // namespace

std::string ReplyText::own_text(const std::string& body) {
  std::vector<std::string> lines;
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string line = trimmed(lines[i]);
    const std::string next = i + 1 < lines.size() ? trimmed(lines[i + 1]) : std::string();
    if (is_attribution(line, next) || is_history_start(line) || is_signature_start(lines[i], line)) break;
    if (starts_with(line, ">")) continue;
    out += lines[i] + "\n";
  }
  return trimmed(out);
}

}  // namespace crmsync::imap
