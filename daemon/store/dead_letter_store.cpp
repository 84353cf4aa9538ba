#include "daemon/store/dead_letter_store.hpp"

#include <soci/soci.h>

#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {
DeadLetterStore::DeadLetterStore(Database& database) : database_(database) {}

std::size_t DeadLetterStore::count(const std::string& instance) {
  long long letters = 0;
  database_.session() << "SELECT COUNT(*) FROM dead_letter WHERE instance = :instance", soci::use(instance),
      soci::into(letters);
  return static_cast<std::size_t>(letters);
}

std::vector<StoredDeadLetter> DeadLetterStore::recent(const std::string& instance, std::size_t limit) {
  StoredDeadLetter letter;
  NullableText external_id;
  NullableText location;
  NullableText payload;
  soci::statement select =
      (database_.session().prepare << "SELECT id, stream, external_id, location, reason, payload, created_at"
                                      " FROM dead_letter WHERE instance = :instance"
                                      " ORDER BY created_at DESC, id DESC LIMIT " +
                                          std::to_string(limit),
       soci::use(instance), soci::into(letter.id), soci::into(letter.stream),
       soci::into(external_id.value, external_id.indicator), soci::into(location.value, location.indicator),
       soci::into(letter.reason), soci::into(payload.value, payload.indicator),
       soci::into(letter.created_at));
  std::vector<StoredDeadLetter> letters;
  select.execute();
  while (select.fetch()) {
    letter.external_id = external_id.get().value_or("");
    letter.location = location.get().value_or("");
    letter.payload = payload.get().value_or("");
    letters.push_back(letter);
  }
  return letters;
}

}  // namespace crmsync::store
