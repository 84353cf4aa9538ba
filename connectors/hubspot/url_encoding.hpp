#pragma once

#include <string>

namespace crmsync::hubspot {

// Percent-encodes everything but RFC 3986 unreserved characters, for query
// parameter values (page tokens, secrets in the token URL, timestamps).
[[nodiscard]] std::string url_encode(const std::string& text);

}  // namespace crmsync::hubspot
