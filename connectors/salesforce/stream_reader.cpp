#include "stream_reader.hpp"

#include <utility>

#include "soql_query.hpp"

namespace crmsync::salesforce {

StreamReader::StreamReader(const SalesforceStream& stream, SalesforceApi& api,
                           const SalesforceRecordMapper& mapper, bool include_deleted, bool select_currency)
    : stream_(stream),
      api_(api),
      mapper_(mapper),
      include_deleted_(include_deleted),
      select_currency_(select_currency) {}

sdk::Status StreamReader::read(SalesforceCursor cursor, sdk::BatchSink& sink) {
  for (int requery = 0; requery <= kMaxRequeries; ++requery) {
    QueryAnswer answer = api_.query(SoqlQuery::build(stream_, cursor, select_currency_), include_deleted_);
    for (int page_number = 1;; ++page_number) {
      if (answer.status) return *answer.status;
      if (answer.locator_expired) break;  // query again from the last emitted cursor
      QueryPage& page = *answer.page;
      for (auto& row : page.records) {
        if (auto problem = complete_children(row)) return *problem;
      }
      sdk::RecordBatch batch = batch_of(page, page_number, cursor);
      if ((!batch.records.empty() || !batch.rejections.empty()) && !sink.emit(std::move(batch))) {
        return sdk::Status::success();  // the host is stopping; the next read resumes from the last commit
      }
      if (page.next_records_url.empty()) return sdk::Status::success();
      answer = api_.next(page.next_records_url);
    }
  }
  return sdk::Status::retry_after(std::chrono::minutes(1), "the query locator of stream '" + stream_.name +
                                                               "' kept expiring between pages");
}

std::optional<sdk::Status> StreamReader::complete_children(nlohmann::json& row) {
  if (stream_.child_relationship.empty() || !row.is_object()) return std::nullopt;
  auto children = row.find(stream_.child_relationship);
  if (children == row.end() || !children->is_object()) return std::nullopt;
  auto next = children->find("nextRecordsUrl");
  while (next != children->end() && next->is_string() && !(*children)["done"].is_null() &&
         !(*children)["done"].get<bool>()) {
    QueryAnswer more = api_.next(next->get<std::string>());
    if (more.status) return more.status;
    if (more.locator_expired) {
      return sdk::Status::retry_after(
          std::chrono::minutes(1), "the query locator of the " + stream_.child_relationship + " of stream '" +
                                       stream_.name + "' expired");
    }
    auto& rows = (*children)["records"];
    for (auto& child : more.page->records) rows.push_back(std::move(child));
    (*children)["done"] = more.page->next_records_url.empty();
    (*children)["nextRecordsUrl"] = more.page->next_records_url;
    next = children->find("nextRecordsUrl");
  }
  return std::nullopt;
}

sdk::RecordBatch StreamReader::batch_of(const QueryPage& page, int page_number, SalesforceCursor& cursor) {
  sdk::RecordBatch batch;
  const std::string location = stream_.name + " page " + std::to_string(page_number);
  for (const auto& row : page.records) {
    MappedRow mapped = mapper_.map(stream_, row, location);
    if (mapped.rejection) {
      batch.rejections.push_back(std::move(*mapped.rejection));
      continue;
    }
    if (mapped.modstamp_millis) {
      if (cursor.covers(*mapped.modstamp_millis, mapped.record->external_id)) continue;
      cursor.advance(*mapped.modstamp_millis, mapped.record->external_id);
    }
    batch.records.push_back(std::move(*mapped.record));
  }
  batch.cursor = cursor.to_text();
  return batch;
}

}  // namespace crmsync::salesforce
