#pragma once

#include <optional>
#include <string>

#include "sync_position.hpp"

namespace crmsync::zoho_crm {

// The cursor of one stream, as the host stores it between reads: where the
// walk through changed records stands and where the walk through the recycle
// bin (deletions) stands. Serialised as JSON:
//   {"v":1,"modified":{"time":"2026-05-14T08:36:19+00:00","ids":["1","2"]},"deleted":{...}}
class ZohoCursor {
 public:
  // "" is the beginning. nullopt with `error` set when the text is not a cursor
  // this connector wrote.
  [[nodiscard]] static std::optional<ZohoCursor> parse(const std::string& text, std::string& error);
  [[nodiscard]] std::string serialize() const;

  SyncPosition modified;
  SyncPosition deleted;
};

}  // namespace crmsync::zoho_crm
