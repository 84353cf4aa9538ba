#include "object_reader.hpp"

#include <map>
#include <utility>

#include "json_field.hpp"

namespace crmsync::fxiaoke {

ObjectReader::ObjectReader(const FxiaokeStream& stream, FxiaokeApi& api, const FxiaokeRecordMapper& mapper,
                           int page_size)
    : stream_(stream), api_(api), mapper_(mapper), page_size_(page_size) {}

sdk::Status ObjectReader::read(FxiaokeCursor cursor, sdk::BatchSink& sink) {
  using Step = FxiaokeQuery::Step;
  Step step = Step::from_cursor;
  for (int page_number = 1;; ++page_number) {
    QueryRows answer = api_.query(FxiaokeQuery::page(stream_.object_api_name, cursor, step, page_size_));
    if (answer.status) return *answer.status;
    const std::string before = cursor.to_text();
    sdk::RecordBatch batch = batch_of(answer.rows, page_number, cursor);
    if (!stream_.line_object_api_name.empty()) {
      if (auto problem = attach_lines(batch.records)) return *problem;
    }
    if ((!batch.records.empty() || !batch.rejections.empty()) && !sink.emit(std::move(batch))) {
      return sdk::Status::success();  // the host is stopping; the next read resumes from the last commit
    }
    const bool full = static_cast<int>(answer.rows.size()) >= page_size_;
    const bool moved = cursor.to_text() != before;
    switch (step) {
      case Step::from_cursor:
        if (!full) return sdk::Status::success();
        // A full page of rows already read: more rows share the cursor's time than fit a page.
        if (!moved) step = Step::ties_at_time;
        break;
      case Step::ties_at_time:
        if (!full || !moved) step = Step::after_time;
        break;
      case Step::after_time:
        if (!full) return sdk::Status::success();
        if (!moved) {
          return sdk::Status::failure("stream '" + stream_.name + "': a full page of " +
                                      stream_.object_api_name +
                                      " rows without a readable last_modified_time; cannot page past them");
        }
        step = Step::from_cursor;
        break;
    }
  }
}

sdk::RecordBatch ObjectReader::batch_of(const nlohmann::json& rows, int page_number,
                                        FxiaokeCursor& cursor) const {
  sdk::RecordBatch batch;
  const std::string location = stream_.name + " page " + std::to_string(page_number);
  for (const auto& row : rows) {
    MappedRow mapped = mapper_.map(stream_, row, location);
    if (mapped.rejection) {
      // Moving the time past it keeps a page of unreadable rows from being asked for forever.
      if (mapped.modified_millis && !cursor.covers(*mapped.modified_millis, ""))
        cursor.advance(*mapped.modified_millis, "");
      batch.rejections.push_back(std::move(*mapped.rejection));
      continue;
    }
    if (mapped.modified_millis) {
      if (cursor.covers(*mapped.modified_millis, mapped.record->external_id)) continue;
      cursor.advance(*mapped.modified_millis, mapped.record->external_id);
    }
    batch.records.push_back(std::move(*mapped.record));
  }
  batch.cursor = cursor.to_text();
  return batch;
}

std::optional<sdk::Status> ObjectReader::attach_lines(std::vector<sdk::RawRecord>& orders) {
  if (orders.empty()) return std::nullopt;
  std::vector<std::string> ids;
  std::map<std::string, sdk::RawRecord*> by_id;
  for (auto& order : orders) {
    ids.push_back(order.external_id);
    by_id[order.external_id] = &order;
  }
  std::string after_id;
  for (;;) {
    QueryRows answer =
        api_.query(FxiaokeQuery::lines(stream_.line_object_api_name, ids, after_id, page_size_));
    if (answer.status) return answer.status;
    for (const auto& line : answer.rows) {
      const auto id = json_field_text(line, "_id");
      if (id && *id > after_id) after_id = *id;
      const auto order_id = json_field_text(line, "order_id");
      const auto owner = order_id ? by_id.find(*order_id) : by_id.end();
      if (owner != by_id.end()) owner->second->lines.push_back(FxiaokeRecordMapper::map_line(line));
    }
    if (static_cast<int>(answer.rows.size()) < page_size_ || after_id.empty()) return std::nullopt;
  }
}

}  // namespace crmsync::fxiaoke
