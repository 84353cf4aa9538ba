#pragma once

#include <cstdint>

#include "daemon/identity/blocking_keys.hpp"

namespace crmsync::identity {

// What the blocking keys two records share say about comparing them
// (meta-blocking). Sharing an identifier (e-mail, phone, tax id, a
// same-record reference), keys of two groups (a name and a postcode, say),
// or one rare key is worth a comparison. Sharing only a common name is not:
// as the store grows, a common name's block fills with different people,
// and comparing each new record with all of them made the work per record
// grow with the store while adding nothing but look-alikes to review.
class SharedKeyEvidence {
 public:
  // One more key the two share; `rare` when few records hold it.
  void add(KeyGroup group, bool rare) {
    groups_ |= static_cast<std::uint8_t>(1U << static_cast<unsigned>(group));
    rare_ = rare_ || rare;
  }
  // What another count of the same two records' keys found.
  void add(const SharedKeyEvidence& other) {
    groups_ |= other.groups_;
    rare_ = rare_ || other.rare_;
  }

  [[nodiscard]] bool worth_comparing() const;

 private:
  std::uint8_t groups_ = 0;  // a bit per KeyGroup
  bool rare_ = false;
};

}  // namespace crmsync::identity
