#include "daemon/store/key_version_store.hpp"

#include <stdexcept>

#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::store {

KeyVersionStore::KeyVersionStore(Database& database) : database_(database) {}

int KeyVersionStore::version() {
  auto& sql = database_.session();
  int version = 0;
  sql << "SELECT version FROM identity_key_version WHERE id = 1", soci::into(version);
  // Migration 10 writes the row and nothing deletes it.
  if (!sql.got_data()) throw std::logic_error("identity_key_version has no row");
  return version;
}

void KeyVersionStore::set(int version, const std::string& rebuilt_at) {
  database_.session() << "UPDATE identity_key_version SET version = :version, rebuilt_at = :rebuilt_at"
                         " WHERE id = 1",
      soci::use(version), soci::use(rebuilt_at);
}

bool KeyVersionStore::adopt_when_empty(int version) {
  // A number of this build's, not input: written into the text, where it appears twice.
  const std::string wanted = std::to_string(version);
  soci::statement update =
      (database_.session().prepare << "UPDATE identity_key_version SET version = " + wanted +
                                          " WHERE id = 1 AND version <> " + wanted +
                                          " AND NOT EXISTS (SELECT 1 FROM source_customer)");
  update.execute(true);
  return update.get_affected_rows() > 0;
}

bool KeyVersionStore::stale(int version) {
  if (this->version() >= version) return false;
  int stored = 0;
  database_.session() << "SELECT CASE WHEN EXISTS (SELECT 1 FROM source_customer) THEN 1 ELSE 0 END",
      soci::into(stored);
  return stored == 1;
}

}  // namespace crmsync::store
