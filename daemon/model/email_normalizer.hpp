#pragma once

#include <string_view>

#include "daemon/model/customer.hpp"

namespace crmsync::model {

// Tidies an e-mail address for matching. A value that is not an address is
// kept (raw) with an empty canonical form: the caller flags it, the record stays.
class EmailNormalizer {
 public:
  // raw: the text with surrounding white space removed (any Unicode space).
  // canonical: NFKC form (so '＠' is '@'), local part as written, domain lower-cased;
  // empty unless there is exactly one '@', a non-empty local part, no inner space,
  // and a domain with a dot between non-empty labels.
  [[nodiscard]] Email normalize(std::string_view text) const;
};

}  // namespace crmsync::model
