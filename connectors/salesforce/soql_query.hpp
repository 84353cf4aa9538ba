#pragma once

#include <string>

#include "salesforce_cursor.hpp"
#include "salesforce_stream.hpp"

namespace crmsync::salesforce {

// The SOQL text that reads a stream from a cursor:
//   SELECT ... FROM Contact WHERE SystemModstamp >= 2024-05-01T12:34:56Z
//   ORDER BY SystemModstamp ASC, Id ASC
// The filter is inclusive on purpose (see SalesforceCursor); Id breaks ties
// so the order is the same on every run.
class SoqlQuery {
 public:
  [[nodiscard]] static std::string build(const SalesforceStream& stream, const SalesforceCursor& cursor,
                                         bool select_currency);
};

}  // namespace crmsync::salesforce
