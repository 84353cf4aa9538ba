#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "daemon/identity/identity_record.hpp"

namespace crmsync::bench {

// Reads a Febrl CSV (rec_id, given_name, surname, street_number, address_1,
// address_2, suburb, postcode, state, date_of_birth, soc_sec_id; a space after
// each comma). Values are kept as text, so leading zeros survive.
class FebrlCsvReader {
 public:
  struct Dataset {
    std::vector<identity::IdentityRecord> records;  // raw values; normalise before resolving
    std::vector<std::uint64_t> truth;               // the <N> of rec-<N>-...: scoring only
  };

  // Throws std::runtime_error on an unreadable file or a malformed row.
  [[nodiscard]] static Dataset read(const std::string& path);
};

}  // namespace crmsync::bench
