#include "fxiaoke_query.hpp"

namespace crmsync::fxiaoke {
namespace {

// field_values is always a list of strings, whatever the field's type.
nlohmann::json filter(const char* field, const char* op, nlohmann::json values) {
  return {{"field_name", field}, {"field_values", std::move(values)}, {"operator", op}};
}

nlohmann::json ascending(const char* field) {
  return {{"fieldName", field}, {"isAsc", true}};
}

nlohmann::json query_data(const std::string& object_api_name, nlohmann::json filters, nlohmann::json orders,
                          int limit) {
  return {
      {"dataObjectApiName", object_api_name},
      {"find_explicit_total_num", false},
      {"search_query_info",
       {{"limit", limit}, {"offset", 0}, {"filters", std::move(filters)}, {"orders", std::move(orders)}}}};
}

}  // namespace

nlohmann::json FxiaokeQuery::page(const std::string& object_api_name, const FxiaokeCursor& cursor, Step step,
                                  int limit) {
  nlohmann::json filters = nlohmann::json::array();
  nlohmann::json orders = nlohmann::json::array({ascending("last_modified_time"), ascending("_id")});
  if (const auto since = cursor.modified_millis()) {
    const std::string time = std::to_string(*since);
    switch (step) {
      case Step::from_cursor:
        filters.push_back(filter("last_modified_time", "GTE", {time}));
        break;
      case Step::ties_at_time:
        filters.push_back(filter("last_modified_time", "EQ", {time}));
        filters.push_back(filter("_id", "GT", {cursor.last_id()}));
        orders = nlohmann::json::array({ascending("_id")});
        break;
      case Step::after_time:
        filters.push_back(filter("last_modified_time", "GT", {time}));
        break;
    }
  }
  return query_data(object_api_name, std::move(filters), std::move(orders), limit);
}

nlohmann::json FxiaokeQuery::lines(const std::string& line_object_api_name,
                                   const std::vector<std::string>& order_ids, const std::string& after_id,
                                   int limit) {
  nlohmann::json filters = nlohmann::json::array({filter("order_id", "IN", order_ids)});
  if (!after_id.empty()) filters.push_back(filter("_id", "GT", {after_id}));
  return query_data(line_object_api_name, std::move(filters), nlohmann::json::array({ascending("_id")}),
                    limit);
}

}  // namespace crmsync::fxiaoke
