#pragma once

namespace crmsync::store {

// Sets SQLite's process-wide options, once, before the first connection
// opens (SQLite accepts them only before it initialises itself):
//
// - multi-thread mode: a connection takes no mutex of its own on every call
//   (bind, step, column). Each Database is used by one thread at a time, as
//   SOCI requires of a session anyway, so the serialized mode Debian's
//   build defaults to only costs: 5-6 % of a SQLite backfill's CPU.
// - no memory statistics: sqlite3Malloc then takes no global mutex to count
//   bytes nobody reads.
//
// Returns false when SQLite was already initialised by someone else in the
// process (an embedding program, say); the defaults then stay, which are
// slower, not wrong.
bool configure_sqlite_library();

}  // namespace crmsync::store
