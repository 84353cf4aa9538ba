#include "salesforce_page_writer.hpp"

#include <cstdio>
#include <string>
#include <string_view>

#include "output_file.hpp"
#include "partner_row_formatter.hpp"
#include "text_escaping.hpp"

namespace crmsync::bench {
namespace {

constexpr std::int64_t kModstampBase = 1704067200;  // 2024-01-01T00:00:00Z
constexpr std::size_t kAccountEvery = 10;

std::string sf_id(std::string_view prefix, std::size_t number) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3sBN%010zuAAA", prefix.data(), number);
  return text;
}

// Three rows share each second, so page ends fall between equal stamps.
std::string modstamp(std::size_t sequence) {
  const CivilTime t = CivilTime::of(kModstampBase + static_cast<std::int64_t>(sequence / 3));
  char text[40];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.000+0000", t.year, t.month, t.day, t.hour,
                t.minute, t.second);
  return text;
}

std::string sf_date(std::int64_t epoch) {
  const CivilTime t = CivilTime::of(epoch);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", t.year, t.month, t.day);
  return text;
}

// A JSON object built member by member.
class JsonRow {
 public:
  explicit JsonRow(std::string_view type, const std::string& id) {
    text_ = "{\"attributes\":{\"type\":\"";
    text_ += type;
    text_ += "\"";
    if (!id.empty()) {
      text_ += ",\"url\":\"/services/data/v60.0/sobjects/";
      text_ += type;
      text_ += "/" + id + "\"";
    }
    text_ += "}";
    if (!id.empty()) text("Id", id);
  }
  JsonRow& text(std::string_view key, std::string_view value) {
    name(key);
    append_json_string(text_, value);
    return *this;
  }
  JsonRow& text_or_null(std::string_view key, std::string_view value) {
    return value.empty() ? raw(key, "null") : text(key, value);
  }
  JsonRow& raw(std::string_view key, std::string_view json) {
    name(key);
    text_ += json;
    return *this;
  }
  std::string done() { return text_ + "}"; }

 private:
  void name(std::string_view key) {
    text_ += ",\"";
    text_ += key;
    text_ += "\":";
  }
  std::string text_;
};

std::string account_id_of(std::size_t customer) {
  return sf_id("001", customer / kAccountEvery);
}

std::string contact_id_of(std::size_t customer) {
  return sf_id("003", customer - customer / kAccountEvery - 1);
}

std::string account_name(const SyntheticCustomer& c) {
  return c.company.empty() ? c.full_name : c.company;
}

}  // namespace

std::string SalesforcePageWriter::record_id(std::size_t number) {
  return number % kAccountEvery == 0 ? account_id_of(number) : contact_id_of(number);
}

