#include "daemon/store/write_transaction.hpp"

#include <soci/soci.h>

namespace crmsync::store {

WriteTransaction::WriteTransaction(Database& database) : database_(database) {
  if (database_.dialect() == Dialect::sqlite) {
    database_.session() << "BEGIN IMMEDIATE";
  } else {
    database_.session().begin();
  }
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  try {
    database_.session().rollback();
  } catch (...) {  // NOLINT(bugprone-empty-catch): a lost connection has rolled back already
  }
}

void WriteTransaction::commit() {
  database_.session().commit();
  open_ = false;
}

}  // namespace crmsync::store
