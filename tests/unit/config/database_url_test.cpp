#include "daemon/config/database_url.hpp"

#include <gtest/gtest.h>

namespace crmsync::config {
namespace {

TEST(DatabaseUrlTest, RelativeSqlitePathBecomesAbsolute) {
  const auto url = DatabaseUrl::normalize("sqlite://state/crmsync.db", "/etc/crmsync");
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url.value(), "sqlite:///etc/crmsync/state/crmsync.db");
}

TEST(DatabaseUrlTest, AbsoluteSqlitePathAndServerUrlsAreKept) {
  EXPECT_EQ(DatabaseUrl::normalize("sqlite:///var/lib/crmsync/db", "/etc").value(),
            "sqlite:///var/lib/crmsync/db");
  EXPECT_EQ(DatabaseUrl::normalize("sqlite://:memory:", "/etc").value(), "sqlite://:memory:");
  EXPECT_EQ(DatabaseUrl::normalize("postgresql://crm@db/crm", "/etc").value(), "postgresql://crm@db/crm");
}

TEST(DatabaseUrlTest, UnknownSchemeIsRejectedWithoutEchoingTheUrl) {
  const auto url = DatabaseUrl::normalize("oracle://scott:tiger@db", "/etc");
  ASSERT_FALSE(url.has_value());
  EXPECT_EQ(url.error().find("tiger"), std::string::npos);
  EXPECT_FALSE(DatabaseUrl::normalize("just-a-file.db", "/etc").has_value());
}

TEST(DatabaseUrlTest, FindsPasswords) {
  EXPECT_EQ(DatabaseUrl::passwords("postgresql://crm:p%40ss@127.0.0.1:5432/crm"),
            std::vector<std::string>{"p%40ss"});
  EXPECT_EQ(DatabaseUrl::passwords("postgresql://dbname=crm user=crm password=hunter22 host=db"),
            std::vector<std::string>{"hunter22"});
  EXPECT_TRUE(DatabaseUrl::passwords("sqlite:///var/lib/crmsync/crmsync.db").empty());
}

}  // namespace
}  // namespace crmsync::config
