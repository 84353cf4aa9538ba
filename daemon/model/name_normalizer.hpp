#pragma once

#include <string>
#include <string_view>

namespace crmsync::model {

// Person and organisation names: the display form keeps the source's script
// and spelling; the key is what two spellings of the same name share.
class NameNormalizer {
 public:
  // White space trimmed and each inner run (including U+3000) made one ASCII space.
  [[nodiscard]] std::string tidy(std::string_view name) const;

  // NFKC + case fold of the tidied name ("ＪＯＨＮ  Smith" and "john smith" match).
  // Spaces between two East Asian characters are dropped: "张 三" and "张三" match.
  [[nodiscard]] std::string key(std::string_view name) const;

  // A full name from its parts: "张" + "三" -> "张三" (family first, no space, for
  // Han, kana and Hangul), otherwise "given family". Either part may be empty.
  [[nodiscard]] std::string compose(std::string_view given_name, std::string_view family_name) const;
};

}  // namespace crmsync::model
