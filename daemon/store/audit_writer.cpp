#include "daemon/store/audit_writer.hpp"

#include <soci/soci.h>

namespace crmsync::store {

AuditWriter::AuditWriter(Database& database)
    : database_(database), queued_("audit_log", {"at", "actor", "action", "subject", "detail"}) {}

void AuditWriter::record(const std::string& actor, const std::string& action, const std::string& subject,
                         const std::string& detail_json, const std::string& now) {
  database_.session() << "INSERT INTO audit_log (at, actor, action, subject, detail)"
                         " VALUES (:at, :actor, :action, :subject, :detail)",
      soci::use(now), soci::use(actor), soci::use(action), soci::use(subject), soci::use(detail_json);
}

void AuditWriter::queue(const std::string& actor, const std::string& action, const std::string& subject,
                        const std::string& detail_json, const std::string& now) {
  queued_.add({now, actor, action, subject, detail_json});
}

void AuditWriter::flush() {
  queued_.flush(database_);
}

}  // namespace crmsync::store
