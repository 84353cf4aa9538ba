#include "soql_query.hpp"

#include "salesforce_time.hpp"

namespace crmsync::salesforce {
namespace {

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

std::string SoqlQuery::build(const SalesforceStream& stream, const SalesforceCursor& cursor,
                             bool select_currency) {
  std::vector<std::string> fields = stream.fields;
  if (stream.has_currency && select_currency) fields.emplace_back("CurrencyIsoCode");
  if (!stream.child_relationship.empty()) {
    fields.push_back("(SELECT " + joined(stream.child_fields) + " FROM " + stream.child_relationship +
                     " ORDER BY Id)");
  }
  std::string soql = "SELECT " + joined(fields) + " FROM " + stream.sobject;
  if (auto since = cursor.modstamp_millis())
    soql += " WHERE SystemModstamp >= " + SalesforceTime::soql_literal(*since);
  soql += " ORDER BY SystemModstamp ASC, Id ASC";
  return soql;
}

}  // namespace crmsync::salesforce
