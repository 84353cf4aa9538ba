#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crmsync::sdk {

enum class EntityType { customer, order, feedback };

inline const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::customer:
      return "customer";
    case EntityType::order:
      return "order";
    case EntityType::feedback:
      return "feedback";
  }
  return "unknown";
}

// Field names a connector fills in `RawRecord::fields`. Values are text exactly
// as the source holds them; the daemon normalises them. Unknown names are kept
// in the payload but otherwise ignored.
namespace field {
// customer
inline constexpr const char* kKind = "kind";  // "person" | "organisation"
inline constexpr const char* kName = "name";
inline constexpr const char* kGivenName = "given_name";
inline constexpr const char* kFamilyName = "family_name";
inline constexpr const char* kEmail = "email";
inline constexpr const char* kPhone = "phone";
inline constexpr const char* kCompany = "company";
inline constexpr const char* kCountry = "country";
inline constexpr const char* kCity = "city";
inline constexpr const char* kAddress = "address";
inline constexpr const char* kPostcode = "postcode";
inline constexpr const char* kDateOfBirth = "date_of_birth";
inline constexpr const char* kTaxId = "tax_id";
inline constexpr const char* kTier = "tier";
inline constexpr const char* kLifecycleStage = "lifecycle_stage";
inline constexpr const char* kOwner = "owner";
// The same customer record's id in another system this daemon syncs: the
// field "same_as.<instance>" holds the record's external id in that instance
// (e.g. "same_as.zoho" = "3652397000000624001" on a HubSpot contact that
// stores the Zoho id). Two records that name each other, or the same third
// record, are one customer.
inline constexpr const char* kSameAsPrefix = "same_as.";
// order
inline constexpr const char* kCustomerRef = "customer_ref";  // the customer's external id in this source
inline constexpr const char* kOrderNumber = "order_number";
inline constexpr const char* kStatus = "status";
inline constexpr const char* kOrderedAt = "ordered_at";
inline constexpr const char* kCurrency = "currency";
inline constexpr const char* kTotal = "total";
// order line (in RawRecord::lines)
inline constexpr const char* kSku = "sku";
inline constexpr const char* kDescription = "description";
inline constexpr const char* kQuantity = "quantity";
inline constexpr const char* kUnitPrice = "unit_price";
inline constexpr const char* kLineTotal = "line_total";
// feedback
inline constexpr const char* kOrderRef = "order_ref";
inline constexpr const char* kFeedbackKind = "feedback_kind";  // nps | csat | complaint | note
inline constexpr const char* kScore = "score";
inline constexpr const char* kComment = "comment";
inline constexpr const char* kReceivedAt = "received_at";
// feedback that arrived as a reply to a message crmsync sent (IMAP and the like)
inline constexpr const char* kInReplyTo = "in_reply_to";     // Message-ID the reply answers
inline constexpr const char* kReferences = "references";     // the References header, as received
inline constexpr const char* kSurveyToken = "survey_token";  // token found in the reply, if any
inline constexpr const char* kFromEmail = "from_email";      // the sender's address
// any entity
inline constexpr const char* kUpdatedAt = "updated_at";
}  // namespace field

using FieldMap = std::map<std::string, std::string>;

// One record as a source holds it, with canonical field names.
struct RawRecord {
  std::string external_id;  // stable id in the source; the upsert key with instance and stream
  EntityType entity = EntityType::customer;
  FieldMap fields;
  std::vector<FieldMap> lines;  // order lines, for orders
  std::string payload;          // the record as received (JSON object, CSV row as JSON, ...)
  bool deleted = false;         // the source says this record is gone
  std::string location;         // where it came from, for messages: "partners_a.csv:17"
};

// A record the connector could not turn into a RawRecord at all (a CSV row
// with the wrong number of fields, a JSON object without an id). The host
// stores it in dead_letter with the reason; the batch goes on.
struct Rejection {
  std::string external_id;  // may be empty when the source gave none
  std::string location;
  std::string reason;
  std::string payload;
};

// What a source connector emits. `cursor` is the position after the last
// record of this batch; the host commits records, rejections and cursor in one
// database transaction, and hands the cursor back on the next read.
struct RecordBatch {
  std::vector<RawRecord> records;
  std::vector<Rejection> rejections;
  std::string cursor;
};

}  // namespace crmsync::sdk