SalesforcePageWriter::Counts SalesforcePageWriter::write(const std::filesystem::path& directory) const {
  std::filesystem::create_directories(directory);
  const BackfillShape& shape = backfill_.shape();
  Counts counts;
  OutputFile accounts(directory / "Account.jsonl");
  OutputFile contacts(directory / "Contact.jsonl");
  std::size_t account_sequence = 0;
  std::size_t contact_sequence = 0;
  std::string account_of_group;
  for (std::size_t n = 0; n < shape.customers; ++n) {
    const SyntheticCustomer c = backfill_.customer(n);
    const CsvRow row = PartnerRowFormatter::customer_row(c);
    const std::string email = c.partner == Partner::huadong ? row[4] : row[3];
    const std::string phone = PartnerRowFormatter::phone_text(c.phone, c.phone_style);
    if (n % kAccountEvery == 0) {
      account_of_group = account_name(c);
      accounts.write(JsonRow("Account", account_id_of(n))
                         .text("Name", account_of_group)
                         .text_or_null("Phone", c.bad == BadValue::phone ? "n/a" : phone)
                         .raw("Website", "null")
                         .text("AccountNumber", c.external_id)
                         .text("Type", "Customer - Direct")
                         .text("Industry", "Wholesale")
                         .text("BillingStreet", c.street)
                         .text("BillingCity", c.city)
                         .text_or_null("BillingPostalCode", c.postcode)
                         .text("BillingCountry", c.country)
                         .text("OwnerId", "005BN000000AAAA")
                         .raw("IsDeleted", "false")
                         .text("SystemModstamp", modstamp(account_sequence++))
                         .done() +
                     ",\n");
      ++counts.records;
    } else {
      const std::string stamp = modstamp(contact_sequence++);
      JsonRow contact("Contact", contact_id_of(n));
      contact.text("FirstName", c.given_name)
          .text("LastName", c.family_name)
          .text("Name", c.full_name)
          .text_or_null("Email", email)
          .text_or_null("Phone", c.bad == BadValue::phone ? "n/a" : phone)
          .raw("MobilePhone", "null")
          .text("AccountId", account_id_of(n))
          .raw("Account", JsonRow("Account", "").text("Name", account_of_group).done())
          .raw("Birthdate", "null")
          .text("MailingStreet", c.street)
          .text("MailingCity", c.city)
          .text_or_null("MailingPostalCode", c.postcode)
          .text("MailingCountry", c.country)
          .text("OwnerId", "005BN000000AAAA")
          .raw("IsDeleted", "false")
          .text("SystemModstamp", stamp);
      contacts.write(contact.done() + ",\n");
      ++counts.records;
      if (c.rejected != RejectedRow::none) {
        contacts.write(
            JsonRow("Contact", "").text("LastName", c.family_name).text("SystemModstamp", stamp).done() +
            ",\n");
        ++counts.rejected_rows;
      }
    }
  }
  accounts.close();
  contacts.close();

  OutputFile orders(directory / "Order.jsonl");
  std::size_t item_number = 0;
  for (std::size_t n = 0; n < shape.orders; ++n) {
    const SyntheticOrder o = backfill_.order(n);
    std::string items = "{\"totalSize\":" + std::to_string(o.lines.size()) + ",\"done\":true,\"records\":[";
    for (std::size_t i = 0; i < o.lines.size(); ++i) {
      const auto& line = o.lines[i];
      if (i != 0) items += ',';
      const std::string product = sf_id("01t", static_cast<std::size_t>(line.sku.back() - '0'));
      items +=
          JsonRow("OrderItem", sf_id("802", item_number++))
              .text("Product2Id", product)
              .raw(
                  "Product2",
                  JsonRow("Product2", "").text("ProductCode", line.sku).text("Name", line.description).done())
              .raw("Description", "null")
              .raw("Quantity", std::to_string(line.quantity) + ".0")
              .raw("UnitPrice", format_cents(line.unit_cents))
              .raw("TotalPrice", format_cents(line.total_cents()))
              .done();
    }
    items += "]}";
    orders.write(
        JsonRow("Order", sf_id("801", n))
            .text("OrderNumber", o.order_number)
            .text("AccountId", account_id_of(o.customer))
            .text("Status", o.status == "new" ? "Draft" : "Activated")
            .text("EffectiveDate", sf_date(o.ordered_at))
            .raw("TotalAmount", o.bad == BadValue::amount ? "\"1O5,0O\"" : format_cents(o.total_cents()))
            .raw("IsDeleted", "false")
            .text("SystemModstamp", modstamp(n))
            .text("CurrencyIsoCode", o.currency)
            .raw("OrderItems", items)
            .done() +
        ",\n");
    ++counts.records;
  }
  orders.close();

  OutputFile cases(directory / "Case.jsonl");
  for (std::size_t n = 0; n < shape.feedback; ++n) {
    const SyntheticFeedback f = backfill_.feedback(n);
    const bool on_contact = f.customer % kAccountEvery != 0;
    cases.write(JsonRow("Case", sf_id("500", n))
                    .text("CaseNumber", std::to_string(10000000 + n))
                    .text("AccountId", account_id_of(f.customer))
                    .text_or_null("ContactId", on_contact ? contact_id_of(f.customer) : "")
                    .text("Subject", f.kind == "complaint" ? "Complaint" : "Feedback " + f.kind)
                    .text_or_null("Description", f.comment)
                    .text("Status", "New")
                    .text("Priority", "Medium")
                    .text("Origin", "Web")
                    .text("CreatedDate", modstamp(n))
                    .raw("IsDeleted", "false")
                    .text("SystemModstamp", modstamp(n))
                    .done() +
                ",\n");
    ++counts.records;
  }
  cases.close();
  return counts;
}

}  // namespace crmsync::bench
