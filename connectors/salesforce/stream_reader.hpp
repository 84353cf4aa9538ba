#pragma once

#include <string>

#include "crmsync/sdk/connector.hpp"

#include "salesforce_api.hpp"
#include "salesforce_cursor.hpp"
#include "salesforce_record_mapper.hpp"
#include "salesforce_stream.hpp"

namespace crmsync::salesforce {

// Reads one stream from its cursor to the end: one query, its pages through
// nextRecordsUrl, one batch per page with the cursor after it.
class StreamReader {
 public:
  StreamReader(const SalesforceStream& stream, SalesforceApi& api, const SalesforceRecordMapper& mapper,
               bool include_deleted, bool select_currency);

  sdk::Status read(SalesforceCursor cursor, sdk::BatchSink& sink);

 private:
  // Appends the child rows (OrderItems) a row's nested result left on later pages.
  std::optional<sdk::Status> complete_children(nlohmann::json& row);
  [[nodiscard]] sdk::RecordBatch batch_of(const QueryPage& page, int page_number, SalesforceCursor& cursor);

  // A query locator that expires this often in one read is not a passing hiccup.
  static constexpr int kMaxRequeries = 3;

  const SalesforceStream& stream_;
  SalesforceApi& api_;
  const SalesforceRecordMapper& mapper_;
  bool include_deleted_;
  bool select_currency_;
};

}  // namespace crmsync::salesforce
