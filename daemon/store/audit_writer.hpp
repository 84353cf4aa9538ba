#pragma once

#include <string>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Appends to `audit_log`: who did what to which subject, and why (detail is
// a JSON object with the score, rule or reason).
class AuditWriter {
 public:
  explicit AuditWriter(Database& database) : database_(database) {}

  void record(const std::string& actor, const std::string& action, const std::string& subject,
              const std::string& detail_json, const std::string& now);

 private:
  Database& database_;
};

}  // namespace crmsync::store
