#include "daemon/identity/record_comparator.hpp"

#include <gtest/gtest.h>

#include "daemon/identity/identity_record_builder.hpp"

namespace crmsync::identity {
namespace {

AgreementLevel level_of(const IdentityRecord& a, const IdentityRecord& b, MatchField field) {
  return RecordComparator::compare(a, b)[index_of(field)];
}

IdentityRecord at_address(const IdentityRecordBuilder& builder, std::string address) {
  model::Customer c;
  c.name = "马军";
  c.city = "深圳";
  c.address = std::move(address);
  return builder.from_customer("r", c);
}

// Transliterated, 南京路 and 建设路 share letters in every syllable; as
// characters they share only 路.
TEST(RecordComparator, HanStreetsOfOneTownAreToldApart) {
  const IdentityRecordBuilder builder;
  const auto nanjing = at_address(builder, "深圳市南京路801号");
  EXPECT_EQ(level_of(nanjing, at_address(builder, "深圳市建设路691号"), MatchField::kAddress),
            AgreementLevel::kDisagree);
  EXPECT_EQ(level_of(nanjing, at_address(builder, "南京路801号"), MatchField::kAddress),
            AgreementLevel::kExact);
  EXPECT_EQ(level_of(nanjing, at_address(builder, "深圳市南京路691号"), MatchField::kStreetNumber),
            AgreementLevel::kDisagree);
}

TEST(RecordComparator, OneSyllableOffInALongHanStreetIsWeak) {
  IdentityRecord a;
  IdentityRecord b;
  a.address_in_han = b.address_in_han = true;
  a.address = "zhong guan cun nan da jie";
  b.address = "zhong guan cun bei da jie";
  EXPECT_EQ(level_of(a, b, MatchField::kAddress), AgreementLevel::kWeak);
}

IdentityRecord named(const IdentityRecordBuilder& builder, std::string name) {
  model::Customer c;
  c.name = std::move(name);
  return builder.from_customer("r", c);
}

// 于鑫 and 于欣 read "yu xin" alike: near, as a pinyin input method's wrong
// pick is, not one name. Traditional and Simplified characters are one name,
// and so is a name in pinyin, which cannot tell.
TEST(RecordComparator, HomophoneHanNamesAreNearNotTheSame) {
  const IdentityRecordBuilder builder;
  const auto yu_xin = named(builder, "于鑫");
  EXPECT_EQ(level_of(yu_xin, named(builder, "于欣"), MatchField::kFullName), AgreementLevel::kStrong);
  EXPECT_EQ(level_of(yu_xin, named(builder, "于 鑫"), MatchField::kFullName), AgreementLevel::kExact);
  EXPECT_EQ(level_of(named(builder, "张伟"), named(builder, "張偉"), MatchField::kFullName),
            AgreementLevel::kExact);
  EXPECT_EQ(level_of(yu_xin, named(builder, "Xin Yu"), MatchField::kFullName), AgreementLevel::kExact);
}

TEST(RecordComparator, SwappedNeighbouringDigitsInATaxIdAreATypo) {
  IdentityRecord a;
  IdentityRecord b;
  a.tax_id = "8638391";
  b.tax_id = "8368391";
  EXPECT_EQ(level_of(a, b, MatchField::kTaxId), AgreementLevel::kStrong);
  b.tax_id = "8368319";  // two swaps
  EXPECT_EQ(level_of(a, b, MatchField::kTaxId), AgreementLevel::kDisagree);
}

}  // namespace
}  // namespace crmsync::identity
