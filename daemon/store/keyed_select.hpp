#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Looks up many rows by text key with few SELECTs instead of one per key: on
// PostgreSQL one "<head> = ANY(CAST(:keys AS TEXT[]))" with every key in one
// array parameter; elsewhere one "<head> IN (:k0, :k1, ...)" (SQLite: "?")
// per chunk of keys. The keys are bound as parameters, never spliced into the
// SQL; `head`'s own parameters are bound first, from `fixed`, in order.
class KeyedSelect {
 public:
  KeyedSelect(Database& database, std::string head, std::vector<std::string> fixed);

  // Calls `on_row` for every row any chunk returns. Keys may repeat.
  void run(const std::vector<std::string>& keys, const std::function<void(const soci::row&)>& on_row);

  static constexpr std::size_t kKeysPerStatement = 1000;  // SQLite and MySQL

 private:
  void execute(const std::string& text, const std::vector<std::string*>& keys,
               const std::function<void(const soci::row&)>& on_row);

  Database& database_;
  std::string head_;
  std::vector<std::string> fixed_;
};

}  // namespace crmsync::store
