#pragma once

#include "daemon/store/database.hpp"

namespace crmsync::store {

// A transaction that writes: rolled back unless committed. On SQLite it
// takes the write lock up front (BEGIN IMMEDIATE) so that it waits its turn
// under busy_timeout instead of failing when another connection wrote
// between its first read and its first write.
class WriteTransaction {
 public:
  explicit WriteTransaction(Database& database);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();

 private:
  Database& database_;
  bool open_ = true;
};

}  // namespace crmsync::store
