#pragma once

#include <string>

#include "crmsync/sdk/record.hpp"

namespace crmsync::model {

// A deterministic JSON text of a record's entity, deleted flag, fields and
// lines (keys sorted), for sources that give no payload of their own: equal
// records give equal text, so their payload hashes match.
std::string canonical_payload(const sdk::RawRecord& record);

}  // namespace crmsync::model
