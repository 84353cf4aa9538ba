#include "daemon/identity/identity_record_builder.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

model::Customer customer_named(std::string name) {
  model::Customer c;
  c.name = std::move(name);
  return c;
}

TEST(IdentityRecordBuilder, InvalidPhoneIsNotAnIdentifier) {
  model::Customer c = customer_named("Ann Lee");
  c.phone = model::Phone{"12345", "", false};
  EXPECT_TRUE(IdentityRecordBuilder().from_customer("1", c).phone.empty());
  // Even a stray E.164 form on an invalid number is not trusted.
  c.phone = model::Phone{"+61 400", "+61400", false};
  EXPECT_TRUE(IdentityRecordBuilder().from_customer("1", c).phone.empty());
}

TEST(IdentityRecordBuilder, RoleMailboxIsNotAnIdentifier) {
  model::Customer c = customer_named("Ann Lee");
  c.email = model::Email{"Info@ACME.example", "Info@acme.example"};
  EXPECT_TRUE(IdentityRecordBuilder().from_customer("1", c).email.empty());
  c.email = model::Email{"information@acme.example", "information@acme.example"};
  EXPECT_EQ(IdentityRecordBuilder().from_customer("1", c).email, "information@acme.example");
}

TEST(IdentityRecordBuilder, ValidPhoneAndCanonicalEmailAreKept) {
  model::Customer c = customer_named("Ann Lee");
  c.phone = model::Phone{"0412 345 678", "+61412345678", true};
  c.email = model::Email{"Ann@Example.com", "Ann@example.com"};
  const IdentityRecord r = IdentityRecordBuilder().from_customer("1", c);
  EXPECT_EQ(r.phone, "+61412345678");
  EXPECT_EQ(r.email, "ann@example.com");
}

TEST(IdentityRecordBuilder, SplitsLatinNamesButNotHanNames) {
  const IdentityRecordBuilder builder;
  const IdentityRecord latin = builder.from_customer("1", customer_named("Mary Ann Jones"));
  EXPECT_EQ(latin.given_name, "mary ann");
  EXPECT_EQ(latin.family_name, "jones");
  const IdentityRecord han = builder.from_customer("2", customer_named("张伟"));
  EXPECT_TRUE(han.given_name.empty());
  EXPECT_TRUE(han.family_name.empty());
  EXPECT_EQ(han.name_key, builder.from_customer("3", customer_named("Wei Zhang")).name_key);
}

TEST(IdentityRecordBuilder, DateOfBirthBecomesDigits) {
  model::Customer c = customer_named("Ann Lee");
  c.date_of_birth = "1980-03-07";
  EXPECT_EQ(IdentityRecordBuilder().from_customer("1", c).date_of_birth, "19800307");
}

TEST(IdentityRecordBuilder, LatinHouseNumberIsSplitFromTheStreet) {
  const IdentityRecordBuilder builder;
  model::Customer c = customer_named("Ann Lee");
  c.address = "Hauptstraße 12a";
  IdentityRecord r = builder.from_customer("1", c);
  EXPECT_EQ(r.address, "hauptstrasse");
  EXPECT_EQ(r.street_number, "12a");
  c.address = "12 High Street";
  r = builder.from_customer("2", c);
  EXPECT_EQ(r.address, "high street");
  EXPECT_EQ(r.street_number, "12");
  // Two numbers: which one is the house is not clear, so nothing moves.
  c.address = "Flat 3, 12 High Street";
  r = builder.from_customer("3", c);
  EXPECT_EQ(r.address, "flat 3 12 high street");
  EXPECT_TRUE(r.street_number.empty());
  EXPECT_FALSE(r.address_in_han);
}

TEST(IdentityRecordBuilder, GivenStreetNumberLeavesTheAddressAlone) {
  IdentityRecord r;
  r.street_number = "7";
  r.address = "Theodore Street 12";
  IdentityRecordBuilder().normalize(r);
  EXPECT_EQ(r.street_number, "7");
  EXPECT_EQ(r.address, "theodore street 12");
}

TEST(IdentityRecordBuilder, HanAddressLosesItsCityAndHouseNumber) {
  model::Customer c = customer_named("马军");
  c.city = "深圳";
  c.address = "深圳市南京路801号";
  const IdentityRecord r = IdentityRecordBuilder().from_customer("1", c);
  EXPECT_TRUE(r.address_in_han);
  EXPECT_EQ(r.address, "nan jing lu");
  EXPECT_EQ(r.street_number, "801");
  EXPECT_EQ(r.locality, "shen zhen");
}

}  // namespace
}  // namespace crmsync::identity
