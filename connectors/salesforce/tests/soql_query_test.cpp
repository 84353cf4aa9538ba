#include "soql_query.hpp"

#include <gtest/gtest.h>

namespace crmsync::salesforce {
namespace {

TEST(SoqlQueryTest, FirstReadHasNoFilterAndAStableOrder) {
  const std::string soql = SoqlQuery::build(*SalesforceStream::find("contacts"), SalesforceCursor{}, true);
  EXPECT_EQ(soql.find("WHERE"), std::string::npos);
  EXPECT_NE(soql.find(" FROM Contact ORDER BY SystemModstamp ASC, Id ASC"), std::string::npos);
}

TEST(SoqlQueryTest, LaterReadsFilterInclusivelyFromTheCursorSecond) {
  SalesforceCursor cursor;
  cursor.advance(1714566896789, "003A");  // 2024-05-01T12:34:56.789Z
  const std::string soql = SoqlQuery::build(*SalesforceStream::find("accounts"), cursor, true);
  EXPECT_NE(soql.find("WHERE SystemModstamp >= 2024-05-01T12:34:56Z ORDER BY"), std::string::npos);
}

TEST(SoqlQueryTest, OrdersSelectTheirItemsAndCurrencyOnlyInMultiCurrencyOrgs) {
  const auto& orders = *SalesforceStream::find("orders");
  const std::string multi = SoqlQuery::build(orders, SalesforceCursor{}, true);
  EXPECT_NE(multi.find("CurrencyIsoCode"), std::string::npos);
  EXPECT_NE(multi.find("(SELECT Id, Product2Id"), std::string::npos);
  EXPECT_NE(multi.find("FROM OrderItems ORDER BY Id)"), std::string::npos);
  // Selecting CurrencyIsoCode in a single-currency org is an INVALID_FIELD error.
  EXPECT_EQ(SoqlQuery::build(orders, SalesforceCursor{}, false).find("CurrencyIsoCode"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::salesforce
