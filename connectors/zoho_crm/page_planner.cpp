#include "page_planner.hpp"

#include "json_text.hpp"
#include "url_encoding.hpp"

namespace crmsync::zoho_crm {

PageInfo PageInfo::from_body(const nlohmann::json& body) {
  PageInfo info;
  if (!body.is_object() || !body.contains("info") || !body["info"].is_object()) return info;
  const auto& block = body["info"];
  const auto more = block.find("more_records");
  // Some answers carry booleans as strings.
  info.more_records = more != block.end() && (*more == true || *more == "true");
  info.next_page_token = member_text(block, "next_page_token");
  return info;
}

PageRequest PagePlanner::first(const SyncPosition& position) const {
  return PageRequest{position.time(), 1, {}};
}

std::optional<PageRequest> PagePlanner::next(const PageRequest& current, const PageInfo& info,
                                             const SyncPosition& position, std::string& error) const {
  if (!info.more_records) return std::nullopt;
  if (position.time() && (!current.since || *position.time() > *current.since)) return first(position);
  PageRequest following{current.since, current.page + 1, {}};
  const bool past_page_limit = static_cast<long long>(following.page) * page_size_ > kDiscretePagingLimit;
  if (current.page_token.empty() && !past_page_limit) return following;
  if (!info.next_page_token) {
    error = "Zoho says more records follow page " + std::to_string(current.page) +
            " but gave no next_page_token, and page numbers stop at record " +
            std::to_string(kDiscretePagingLimit);
    return std::nullopt;
  }
  following.page_token = *info.next_page_token;
  return following;
}

std::string PagePlanner::query(const PageRequest& request, const std::string& fields) const {
  std::string text = "fields=" + url_encode(fields) + "&per_page=" + std::to_string(page_size_) +
                     "&sort_by=Modified_Time&sort_order=asc";
  // page and page_token exclude each other.
  if (request.page_token.empty()) {
    text += "&page=" + std::to_string(request.page);
  } else {
    text += "&page_token=" + url_encode(request.page_token);
  }
  return text;
}

}  // namespace crmsync::zoho_crm
