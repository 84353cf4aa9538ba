#pragma once

#include <optional>
#include <string>

#include "sync_position.hpp"

namespace crmsync::hubspot {

// The cursor of one stream, as the host stores it between reads: where the
// walk through changed records stands and where the walk through archived
// (deleted) records stands. Serialised as JSON:
//   {"v":1,"modified":{"time":"2026-02-28T15:18:25.872Z","ids":["1","2"]},"deleted":{...}}
class HubSpotCursor {
 public:
  // "" is the beginning. nullopt with `error` set when the text is not a cursor
  // this connector wrote.
  [[nodiscard]] static std::optional<HubSpotCursor> parse(const std::string& text, std::string& error);
  [[nodiscard]] std::string serialize() const;

  SyncPosition modified;
  SyncPosition deleted;
};

}  // namespace crmsync::hubspot
