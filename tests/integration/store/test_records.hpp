#pragma once

#include <string>

#include "daemon/model/normalized_record.hpp"
#include "daemon/store/batch_writer.hpp"

namespace crmsync::store::testing {

// Normalised records as the pipeline would hand them over. The payload is a
// small JSON text and its "hash" is derived from it, so equal payloads mean
// equal hashes, as with the real SHA-256.
model::NormalizedRecord customer_record(const std::string& external_id, const std::string& name,
                                        const std::string& email = "", const std::string& version = "v1");
model::NormalizedRecord order_record(const std::string& external_id, const model::Order& order,
                                     const std::string& version = "v1");
model::NormalizedRecord feedback_record(const std::string& external_id, const model::Feedback& feedback,
                                        const std::string& version = "v1");
// A customer as a connector would send it (sdk field names), normalised by
// the pipeline's own CustomerNormalizer: real name keys, E.164 phones.
model::NormalizedRecord source_customer(const std::string& external_id, const sdk::FieldMap& fields,
                                        const std::string& version = "v1");
// The same record as the source reports it deleted.
model::NormalizedRecord deleted(model::NormalizedRecord record);

model::Decimal decimal(const std::string& text);

BatchWrite batch(const std::string& instance, const std::string& stream, const std::string& cursor);

}  // namespace crmsync::store::testing
