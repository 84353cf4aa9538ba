#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/model/country_normalizer.hpp"
#include "daemon/model/customer.hpp"
#include "daemon/model/email_normalizer.hpp"
#include "daemon/model/name_normalizer.hpp"
#include "daemon/model/phone_normalizer.hpp"

namespace crmsync::model {

// Builds a Customer from a record's fields. Doubtful contact data (an invalid
// e-mail or phone, an unknown country) is kept and reported in `warnings`;
// a customer without any name, e-mail, phone or company is rejected.
class CustomerNormalizer {
 public:
  explicit CustomerNormalizer(const PhoneNormalizer& phones);

  [[nodiscard]] Expected<Customer, std::string> normalize(const sdk::FieldMap& fields,
                                                          std::vector<std::string>& warnings) const;

 private:
  void read_contact(const sdk::FieldMap& fields, Customer& customer,
                    std::vector<std::string>& warnings) const;
  void read_location(const sdk::FieldMap& fields, Customer& customer,
                     std::vector<std::string>& warnings) const;

  const PhoneNormalizer& phones_;
  EmailNormalizer emails_;
  NameNormalizer names_;
  CountryNormalizer countries_;
};

}  // namespace crmsync::model
