#include "daemon/identity/identity_record_builder.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "daemon/identity/han_address.hpp"
#include "daemon/identity/token_set_similarity.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::identity {

namespace {

std::string alphanumeric_only(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9') out += c;
    if (c >= 'a' && c <= 'z') out += c;
    if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string lower_ascii(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return text;
}

// Mailboxes that name a role, not a person (RFC 2142 and their everyday
// cousins): shared by whoever answers them, so they identify nobody. Counting
// holders catches the rest, but only once enough records share one.
bool is_role_mailbox(std::string_view address) {
  static constexpr std::string_view kRoles[] = {
      "abuse",      "admin",   "billing",  "contact",   "enquiries", "finance",    "hello",      "help",
      "hostmaster", "hr",      "info",     "inquiries", "invoice",   "jobs",       "mail",       "marketing",
      "noc",        "noreply", "no-reply", "office",    "orders",    "postmaster", "purchasing", "sales",
      "security",   "service", "support",  "team",      "webmaster"};
  const auto at = address.find('@');
  if (at == std::string_view::npos) return false;
  const auto local = address.substr(0, at);
  return std::find(std::begin(kRoles), std::end(kRoles), local) != std::end(kRoles);
}

// "12", "12a": a house number as one token of a folded address.
bool is_house_number(std::string_view token) {
  if (token.empty() || token.front() < '0' || token.front() > '9') return false;
  const auto digits = std::find_if(token.begin(), token.end(), [](char c) { return c < '0' || c > '9'; });
  const auto rest = static_cast<std::size_t>(token.end() - digits);
  return rest == 0 || (rest == 1 && *digits >= 'a' && *digits <= 'z');
}

// The house number of a folded address written in one piece, first or last
// ("hauptstrasse 12", "12 high street"), moves to street_number: on its own
// a number differs by a character or two where the street is the same
// ("gartenweg 14" and "gartenweg 147" look nearly alike), and it is what
// tells two houses of one street apart.
void split_house_number(IdentityRecord& record) {
  const auto tokens = TokenSetSimilarity::tokens(record.address);
  if (tokens.size() < 2) return;
  const bool last = is_house_number(tokens.back());
  if (!last && !is_house_number(tokens.front())) return;
  const auto number = last ? tokens.back() : tokens.front();
  std::string street;
  for (const auto token : tokens) {
    if (token.data() == number.data()) continue;
    if (!street.empty()) street += ' ';
    street += token;
  }
  record.street_number = std::string(number);
  record.address = std::move(street);
}

}  // namespace

IdentityRecord IdentityRecordBuilder::from_customer(std::string id, const model::Customer& customer) const {
  IdentityRecord record;
  record.id = std::move(id);
  const std::string& name = customer.name;
  // Names in scripts that write family-first without spaces are not split:
  // only the order-free full-name key compares them.
  if (customer.kind == "person" && !model::unicode_text::contains_east_asian_script(name)) {
    const std::string folded = han_.ascii_fold(name);
    const auto space = folded.rfind(' ');
    if (space != std::string::npos) {
      record.given_name = folded.substr(0, space);
      record.family_name = folded.substr(space + 1);
    }
  }
  record.full_name = name;
  if (customer.email) {
    record.email = lower_ascii(customer.email->canonical);
    if (is_role_mailbox(record.email)) record.email.clear();
  }
  if (customer.phone && customer.phone->valid) record.phone = customer.phone->e164;
  record.tax_id = customer.tax_id;
  record.company = customer.company;
  record.address = customer.address;
  record.locality = customer.city;
  record.postcode = customer.postcode;
  record.date_of_birth = customer.date_of_birth;
  record.same_record = customer.same_as;
  normalize(record);
  return record;
}

void IdentityRecordBuilder::normalize(IdentityRecord& record) const {
  record.given_name = han_.ascii_fold(record.given_name);
  record.family_name = han_.ascii_fold(record.family_name);
  if (record.full_name.empty()) {
    record.full_name = record.given_name.empty() || record.family_name.empty()
                           ? record.given_name + record.family_name
                           : record.given_name + " " + record.family_name;
  }
  auto name = han_.fold_with_han(record.full_name);
  record.full_name = std::move(name.ascii);
  if (record.name_in_han.empty()) record.name_in_han = std::move(name.han);
  record.name_key = HanNameKey::key_of_folded(record.full_name);
  record.tax_id = alphanumeric_only(record.tax_id);
  record.date_of_birth = alphanumeric_only(record.date_of_birth);
  if (record.date_of_birth.size() != 8) record.date_of_birth.clear();
  record.postcode = alphanumeric_only(record.postcode);
  record.company = han_.ascii_fold(record.company);
  if (!model::unicode_text::is_ascii(record.address)) {
    auto parts = HanAddress::split(record.address);
    if (parts.in_han) {
      record.address_in_han = true;
      record.address = std::move(parts.street);
      if (record.street_number.empty()) record.street_number = std::move(parts.house_number);
    }
  }
  record.street_number = han_.ascii_fold(record.street_number);
  record.address = han_.ascii_fold(record.address);
  if (record.street_number.empty()) split_house_number(record);
  record.locality = han_.ascii_fold(record.locality);
  record.state = han_.ascii_fold(record.state);
}

}  // namespace crmsync::identity
