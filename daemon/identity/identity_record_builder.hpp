#pragma once

#include <string>

#include "daemon/identity/han_name_key.hpp"
#include "daemon/identity/identity_record.hpp"
#include "daemon/model/customer.hpp"

namespace crmsync::identity {

// Builds match-ready IdentityRecords. Owns the ICU transliterators, so build
// one per thread (or share one: HanNameKey serialises its ICU calls).
class IdentityRecordBuilder {
 public:
  [[nodiscard]] IdentityRecord from_customer(std::string id, const model::Customer& customer) const;

  // Folds the text fields of a record filled from raw values (lower-case ASCII,
  // digits-only dates and ids) and derives full_name and name_key.
  void normalize(IdentityRecord& record) const;

 private:
  HanNameKey han_;
};

}  // namespace crmsync::identity
