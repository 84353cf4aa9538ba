#include "daemon/model/customer_normalizer.hpp"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace crmsync::model {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class CustomerNormalizerTest : public ::testing::Test {
 protected:
  Expected<Customer, std::string> normalize(const sdk::FieldMap& fields) {
    warnings.clear();
    return customers.normalize(fields, warnings);
  }

  PhoneNormalizer phones{"CN"};
  CustomerNormalizer customers{phones};
  std::vector<std::string> warnings;
};

TEST_F(CustomerNormalizerTest, ChineseCustomerKeepsChineseNameAndGetsCanonicalContacts) {
  const auto customer = normalize({{"name", " 张三 "},
                                   {"email", "ZhangSan@QQ.COM"},
                                   {"phone", "138-0013-8000"},
                                   {"country", "中国"},
                                   {"city", "北京"}});
  ASSERT_TRUE(customer.has_value()) << customer.error();
  EXPECT_EQ(customer->kind, "person");
  EXPECT_EQ(customer->name, "张三");
  EXPECT_EQ(customer->name_key, "张三");
  EXPECT_EQ(customer->email->canonical, "ZhangSan@qq.com");
  EXPECT_EQ(customer->phone->e164, "+8613800138000");
  EXPECT_EQ(customer->country, "CN");
  EXPECT_EQ(customer->city, "北京");
  EXPECT_THAT(warnings, IsEmpty());
}

