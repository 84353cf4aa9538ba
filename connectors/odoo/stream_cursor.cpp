#include "stream_cursor.hpp"

#include "odoo_timestamp.hpp"

namespace crmsync::odoo {

void StreamCursor::advance(std::chrono::sys_seconds written, std::int64_t id) {
  if (!since || written > *since) {
    since = written;
    seen_at_since.clear();
  }
  // A record older than `since` can only come from a server whose clock or
  // ordering is off; it is delivered but cannot move the cursor back.
  if (written == *since) seen_at_since.insert(id);
}

std::string StreamCursor::encode() const {
  nlohmann::json out = nlohmann::json::object();
  out["v"] = 1;
  if (since) {
    out["since"] = odoo_timestamp::domain_value(*since);
    out["seen"] = seen_at_since;
  }
  if (!known.empty()) out["known"] = known.to_json();
  if (scanned_at) out["scanned_at"] = odoo_timestamp::domain_value(*scanned_at);
  return out.dump();
}

std::optional<StreamCursor> StreamCursor::decode(const std::string& text, std::string& error) {
  StreamCursor cursor;
  if (text.empty()) return cursor;
  const nlohmann::json in = nlohmann::json::parse(text, nullptr, false);
  if (!in.is_object() || in.value("v", 0) != 1) {
    error = "not a cursor this connector wrote: " + text.substr(0, 80);
    return std::nullopt;
  }
  if (const auto since = in.find("since"); since != in.end()) {
    cursor.since = since->is_string() ? odoo_timestamp::parse(since->get<std::string>()) : std::nullopt;
    if (!cursor.since) {
      error = "cursor 'since' is not a date-time: " + since->dump();
      return std::nullopt;
    }
    for (const auto& id : in.value("seen", nlohmann::json::array())) {
      if (!id.is_number_integer()) {
        error = "cursor 'seen' holds a non-id: " + id.dump();
        return std::nullopt;
      }
      cursor.seen_at_since.insert(id.get<std::int64_t>());
    }
  }
  if (const auto known = in.find("known"); known != in.end()) {
    if (!IdRangeSet::from_json(*known, cursor.known, error)) {
      error = "cursor 'known': " + error;
      return std::nullopt;
    }
  }
  if (const auto scanned = in.find("scanned_at"); scanned != in.end()) {
    cursor.scanned_at =
        scanned->is_string() ? odoo_timestamp::parse(scanned->get<std::string>()) : std::nullopt;
    if (!cursor.scanned_at) {
      error = "cursor 'scanned_at' is not a date-time: " + scanned->dump();
      return std::nullopt;
    }
  }
  return cursor;
}

nlohmann::json StreamCursor::domain_after(const nlohmann::json& base_domain) const {
  nlohmann::json domain = base_domain.is_array() ? base_domain : nlohmann::json::array();
  if (since) {
    domain.push_back({"write_date", ">=", odoo_timestamp::domain_value(*since)});
    if (!seen_at_since.empty()) {
      // A delivered id is skipped only while it is still in that second: once
      // changed again its write_date is later and it must come back.
      domain.push_back("|");
      domain.push_back({"write_date", ">=", odoo_timestamp::domain_value(*since + std::chrono::seconds(1))});
      domain.push_back({"id", "not in", seen_at_since});
    }
  }
  return domain;
}

}  // namespace crmsync::odoo
