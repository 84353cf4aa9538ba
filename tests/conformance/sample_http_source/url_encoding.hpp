#pragma once

#include <string>

namespace crmsync::conformance::sample {

// Percent-encodes everything but RFC 3986 unreserved characters.
std::string url_encode(const std::string& text);

}  // namespace crmsync::conformance::sample
