// Opening a SQLite database sets the library's process-wide options first:
// connections take no mutex of their own and no byte counting happens on
// every allocation. Its own executable, so that no other test has opened
// SQLite before it.
#include "daemon/store/sqlite_library.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::store {
namespace {

struct ConnectionCloser {
  void operator()(sqlite3* connection) const { sqlite3_close(connection); }
};

std::unique_ptr<sqlite3, ConnectionCloser> open_directly() {
  sqlite3* connection = nullptr;
  EXPECT_EQ(sqlite3_open(":memory:", &connection), SQLITE_OK);
  return std::unique_ptr<sqlite3, ConnectionCloser>(connection);
}

TEST(SqliteLibrary, OpeningADatabaseConfiguresTheLibraryFirst) {
  const auto database = Database::open("sqlite://:memory:");
  database->session() << "CREATE TABLE probe (id INTEGER PRIMARY KEY, label TEXT)";
  database->session() << "INSERT INTO probe (label) VALUES ('a'), ('b')";
  int rows = 0;
  database->session() << "SELECT count(*) FROM probe", soci::into(rows);
  EXPECT_EQ(rows, 2);

  // Multi-thread mode: a connection opened now has no mutex of its own.
  const auto other = open_directly();
  EXPECT_EQ(sqlite3_db_mutex(other.get()), nullptr);
  // Memory statistics off: nothing was counted, though SQLite allocated.
  EXPECT_EQ(sqlite3_memory_used(), 0);
  // Later calls find it done and say so.
  EXPECT_TRUE(configure_sqlite_library());
}

TEST(SqliteLibrary, ConnectionsOfTheirOwnWorkOnThreadsOfTheirOwn) {
  // One database file, one connection per thread: the arrangement the
  // daemon uses (the writer, the neighbourhood reader, the survey endpoint).
  const std::string path = ::testing::TempDir() + "sqlite_library_threads.db";
  std::remove(path.c_str());
  const auto setup = Database::open("sqlite://" + path);
  setup->session() << "CREATE TABLE probe (thread INTEGER, n INTEGER)";
  constexpr int kThreads = 4;
  constexpr int kRows = 500;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&path, t] {
      const auto own = Database::open("sqlite://" + path);
      for (int n = 0; n < kRows; ++n) {
        own->session() << "INSERT INTO probe (thread, n) VALUES (:t, :n)", soci::use(t), soci::use(n);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  int rows = 0;
  setup->session() << "SELECT count(*) FROM probe", soci::into(rows);
  EXPECT_EQ(rows, kThreads * kRows);
}

}  // namespace
}  // namespace crmsync::store