TEST_F(CustomerNormalizerTest, ComposesNameFromChineseParts) {
  const auto customer = normalize({{"given_name", "娜娜"}, {"family_name", "欧阳"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->name, "欧阳娜娜");
}

TEST_F(CustomerNormalizerTest, ComposesNameFromLatinParts) {
  const auto customer = normalize({{"given_name", "Ann"}, {"family_name", "LEE"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->name, "Ann LEE");
  EXPECT_EQ(customer->name_key, "ann lee");
}

TEST_F(CustomerNormalizerTest, NameFieldWinsOverParts) {
  const auto customer = normalize({{"name", "Ann Lee-Smith"}, {"given_name", "Ann"}, {"family_name", "Lee"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->name, "Ann Lee-Smith");
}

TEST_F(CustomerNormalizerTest, FullWidthNameKeepsDisplayFormButKeyIsFolded) {
  const auto customer = normalize({{"name", "ＪＯＨＮ\u3000Smith"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->name, "ＪＯＨＮ Smith");
  EXPECT_EQ(customer->name_key, "john smith");
}

TEST_F(CustomerNormalizerTest, InvalidPhoneIsKeptRawAndWarnedWithoutItsValue) {
  const auto customer = normalize({{"name", "Li Lei"}, {"phone", "12345"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_FALSE(customer->phone->valid);
  EXPECT_EQ(customer->phone->raw, "12345");
  ASSERT_THAT(warnings, ElementsAre(HasSubstr("field 'phone' is not a valid phone number")));
  EXPECT_THAT(warnings[0], HasSubstr("CN"));
  EXPECT_THAT(warnings[0], ::testing::Not(HasSubstr("12345")));
}

TEST_F(CustomerNormalizerTest, LocalPhoneReadsInTheRecordsOwnCountry) {
  // The instance defaults to CN, but this customer is in Germany.
  const auto customer =
      normalize({{"name", "Jonas Weber"}, {"phone", "030 1234567"}, {"country", "Germany"}});
  ASSERT_TRUE(customer.has_value()) << customer.error();
  EXPECT_EQ(customer->phone->e164, "+49301234567");
  EXPECT_TRUE(customer->phone->valid);
}

TEST_F(CustomerNormalizerTest, CountryInItsOwnLanguageDecidesHowALocalPhoneReads) {
  // A German partner's export: "Deutschland", and a mobile number without +49.
  const auto customer =
      normalize({{"name", "Daan Bauer"}, {"phone", "0171-0226845"}, {"country", "Deutschland"}});
  ASSERT_TRUE(customer.has_value()) << customer.error();
  EXPECT_EQ(customer->country, "DE");
  EXPECT_EQ(customer->phone->e164, "+491710226845");
  EXPECT_TRUE(customer->phone->valid);
  EXPECT_THAT(warnings, IsEmpty());
}

TEST_F(CustomerNormalizerTest, LocalPhoneWithoutCountryUsesTheDefaultRegion) {
  const auto customer = normalize({{"name", "王芳"}, {"phone", "(010) 6552 8888"}});
  ASSERT_TRUE(customer.has_value()) << customer.error();
  EXPECT_EQ(customer->phone->e164, "+861065528888");
}

TEST_F(CustomerNormalizerTest, InvalidEmailIsKeptRawAndWarnedWithoutItsValue) {
  const auto customer = normalize({{"name", "Li Lei"}, {"email", "lilei at qq"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->email->raw, "lilei at qq");
  EXPECT_EQ(customer->email->canonical, "");
  ASSERT_THAT(warnings, ElementsAre(HasSubstr("field 'email' is not a valid e-mail address")));
  EXPECT_THAT(warnings[0], ::testing::Not(HasSubstr("lilei")));
}

TEST_F(CustomerNormalizerTest, UnknownCountryIsLeftEmptyWithWarning) {
  const auto customer = normalize({{"name", "Li Lei"}, {"country", "Atlantis"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->country, "");
  EXPECT_THAT(warnings, ElementsAre("field 'country': 'Atlantis' is not a known country; left empty"));
}

TEST_F(CustomerNormalizerTest, AbsentContactFieldsStayAbsent) {
  const auto customer = normalize({{"name", "Li Lei"}, {"email", "  "}, {"phone", ""}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_FALSE(customer->email.has_value());
  EXPECT_FALSE(customer->phone.has_value());
}

TEST_F(CustomerNormalizerTest, CustomerWithNothingToIdentifyItIsRejected) {
  const auto customer = normalize({{"city", "Shanghai"}, {"name", " \u3000"}});
  ASSERT_FALSE(customer.has_value());
  EXPECT_EQ(customer.error(), "customer has no name, email, phone or company");
}

TEST_F(CustomerNormalizerTest, InvalidEmailAloneStillIdentifiesTheCustomer) {
  EXPECT_TRUE(normalize({{"email", "not-an-address"}}).has_value());
}

TEST_F(CustomerNormalizerTest, StatedOrganisationKindsAreRecognised) {
  for (const char* kind : {"org", "Company", "organisation", "ORGANIZATION", "account"}) {
    const auto customer = normalize({{"kind", kind}, {"name", "Acme"}});
    ASSERT_TRUE(customer.has_value());
    EXPECT_EQ(customer->kind, "organisation") << kind;
  }
}

TEST_F(CustomerNormalizerTest, CompanyWithoutPersonNameIsAnOrganisationNamedAfterIt) {
  const auto customer = normalize({{"company", "  北京  字节 科技 "}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->kind, "organisation");
  EXPECT_EQ(customer->company, "北京 字节 科技");
  EXPECT_EQ(customer->name, "北京 字节 科技");
  EXPECT_EQ(customer->name_key, "北京字节科技");
}

TEST_F(CustomerNormalizerTest, PersonWithCompanyStaysAPerson) {
  const auto customer = normalize({{"name", "Ann Lee"}, {"company", "Acme"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->kind, "person");
  EXPECT_EQ(customer->company, "Acme");
}

TEST_F(CustomerNormalizerTest, StatedPersonKindWinsOverCompanyRule) {
  const auto customer = normalize({{"kind", "person"}, {"company", "Acme"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->kind, "person");
  EXPECT_EQ(customer->name, "");
}

TEST_F(CustomerNormalizerTest, UnrecognisedKindIsGuessedAndWarned) {
  const auto customer = normalize({{"kind", "robot"}, {"company", "Acme"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->kind, "organisation");
  EXPECT_THAT(warnings, ElementsAre(HasSubstr("field 'kind': 'robot'")));
}

TEST_F(CustomerNormalizerTest, DateOfBirthIsIsoDateOrWarned) {
  const auto good = normalize({{"name", "A"}, {"date_of_birth", "1990/07/04"}});
  ASSERT_TRUE(good.has_value());
  EXPECT_EQ(good->date_of_birth, "1990-07-04");
  const auto dotted = normalize({{"name", "A"}, {"date_of_birth", "04.07.1990"}});
  ASSERT_TRUE(dotted.has_value());
  EXPECT_EQ(dotted->date_of_birth, "1990-07-04") << "dotted dates are day first";
  const auto bad = normalize({{"name", "A"}, {"date_of_birth", "07/04/1990"}});
  ASSERT_TRUE(bad.has_value());
  EXPECT_EQ(bad->date_of_birth, "");
  EXPECT_THAT(warnings, ElementsAre(HasSubstr("field 'date_of_birth' is not a date")));
}

TEST_F(CustomerNormalizerTest, PlainFieldsAreTrimmed) {
  const auto customer = normalize({{"name", "A"},
                                   {"address", " 1 Main St "},
                                   {"postcode", " 100000 "},
                                   {"tax_id", " 91110000 "},
                                   {"tier", "gold "},
                                   {"lifecycle_stage", " customer"},
                                   {"owner", " sales-1 "}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_EQ(customer->address, "1 Main St");
  EXPECT_EQ(customer->postcode, "100000");
  EXPECT_EQ(customer->tax_id, "91110000");
  EXPECT_EQ(customer->tier, "gold");
  EXPECT_EQ(customer->lifecycle_stage, "customer");
  EXPECT_EQ(customer->owner, "sales-1");
}

TEST_F(CustomerNormalizerTest, SameRecordIdsInOtherInstancesBecomeReferences) {
  const auto customer = normalize({{"name", "A"},
                                   {"same_as.zoho", " 3652397000000624001 "},
                                   {"same_as.hubspot", "51"},
                                   {"same_as.odoo", " "},
                                   {"same_as.", "7"}});
  ASSERT_TRUE(customer.has_value());
  EXPECT_THAT(customer->same_as, ElementsAre("hubspot:51", "zoho:3652397000000624001"))
      << "blank ids and a missing instance name say nothing";
}

}  // namespace
}  // namespace crmsync::model
