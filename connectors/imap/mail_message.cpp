#include "mail_message.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

#include "charset_text.hpp"
#include "encoded_word_decoder.hpp"
#include "transfer_decoding.hpp"

namespace crmsync::imap {
namespace {

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string without_carriage_returns(std::string text) {
  text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
  return text;
}

using HeaderMap = std::map<std::string, std::string>;

// Splits an entity into its header map and body. Headers end at the first
// empty line; continuation lines (starting with space or tab) are unfolded.
void split_entity(const std::string& raw, HeaderMap& headers, std::string& body) {
  std::size_t position = 0;
  std::string current_name;
  while (position < raw.size()) {
    std::size_t end = raw.find('\n', position);
    if (end == std::string::npos) end = raw.size();
    std::string line = raw.substr(position, end - position);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    position = end + 1;
    if (line.empty()) {
      body = position < raw.size() ? raw.substr(position) : std::string();
      return;
    }
    if ((line[0] == ' ' || line[0] == '\t') && !current_name.empty()) {
      headers[current_name] += " " + trimmed(line);
      continue;
    }
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    current_name = lowered(trimmed(line.substr(0, colon)));
    if (headers.count(current_name) != 0) {
      current_name.clear();  // keep the first occurrence only
      continue;
    }
    headers[current_name] = trimmed(line.substr(colon + 1));
  }
}

struct ContentType {
  std::string type = "text/plain";
  std::map<std::string, std::string> parameters;
};

ContentType parse_content_type(const std::string& value) {
  ContentType result;
  if (value.empty()) return result;
  const auto semicolon = value.find(';');
  result.type = lowered(trimmed(value.substr(0, semicolon)));
  if (semicolon == std::string::npos) return result;
  static const std::regex parameter(R"re(;\s*([A-Za-z0-9_\-*]+)\s*=\s*("([^"]*)"|[^;\s]+))re");
  const std::string rest = value.substr(semicolon);
  for (auto it = std::sregex_iterator(rest.begin(), rest.end(), parameter); it != std::sregex_iterator();
       ++it) {
    const auto& m = *it;
    result.parameters[lowered(m[1].str())] = m[3].matched ? m[3].str() : m[2].str();
  }
  return result;
}

std::vector<std::string> multipart_bodies(const std::string& body, const std::string& boundary) {
  std::vector<std::string> parts;
  const std::string delimiter = "--" + boundary;
  std::size_t position = body.find(delimiter);
  while (position != std::string::npos) {
    std::size_t start = position + delimiter.size();
    if (body.compare(start, 2, "--") == 0) break;  // the closing delimiter
    start = body.find('\n', start);
    if (start == std::string::npos) break;
    ++start;
    std::size_t next = body.find("\n" + delimiter, start);
    const std::size_t end = next == std::string::npos ? body.size() : next;
    std::string part = body.substr(start, end - start);
    if (!part.empty() && part.back() == '\r') part.pop_back();
    parts.push_back(std::move(part));
    position = next == std::string::npos ? next : next + 1;
  }
  return parts;
}

// Drops <script> and <style> elements with their content. A loop, not a
// regex: std::regex recurses per character and a long style sheet would
// exhaust the stack.
std::string without_hidden_elements(const std::string& html) {
  const std::string lower = lowered(html);
  std::string out;
  std::size_t copied = 0;
  for (;;) {
    const std::size_t script = lower.find("<script", copied);
    const std::size_t style = lower.find("<style", copied);
    const std::size_t start = std::min(script, style);
    if (start == std::string::npos) break;
    const std::string closing = start == script ? "</script" : "</style";
    std::size_t end = lower.find(closing, start);
    end = end == std::string::npos ? lower.size() : lower.find('>', end);
    out += html.substr(copied, start - copied);
    copied = end == std::string::npos ? lower.size() : end + 1;
  }
  return out + html.substr(std::min(copied, html.size()));
}

std::string html_to_text(const std::string& html) {
  static const std::regex breaks(R"(<\s*(br|/p|/div|/tr|/li|/h[1-6]|/blockquote)[^>]*>)", std::regex::icase);
  static const std::regex quote_open(R"(<\s*blockquote[^>]*>)", std::regex::icase);
  static const std::regex tags(R"(<[^>]*>)");
  std::string text = without_hidden_elements(html);
  // Quoted history in HTML lives in <blockquote>; mark it like "> " text.
  text = std::regex_replace(text, quote_open, "\n> ");
  text = std::regex_replace(text, breaks, "\n");
  text = std::regex_replace(text, tags, "");
  const std::array<std::pair<const char*, const char*>, 6> entities{
      {{"&nbsp;", " "}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}}};
  for (const auto& [entity, replacement] : entities) {
    for (auto at = text.find(entity); at != std::string::npos; at = text.find(entity, at + 1))
      text.replace(at, std::char_traits<char>::length(entity), replacement);
  }
  return text;
}

struct TextParts {
  std::string plain;
  std::string html;
  std::string all;
};

void collect_text(const std::string& raw, TextParts& found, int depth) {
  HeaderMap headers;
  std::string body;
  split_entity(raw, headers, body);
  const ContentType type = parse_content_type(headers["content-type"]);
  if (type.type.rfind("multipart/", 0) == 0) {
    const auto boundary = type.parameters.find("boundary");
    if (boundary == type.parameters.end() || depth > 8) return;
    for (const auto& part : multipart_bodies(body, boundary->second)) collect_text(part, found, depth + 1);
    return;
  }
  if (type.type != "text/plain" && type.type != "text/html") return;
  if (lowered(headers["content-disposition"]).rfind("attachment", 0) == 0) return;
  const std::string bytes = TransferDecoding::by_name(body, trimmed(headers["content-transfer-encoding"]));
  const auto charset = type.parameters.find("charset");
  const std::string text = without_carriage_returns(
      CharsetText::to_utf8(bytes, charset == type.parameters.end() ? "" : charset->second));
  if (type.type == "text/plain" && found.plain.empty()) found.plain = text;
  if (type.type == "text/html" && found.html.empty()) found.html = html_to_text(text);
  found.all += text + "\n";
}

}  // namespace

MailMessage MailMessage::parse(const std::string& raw) {
  MailMessage message;
  std::string body;
  split_entity(raw, message.headers_, body);
  TextParts parts;
  collect_text(raw, parts, 0);
  message.text_ = !parts.plain.empty() ? parts.plain : parts.html;
  message.all_text_ = parts.all;
  return message;
}

std::string MailMessage::header(const std::string& name) const {
  const auto it = headers_.find(lowered(name));
  return it == headers_.end() ? std::string() : it->second;
}

std::string MailMessage::decoded_header(const std::string& name) const {
  return EncodedWordDecoder::decode(header(name));
}

std::string MailMessage::sender_address() const {
  const std::string from = header("from");
  static const std::regex angle(R"(<([^<>@\s]+@[^<>\s]+)>)");
  static const std::regex bare(R"(([^<>@\s"',;:]+@[^<>\s"',;:]+))");
  std::smatch match;
  if (std::regex_search(from, match, angle) || std::regex_search(from, match, bare))
    return lowered(match[1].str());
  return {};
}

}  // namespace crmsync::imap
