#include "survey_token_finder.hpp"

#include <regex>

namespace crmsync::imap {

std::string SurveyTokenFinder::find(const std::string& text) {
  // The token must end where the alphabet ends, so a longer run is never cut short.
  static const std::regex token(R"((?:/s/|survey-token:[ \t]*)([A-Za-z0-9_\-]{16,})(?![A-Za-z0-9_\-]))",
                                std::regex::icase);
  std::smatch match;
  return std::regex_search(text, match, token) ? match[1].str() : std::string();
}

}  // namespace crmsync::imap
