#include "salesforce_stream.hpp"

namespace crmsync::salesforce {

const std::vector<SalesforceStream>& SalesforceStream::all() {
  static const std::vector<SalesforceStream> streams = {
      {"accounts",
       sdk::EntityType::customer,
       "Account",
       {"Id", "Name", "Phone", "Website", "AccountNumber", "Type", "Industry", "BillingStreet", "BillingCity",
        "BillingPostalCode", "BillingCountry", "OwnerId", "IsDeleted", "SystemModstamp"},
       "",
       {},
       false},
      {"contacts",
       sdk::EntityType::customer,
       "Contact",
       {"Id", "FirstName", "LastName", "Name", "Email", "Phone", "MobilePhone", "AccountId", "Account.Name",
        "Birthdate", "MailingStreet", "MailingCity", "MailingPostalCode", "MailingCountry", "OwnerId",
        "IsDeleted", "SystemModstamp"},
       "",
       {},
       false},
      {"orders",
       sdk::EntityType::order,
       "Order",
       {"Id", "OrderNumber", "AccountId", "Status", "EffectiveDate", "TotalAmount", "IsDeleted",
        "SystemModstamp"},
       "OrderItems",
       {"Id", "Product2Id", "Product2.ProductCode", "Product2.Name", "Description", "Quantity", "UnitPrice",
        "TotalPrice"},
       true},
      {"feedback",
       sdk::EntityType::feedback,
       "Case",
       {"Id", "CaseNumber", "AccountId", "ContactId", "Subject", "Description", "Status", "Priority",
        "Origin", "CreatedDate", "IsDeleted", "SystemModstamp"},
       "",
       {},
       false},
  };
  return streams;
}

const SalesforceStream* SalesforceStream::find(const std::string& name) {
  for (const auto& stream : all()) {
    if (stream.name == name) return &stream;
  }
  return nullptr;
}

}  // namespace crmsync::salesforce
