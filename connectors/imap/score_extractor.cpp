#include "score_extractor.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <sstream>
#include <string_view>

namespace crmsync::imap {
namespace {

struct Candidate {
  std::size_t position = std::string::npos;
  int score = 0;
  const char* kind = "note";
};

// The text without quoted lines, ASCII letters lowered (byte positions keep).
std::string own_lines_lowered(const std::string& text) {
  std::istringstream in(text);
  std::string out;
  std::string line;
  while (std::getline(in, line)) {
    const auto first = line.find_first_not_of(" \t");
    if (first != std::string::npos && line[first] == '>') continue;
    for (char& c : line)
      if (static_cast<unsigned char>(c) < 0x80)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out += line;
    out += '\n';
  }
  return out;
}

void keep_earliest(Candidate& best, const Candidate& found) {
  if (found.position < best.position) best = found;
}

// Each pattern's group 1 is the number and, when present, group 2 the scale.
// A number must not touch another digit, '/', ':', '.', or '-' on either side:
// that is how dates (2026-11-23, 9/10/2026), times (9:30), decimals and
// phone numbers (138-0013-8000) stay out.
struct NumberPattern {
  std::regex expression;
  int default_scale;
};

const std::array<NumberPattern, 5>& number_patterns() {
  static const std::array<NumberPattern, 5> patterns{{
      // "9/10", "4 / 5"
      {std::regex(R"((?:^|[^\d/.:\-])(\d{1,2})\s*/\s*(10|5)(?![\d/.:\-]))"), 10},
      // "8 out of 10", "4 of 5"
      {std::regex(R"((?:^|[^\d/.:\-])(\d{1,2})\s+(?:out\s+)?of\s+(10|5)(?![\d/.:\-]))"), 10},
      // "9分" but not "5分钟" (five minutes)
      {std::regex(R"((?:^|[^\d/.:\-])(\d{1,2})\s*分(?!钟))"), 10},
      // "score: 8", "rating 7", "I'd give you a 9", "评分：8"
      {std::regex(R"((?:^|[^a-z])(?:score|rating|rate|rated|give\s+(?:it|you|us|them)?\s*(?:an?\s+)?|评分))"
                  R"([^\d\n]{0,12}?(\d{1,2})(?![\d/.:\-]))"),
       10},
      // a line that is only the number: "9", "10!", "8 points", "7分。"
      // (multi-byte punctuation as alternatives: a bracket class would hold bytes)
      {std::regex(R"((?:^|\n)[ \t]*(\d{1,2})[ \t]*(?:points?|pts|分)?[ \t]*(?:[.!]|。|！)*[ \t]*(?=\n|$))"),
       10},
  }};
  return patterns;
}

Candidate first_number(const std::string& text) {
  Candidate best;
  for (const auto& pattern : number_patterns()) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern.expression);
         it != std::sregex_iterator(); ++it) {
      const auto& match = *it;
      const int value = std::stoi(match[1].str());
      const int scale =
          match.size() > 2 && match[2].matched ? std::stoi(match[2].str()) : pattern.default_scale;
      const bool fits = scale == 5 ? (value >= 1 && value <= 5) : (value >= 0 && value <= 10);
      if (!fits) continue;
      keep_earliest(best, {static_cast<std::size_t>(match.position(1)), value, scale == 5 ? "csat" : "nps"});
      break;
    }
  }
  return best;
}

struct Phrase {
  std::string_view text;
  int score;
};

// Longer phrases first so that, at one position, "非常不满意" beats "不满意".
constexpr std::array<Phrase, 21> kPhrases{{
    {"非常不满意", 1},
    {"非常满意", 5},
    {"十分满意", 5},
    {"比较满意", 4},
    {"不太满意", 2},
    {"很不满意", 1},
    {"很满意", 5},
    {"不满意", 2},
    {"满意", 4},
    {"一般", 3},
    {"not very satisfied", 2},
    {"not satisfied", 2},
    {"very dissatisfied", 1},
    {"very unsatisfied", 1},
    {"extremely dissatisfied", 1},
    {"very satisfied", 5},
    {"extremely satisfied", 5},
    {"dissatisfied", 2},
    {"unsatisfied", 2},
    {"satisfied", 4},
    {"neutral", 3},
}};

bool is_word_byte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// "满意度" is the word "satisfaction" (as in "满意度：9分"), not an answer.
bool is_satisfaction_noun(const std::string& text, std::size_t end) {
  return text.compare(end, std::string_view("度").size(), "度") == 0;
}

Candidate first_phrase(const std::string& text) {
  Candidate best;
  for (const auto& phrase : kPhrases) {
    const bool ascii = is_word_byte(phrase.text.front());
    for (std::size_t at = text.find(phrase.text); at != std::string::npos;
         at = text.find(phrase.text, at + 1)) {
      const std::size_t end = at + phrase.text.size();
      if (ascii && ((at > 0 && is_word_byte(text[at - 1])) || (end < text.size() && is_word_byte(text[end]))))
        continue;
      if (is_satisfaction_noun(text, end)) continue;
      // The first (longest) phrase found at a position keeps it.
      if (at < best.position) best = {at, phrase.score, "csat"};
      break;
    }
  }
  return best;
}

}  // namespace

ScoreReading ScoreExtractor::extract(const std::string& reply_text) {
  // A score sits at the top of a reply; a bound keeps a pasted log or a long
  // letter from costing much regex time.
  constexpr std::size_t kLookedAt = 8192;
  const std::string text = own_lines_lowered(reply_text.substr(0, kLookedAt));
  Candidate found = first_number(text);
  if (found.position == std::string::npos) found = first_phrase(text);
  if (found.position == std::string::npos) return {std::nullopt, "note"};
  return {found.score, found.kind};
}

}  // namespace crmsync::imap
