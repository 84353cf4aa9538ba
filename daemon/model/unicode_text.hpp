#pragma once

#include <string>
#include <string_view>

// Small UTF-8 text operations the normalisers share. Input is UTF-8; bytes
// that are not valid UTF-8 are passed through unchanged.
namespace crmsync::model::unicode_text {

// Removes leading and trailing Unicode White_Space (ideographic space U+3000,
// no-break space, ...) and zero-width no-break space / BOM.
std::string trim(std::string_view text);

// trim() and every inner run of white space becomes one ASCII space.
std::string collapse_space(std::string_view text);

// Compatibility composition: full-width forms become ASCII ('＠' -> '@', '１' -> '1').
std::string nfkc(std::string_view text);

// NFKC plus full case folding: the key two spellings of one name share.
std::string nfkc_casefold(std::string_view text);

// nfkc_casefold() with white space collapsed: the key a name is looked up by,
// whatever its case, width and spacing ("united  kingdom", "ＵＫ").
std::string lookup_key(std::string_view text);

// Lower case by the root locale's rules (no Turkish dotless i surprises).
std::string to_lower(std::string_view text);

// True if every byte is ASCII: the text needs no Unicode handling.
bool is_ascii(std::string_view text);

// True if any code point is Unicode White_Space.
bool contains_space(std::string_view text);

// True if any code point is written in a script whose personal names put the
// family name first without a space (Han, Hiragana, Katakana, Hangul).
bool contains_east_asian_script(std::string_view text);

}  // namespace crmsync::model::unicode_text
