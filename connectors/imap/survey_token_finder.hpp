#pragma once

#include <string>

namespace crmsync::imap {

// Finds the survey token crmsync put into the message this one replies to:
// the path of the survey link ".../s/<token>" or a "Survey-Token: <token>"
// line. Tokens are URL-safe base64, at least 16 characters.
class SurveyTokenFinder {
 public:
  // The first token in the text, or "".
  [[nodiscard]] static std::string find(const std::string& text);
};

}  // namespace crmsync::imap
