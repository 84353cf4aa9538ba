#pragma once

#include <memory>
#include <string>

#include "crmsync/sdk/record.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/model/normalized_record.hpp"

namespace crmsync::model {

// Per connector instance: what to assume when a record leaves it open.
struct NormalizerSettings {
  std::string default_region = "US";     // ISO 3166 region for phones without a country code
  std::string default_currency;          // ISO 4217; empty = an order must name its currency
  std::string default_timezone = "UTC";  // IANA zone for timestamps without an offset
};

// Turns a connector's RawRecord into the canonical model, or says why not.
// A reason names the field and the offending value's problem (never the whole
// record); the pipeline sends such records to dead_letter.
//
// Thread-safe: normalize() is const and keeps no per-call state.
class RecordNormalizer {
 public:
  // Validates the settings once: throws std::invalid_argument naming the setting
  // when default_region, default_currency or default_timezone is not a known one.
  explicit RecordNormalizer(NormalizerSettings settings);
  ~RecordNormalizer();
  RecordNormalizer(const RecordNormalizer&) = delete;
  RecordNormalizer& operator=(const RecordNormalizer&) = delete;

  [[nodiscard]] Expected<NormalizedRecord, std::string> normalize(const sdk::RawRecord& record) const;

 private:
  struct Parts;  // the per-entity normalisers, kept out of this header

  NormalizerSettings settings_;
  std::unique_ptr<const Parts> parts_;
};

}  // namespace crmsync::model
