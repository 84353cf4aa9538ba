#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "sync_position.hpp"

namespace crmsync::zoho_crm {

// One list request: records modified at or after `since`, sorted by
// Modified_Time ascending, at `page` or, past Zoho's 2,000-record limit for
// page numbers, at `page_token`.
struct PageRequest {
  std::optional<std::int64_t> since;
  int page = 1;
  std::string page_token;
};

// What a list answer's "info" says about what follows.
struct PageInfo {
  bool more_records = false;
  std::optional<std::string> next_page_token;

  // Tolerates a missing info object, missing keys and null tokens.
  [[nodiscard]] static PageInfo from_body(const nlohmann::json& body);
};

// Decides the next list request. After a page that moved the position
// forward it starts a fresh query from the new position (keyset paging), so a
// record updated during the sync cannot shift an unread one across a page
// boundary; only while a run of records shares one second does it walk on by
// page number, and past 2,000 records by Zoho's page token.
class PagePlanner {
 public:
  static constexpr int kDiscretePagingLimit = 2000;

  explicit PagePlanner(int page_size) : page_size_(page_size) {}

  [[nodiscard]] PageRequest first(const SyncPosition& position) const;
  // nullopt when the walk is done; when Zoho leaves no way on, nullopt with `error` set.
  [[nodiscard]] std::optional<PageRequest> next(const PageRequest& current, const PageInfo& info,
                                                const SyncPosition& position, std::string& error) const;
  // The query string for a request (without `?`), given the module's field list.
  [[nodiscard]] std::string query(const PageRequest& request, const std::string& fields) const;

 private:
  int page_size_;
};

}  // namespace crmsync::zoho_crm
