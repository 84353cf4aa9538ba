#pragma once

#include <string>
#include <vector>

namespace crmsync::store {

// A PostgreSQL array literal of text values ('{"a","b \"c\""}'), to bind as
// one parameter and CAST to TEXT[]: a lookup of a batch's 2,000 keys is then
// one statement the server parses and plans once, not two of 1,000
// parameters each. Every element is quoted, so NULL, braces, commas and
// spaces are plain text; only '"' and '\' need escaping inside the quotes.
class PostgresTextArray {
 public:
  [[nodiscard]] static std::string literal(const std::vector<std::string>& values);
};

}  // namespace crmsync::store
