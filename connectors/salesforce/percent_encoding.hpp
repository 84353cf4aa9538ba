#pragma once

#include <string>
#include <string_view>

namespace crmsync::salesforce {

// RFC 3986 percent-encoding of everything but unreserved characters, for
// form bodies and the SOQL text in ?q= (a '+' in a time offset must not
// arrive as a space).
[[nodiscard]] std::string percent_encode(std::string_view text);

}  // namespace crmsync::salesforce
