#pragma once

#include <optional>
#include <string>

namespace crmsync::imap {

// What a reply says about how happy the customer is.
struct ScoreReading {
  std::optional<int> score;  // nullopt: the reply gives none
  std::string kind;          // "nps" (0-10), "csat" (1-5) or "note"
};

// Reads a score out of the text a customer wrote in reply to a survey, in
// English or Chinese: "9", "9/10", "I'd say 8 out of 10", "满意度：9分",
// "非常满意", "very dissatisfied". An explicit number wins over wording; of
// several numbers the first counts. Quoted lines ("> ...") are skipped, and
// numbers that belong to dates, times, phone numbers or durations are not
// scores.
class ScoreExtractor {
 public:
  [[nodiscard]] static ScoreReading extract(const std::string& reply_text);
};

}  // namespace crmsync::imap
