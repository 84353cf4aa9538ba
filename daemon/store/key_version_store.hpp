#pragma once

#include <string>

namespace crmsync::store {

class Database;

// Which derivation of matching keys (identity::BlockingKeys::kDerivationVersion)
// the keys in `identity_key` and `identity_value_keys`, and the counts in
// `identity_key_count`, were built with (`identity_key_version`, one row,
// migration 10). Keys are written as records are stored, so a build that
// derives them differently leaves the records stored before it with old
// keys until CustomerReresolver rebuilds them all and sets the version.
class KeyVersionStore {
 public:
  explicit KeyVersionStore(Database& database);

  // The version the stored keys were built with.
  [[nodiscard]] int version();
  // Every stored key is now built with `version`: after a rebuild, in its transaction.
  void set(int version, const std::string& rebuilt_at);
  // Takes `version` when no customer record is stored: an empty store has
  // no stale keys. One statement, so a record that another daemon stores
  // meanwhile leaves the version as it was. Returns whether the version changed.
  bool adopt_when_empty(int version);
  // Whether customer records are stored whose keys were built with a
  // version older than `version`.
  [[nodiscard]] bool stale(int version);

 private:
  Database& database_;
};

}  // namespace crmsync::store
