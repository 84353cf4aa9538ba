#include "zoho_module.hpp"

namespace crmsync::zoho_crm {

const std::vector<ZohoModule>& zoho_modules() {
  static const std::vector<ZohoModule> modules{
      {"contacts", "Contacts", sdk::EntityType::customer, ZohoModule::Shape::contact,
       "First_Name,Last_Name,Full_Name,Email,Secondary_Email,Phone,Mobile,Account_Name,Mailing_Street,"
       "Mailing_City,Mailing_State,Mailing_Zip,Mailing_Country,Date_of_Birth,Title,Lead_Source,Owner,"
       "Created_Time,Modified_Time",
       false},
      {"accounts", "Accounts", sdk::EntityType::customer, ZohoModule::Shape::account,
       "Account_Name,Phone,Website,Billing_Street,Billing_City,Billing_State,Billing_Code,Billing_Country,"
       "Account_Type,Rating,Industry,Owner,Created_Time,Modified_Time",
       false},
      {"orders", "Sales_Orders", sdk::EntityType::order, ZohoModule::Shape::sales_order,
       "Subject,SO_Number,Status,Account_Name,Contact_Name,Sub_Total,Grand_Total,Currency,Owner,Created_Time,"
       "Modified_Time",
       true},
      {"feedback", "Notes", sdk::EntityType::feedback, ZohoModule::Shape::note,
       "Note_Title,Note_Content,Parent_Id,Owner,Created_Time,Modified_Time", false},
      {"cases", "Cases", sdk::EntityType::feedback, ZohoModule::Shape::support_case,
       "Subject,Description,Status,Priority,Case_Origin,Contact_Name,Account_Name,Owner,Created_Time,"
       "Modified_Time",
       false},
  };
  return modules;
}

const ZohoModule* find_zoho_module(const std::string& stream) {
  for (const auto& module : zoho_modules()) {
    if (module.stream == stream) return &module;
  }
  return nullptr;
}

}  // namespace crmsync::zoho_crm
