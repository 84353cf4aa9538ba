#include "daemon/store/database_url.hpp"

#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

std::string error_of(const std::string& url) {
  try {
    (void)DatabaseUrl::parse(url);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "";
}

TEST(DatabaseUrlTest, ReadsSqlitePaths) {
  EXPECT_EQ(DatabaseUrl::parse("sqlite:///var/lib/crmsync/crmsync.db").path(), "/var/lib/crmsync/crmsync.db");
  EXPECT_EQ(DatabaseUrl::parse("sqlite://state/crmsync.db").path(), "state/crmsync.db");
  EXPECT_EQ(DatabaseUrl::parse("sqlite://:memory:").path(), ":memory:");
  EXPECT_EQ(DatabaseUrl::parse("sqlite:///tmp/with%20space.db").path(), "/tmp/with space.db");
  EXPECT_EQ(DatabaseUrl::parse("sqlite:///a.db").dialect(), Dialect::sqlite);
}

TEST(DatabaseUrlTest, ReadsServerUrlsAndDecodesCredentials) {
  const auto url = DatabaseUrl::parse("postgresql://crm%20user:p%40ss%3Aw%2Frd%25@db.internal:6543/crm_main");
  EXPECT_EQ(url.dialect(), Dialect::postgresql);
  EXPECT_EQ(url.user(), "crm user");
  EXPECT_EQ(url.password(), "p@ss:w/rd%");
  EXPECT_EQ(url.host(), "db.internal");
  EXPECT_EQ(url.port(), 6543);
  EXPECT_EQ(url.database(), "crm_main");
  EXPECT_TRUE(url.socket().empty());
}

TEST(DatabaseUrlTest, ReadsSocketsAndDefaults) {
  const auto pg = DatabaseUrl::parse("postgresql://crm@localhost/crm?socket=/var/run/postgresql");
  EXPECT_EQ(pg.socket(), "/var/run/postgresql");
  EXPECT_FALSE(pg.port().has_value());
  EXPECT_TRUE(pg.password().empty());
  const auto my = DatabaseUrl::parse("mysql://crm:pw@/crm?socket=/run/mysqld/mysqld.sock");
  EXPECT_EQ(my.dialect(), Dialect::mysql);
  EXPECT_EQ(my.socket(), "/run/mysqld/mysqld.sock");
  EXPECT_EQ(my.host(), "");
  EXPECT_EQ(DatabaseUrl::parse("mysql://u@[::1]:3307/crm").host(), "::1");
  EXPECT_EQ(DatabaseUrl::parse("mysql://u@[::1]:3307/crm").port(), 3307);
}

TEST(DatabaseUrlTest, AcceptsAnUnencodedAtSignInThePassword) {
  const auto url = DatabaseUrl::parse("mysql://crm:p@ss@db:3306/crm");
  EXPECT_EQ(url.password(), "p@ss");
  EXPECT_EQ(url.host(), "db");
}

TEST(DatabaseUrlTest, RedactsThePasswordAndRoundTrips) {
  const std::string text = "postgresql://crm:p%40ss%3Aw%2Frd@db:5432/crm_main";
  const auto url = DatabaseUrl::parse(text);
  EXPECT_EQ(url.redacted(), "postgresql://crm:***@db:5432/crm_main");
  EXPECT_EQ(DatabaseUrl::parse(url.str()).password(), "p@ss:w/rd");
  EXPECT_EQ(url.with_database("other").redacted(), "postgresql://crm:***@db:5432/other");
  EXPECT_EQ(DatabaseUrl::parse("sqlite:///var/lib/a.db").redacted(), "sqlite:///var/lib/a.db");
}

TEST(DatabaseUrlTest, NamesTheProblemWithoutThePassword) {
  EXPECT_NE(error_of("oracle://u:secret@h/db").find("unknown scheme 'oracle'"), std::string::npos);
  EXPECT_NE(error_of("/var/lib/crmsync.db").find("expected <scheme>://"), std::string::npos);
  EXPECT_NE(error_of("sqlite://").find("no database file"), std::string::npos);
  for (const std::string url :
       {"postgresql://u:secret@h:notaport/db", "postgresql://u:secret@h:70000/db", "mysql://u:secret@h:3306",
        "mysql://u:secret@h/db?sslmode=require", "postgresql://u:sec%zzret@h/db", "mysql://u:secret@/db"}) {
    const std::string message = error_of(url);
    EXPECT_FALSE(message.empty()) << url;
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
    EXPECT_EQ(message.find("sec%zzret"), std::string::npos) << message;
  }
  EXPECT_NE(error_of("postgresql://u:secret@h:notaport/db").find("port 'notaport'"), std::string::npos);
  EXPECT_NE(error_of("mysql://u:secret@h/db?sslmode=require").find("unknown parameter 'sslmode'"),
            std::string::npos);
}

}  // namespace
}  // namespace crmsync::store
