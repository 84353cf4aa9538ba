#pragma once

#include <string>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

struct SchemaIndex {
  std::string name;
  std::string columns;
  bool unique = false;
};

// A table as written once for every engine: column types are placeholders
// ({id}, {text}, {long_text}, {decimal}, {timestamp}, {real}) that
// render_table() replaces with the dialect's type.
struct SchemaTable {
  std::string name;
  std::vector<std::string> definitions;  // columns and constraints, with {type} placeholders
  std::vector<SchemaIndex> indexes;
  // Stored in primary-key order on SQLite (WITHOUT ROWID): one B-tree instead
  // of a rowid table plus a key index, for tables read and written by their
  // key. InnoDB always stores rows so; PostgreSQL has no such tables.
  bool clustered_by_primary_key = false;
};

// CREATE TABLE (and CREATE INDEX) statements, each safe to run again.
std::vector<std::string> render_table(const SchemaTable& table, Dialect dialect,
                                      const std::string& mysql_collation);

// Statements that (re)create a view, safe to run again. `select_sql` must be
// portable SQL that all three engines accept.
std::vector<std::string> render_view(const std::string& name, const std::string& select_sql, Dialect dialect);

}  // namespace crmsync::store
