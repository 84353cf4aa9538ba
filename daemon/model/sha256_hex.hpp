#pragma once

#include <string>
#include <string_view>

namespace crmsync::model {

// Lower-case hex SHA-256 of `bytes` (64 characters): the payload hash that
// tells the store whether a record changed.
std::string sha256_hex(std::string_view bytes);

}  // namespace crmsync::model
