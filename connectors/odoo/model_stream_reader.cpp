#include "model_stream_reader.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "odoo_timestamp.hpp"
#include "odoo_value.hpp"

namespace crmsync::odoo {
namespace {

// `search` returns ids only, so a scan can take big pages.
constexpr int kScanPageSize = 10000;

std::chrono::sys_seconds now_of(const sdk::Clock* clock) {
  const auto now = clock != nullptr ? clock->now() : std::chrono::system_clock::now();
  return std::chrono::floor<std::chrono::seconds>(now);
}

nlohmann::json ids_json(const std::set<std::int64_t>& ids) {
  return nlohmann::json(ids);
}

}  // namespace

ModelStreamReader::ModelStreamReader(std::string instance, const ModelStream& stream,
                                     const OdooSettings& settings, OdooTransport& transport,
                                     const sdk::Clock* clock)
    : instance_(std::move(instance)),
      stream_(stream),
      settings_(settings),
      transport_(transport),
      clock_(clock),
      mapper_(stream) {}

std::string ModelStreamReader::where() const {
  return "instance '" + instance_ + "' stream '" + stream_.name + "'";
}

sdk::Status ModelStreamReader::status_of(const OdooReply& reply) const {
  if (reply.kind == OdooReply::Kind::retry) {
    return sdk::Status::retry_after(std::chrono::duration_cast<std::chrono::milliseconds>(reply.retry_after),
                                    where() + ": " + reply.error);
  }
  return sdk::Status::failure(where() + ": " + reply.error);
}

nlohmann::json ModelStreamReader::inactive_included() const {
  // Without active_test=false Odoo leaves archived rows out of every search,
  // and an archived customer would simply stop showing up.
  return nlohmann::json{{"active_test", false}};
}

sdk::Status ModelStreamReader::read(const std::string& cursor_text, sdk::BatchSink& sink) {
  std::string error;
  auto cursor = StreamCursor::decode(cursor_text, error);
  if (!cursor) return sdk::Status::failure(where() + ": " + error);

  sdk::Status status = sdk::Status::success();
  Step step = Step::more;
  while (step == Step::more) step = read_page(*cursor, sink, status);
  if (step == Step::stopped) return status;
  if (stream_.scan_for_unlinked && scan_due(*cursor)) {
    if (scan_for_unlinked(*cursor, sink, status) == Step::stopped) return status;
  }
  return status;
}

ModelStreamReader::Step ModelStreamReader::read_page(StreamCursor& cursor, sdk::BatchSink& sink,
                                                     sdk::Status& status) {
  const nlohmann::json kwargs = {{"domain", cursor.domain_after(stream_.domain)},
                                 {"fields", stream_.fields},
                                 {"limit", settings_.page_size},
                                 {"order", "write_date asc, id asc"},
                                 {"context", inactive_included()}};
  const OdooReply reply = transport_.call(stream_.model, "search_read", kwargs);
  if (!reply.ok()) {
    status = status_of(reply);
    return Step::stopped;
  }
  if (!reply.result.is_array()) {
    status = sdk::Status::failure(where() + ": " + stream_.model + ".search_read answered " +
                                  reply.result.dump().substr(0, 120) + " instead of a list");
    return Step::stopped;
  }
  PageLinks links;
  if (!fetch_links(reply.result, links, status)) return Step::stopped;

  sdk::RecordBatch batch;
  const std::string before = cursor.encode();
  for (const auto& row : reply.result) {
    std::string reason;
    auto record = mapper_.map(row, links, reason);
    if (!record) {
      batch.rejections.push_back({"", "odoo " + stream_.model + " search_read", reason, row.dump()});
      continue;
    }
    const std::int64_t id = *odoo_value::id_of(row, "id");
    if (const auto written = odoo_timestamp::parse(odoo_value::text(row, "write_date"))) {
      cursor.advance(*written, id);
    }
    if (stream_.scan_for_unlinked) {
      if (record->deleted) {
        cursor.known.remove(id);
      } else {
        cursor.known.add(id);
      }
    }
    batch.records.push_back(std::move(*record));
  }
  batch.cursor = cursor.encode();
  const bool progressed = batch.cursor != before;
  const bool full_page = reply.result.size() >= static_cast<std::size_t>(settings_.page_size);
  if (!batch.records.empty() || !batch.rejections.empty() || progressed) {
    if (!sink.emit(std::move(batch))) return Step::stopped;
  }
  // A full page that could not move the cursor (rows without a readable
  // write_date) would come back the same forever.
  return full_page && progressed ? Step::more : Step::done;
}

bool ModelStreamReader::fetch_links(const nlohmann::json& rows, PageLinks& links, sdk::Status& status) {
  std::set<std::int64_t> order_ids;
  for (const auto& row : rows) {
    const auto id = odoo_value::id_of(row, "id");
    if (!id) continue;
    if (stream_.shape == RecordShape::order) order_ids.insert(*id);
    if (stream_.shape == RecordShape::message && odoo_value::text(row, "model") == "sale.order") {
      if (const auto res_id = odoo_value::id_of(row, "res_id")) order_ids.insert(*res_id);
    }
  }
  if (order_ids.empty()) return true;

  if (stream_.shape == RecordShape::order) {
    const nlohmann::json kwargs = {
        {"domain", nlohmann::json::array({nlohmann::json::array({"order_id", "in", ids_json(order_ids)})})},
        {"fields",
         {"order_id", "product_id", "name", "product_uom_qty", "price_unit", "price_subtotal", "price_total",
          "display_type", "sequence"}},
        {"order", "order_id asc, sequence asc, id asc"}};
    const OdooReply reply = transport_.call("sale.order.line", "search_read", kwargs);
    if (!reply.ok()) {
      status = status_of(reply);
      return false;
    }
    for (const auto& line : reply.result) {
      if (const auto order = odoo_value::id_of(line, "order_id"))
        links.lines_by_order[*order].push_back(line);
    }
    return true;
  }
  const nlohmann::json kwargs = {
      {"domain", nlohmann::json::array({nlohmann::json::array({"id", "in", ids_json(order_ids)})})},
      {"fields", nlohmann::json::array({"partner_id"})},
      {"context", inactive_included()}};
  const OdooReply reply = transport_.call("sale.order", "search_read", kwargs);
  if (!reply.ok()) {
    status = status_of(reply);
    return false;
  }
  for (const auto& order : reply.result) {
    const auto id = odoo_value::id_of(order, "id");
    const auto partner = odoo_value::id_of(order, "partner_id");
    if (id && partner) links.partner_by_order[*id] = *partner;
  }
  return true;
}

bool ModelStreamReader::scan_due(const StreamCursor& cursor) const {
  if (!cursor.scanned_at) return true;
  return now_of(clock_) - *cursor.scanned_at >= settings_.unlinked_scan_interval;
}

ModelStreamReader::Step ModelStreamReader::scan_for_unlinked(StreamCursor& cursor, sdk::BatchSink& sink,
                                                             sdk::Status& status) {
  const auto started = now_of(clock_);
  IdRangeSet on_server;
  if (!fetch_all_ids(on_server, status)) return Step::stopped;

  const std::vector<std::int64_t> gone = cursor.known.missing_from(on_server);
  std::size_t next = 0;
  do {
    sdk::RecordBatch batch;
    for (; next < gone.size() && batch.records.size() < static_cast<std::size_t>(settings_.page_size);
         ++next) {
      sdk::RawRecord record;
      record.external_id = std::to_string(gone[next]);
      record.entity = stream_.entity;
      record.deleted = true;
      record.location = "odoo " + stream_.model + "/" + record.external_id + " (no longer on the server)";
      record.payload =
          nlohmann::json{{"id", gone[next]}, {"model", stream_.model}, {"unlinked", true}}.dump();
      cursor.known.remove(gone[next]);
      batch.records.push_back(std::move(record));
    }
    if (next == gone.size()) {
      // Ids created after the incremental read are not known yet and come
      // with the next one; nothing else is left to drop.
      cursor.known.keep_only(on_server);
      cursor.scanned_at = started;
    }
    batch.cursor = cursor.encode();
    if (!sink.emit(std::move(batch))) return Step::stopped;
  } while (next < gone.size());
  return Step::done;
}

bool ModelStreamReader::fetch_all_ids(IdRangeSet& ids, sdk::Status& status) {
  std::int64_t after = 0;
  while (true) {
    nlohmann::json domain = stream_.domain;
    domain.push_back({"id", ">", after});
    const nlohmann::json kwargs = {
        {"domain", domain}, {"limit", kScanPageSize}, {"order", "id asc"}, {"context", inactive_included()}};
    const OdooReply reply = transport_.call(stream_.model, "search", kwargs);
    if (!reply.ok()) {
      status = status_of(reply);
      return false;
    }
    if (!reply.result.is_array()) {
      status = sdk::Status::failure(where() + ": " + stream_.model + ".search answered " +
                                    reply.result.dump().substr(0, 120) + " instead of a list of ids");
      return false;
    }
    for (const auto& value : reply.result) {
      const auto id = odoo_value::id(value);
      if (!id) {
        status = sdk::Status::failure(where() + ": " + stream_.model + ".search returned a non-id " +
                                      value.dump());
        return false;
      }
      ids.add(*id);
      after = std::max(after, *id);
    }
    if (reply.result.size() < static_cast<std::size_t>(kScanPageSize)) return true;
  }
}

}  // namespace crmsync::odoo
