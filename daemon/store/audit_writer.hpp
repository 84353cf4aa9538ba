#pragma once

#include <string>

#include "daemon/store/database.hpp"
#include "daemon/store/multi_row_insert.hpp"

namespace crmsync::store {

// Appends to `audit_log`: who did what to which subject, and why (detail is
// a JSON object with the score, rule or reason).
class AuditWriter {
 public:
  explicit AuditWriter(Database& database);

  void record(const std::string& actor, const std::string& action, const std::string& subject,
              const std::string& detail_json, const std::string& now);
  // As record(), written by flush() with the other queued entries in multi-row statements.
  void queue(const std::string& actor, const std::string& action, const std::string& subject,
             const std::string& detail_json, const std::string& now);
  void flush();

 private:
  Database& database_;
  MultiRowInsert queued_;
};

}  // namespace crmsync::store
