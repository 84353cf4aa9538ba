#include "daemon/scheduler/message_template.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace crmsync::scheduler {
namespace {

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read message template " + file.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string escape_html(const std::string& value) {
  std::string out;
  for (const char c : value) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string trim_line_end(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

}  // namespace

MessageTemplate::MessageTemplate(std::filesystem::path directory) : directory_(std::move(directory)) {}

std::string MessageTemplate::fill(const std::string& text, const std::map<std::string, std::string>& values,
                                  bool escape, const std::string& where) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find("{{", at);
    if (open == std::string::npos) break;
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) throw std::runtime_error(where + ": '{{' without '}}'");
    out.append(text, at, open - at);
    std::string key = text.substr(open + 2, close - open - 2);
    while (!key.empty() && key.front() == ' ') key.erase(key.begin());
    while (!key.empty() && key.back() == ' ') key.pop_back();
    const auto value = values.find(key);
    if (value == values.end()) throw std::runtime_error(where + ": unknown placeholder {{" + key + "}}");
    out += escape ? escape_html(value->second) : value->second;
    at = close + 2;
  }
  out.append(text, at);
  return out;
}

std::filesystem::path MessageTemplate::part(const std::string& name, const std::string& language,
                                            const std::string& extension) const {
  auto file = directory_ / (name + "." + language + "." + extension);
  if (!std::filesystem::exists(file)) file = directory_ / (name + ".en." + extension);
  return file;
}

RenderedMessage MessageTemplate::render(const std::string& name, const std::string& language,
                                        const std::map<std::string, std::string>& values) const {
  RenderedMessage message;
  const auto subject = part(name, language, "subject");
  message.subject = trim_line_end(fill(read_file(subject), values, false, subject.string()));
  const auto text = part(name, language, "txt");
  message.text_body = fill(read_file(text), values, false, text.string());
  const auto html = part(name, language, "html");
  if (std::filesystem::exists(html)) message.html_body = fill(read_file(html), values, true, html.string());
  return message;
}

}  // namespace crmsync::scheduler
