#include "daemon/identity/golden_record_builder.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

MemberRecord member(long long id, std::string instance, std::string updated_at, model::Customer customer) {
  return {id, std::move(instance), std::move(updated_at), std::move(customer)};
}

model::Customer named(std::string name) {
  model::Customer c;
  c.name = std::move(name);
  return c;
}

const FieldLineage* lineage_of(const GoldenRecord& golden, std::string_view field) {
  const auto found = std::find_if(golden.lineage.begin(), golden.lineage.end(),
                                  [&](const FieldLineage& l) { return l.field == field; });
  return found == golden.lineage.end() ? nullptr : &*found;
}

TEST(GoldenRecordBuilder, TheMostRecentValueWinsByDefaultAndTheLineageSaysWhy) {
  const GoldenRecordBuilder builder(SurvivorshipRules::defaults());
  const auto golden = builder.build({member(1, "crm", "2026-01-01T00:00:00Z", named("Ada Lovelace")),
                                     member(2, "erp", "2026-03-01T00:00:00Z", named("Ada King"))});
  EXPECT_EQ(golden.customer.name, "Ada King");
  const auto* name = lineage_of(golden, "name");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->source_record_id, 2);
  EXPECT_EQ(name->rule, "most_recent");
  EXPECT_EQ(golden.updated_at, "2026-03-01T00:00:00Z");
}

TEST(GoldenRecordBuilder, AValueOnlyOneRecordKnowsIsASingleSource) {
  auto with_city = named("Ada");
  with_city.city = "London";
  const auto golden = GoldenRecordBuilder(SurvivorshipRules::defaults())
                          .build({member(1, "crm", "2026-01-01T00:00:00Z", with_city),
                                  member(2, "erp", "2026-03-01T00:00:00Z", named("Ada"))});
  EXPECT_EQ(golden.customer.city, "London");
  EXPECT_EQ(lineage_of(golden, "city")->rule, "single_source");
  EXPECT_EQ(lineage_of(golden, "city")->source_record_id, 1);
}

TEST(GoldenRecordBuilder, SourcePriorityPrefersTheListedInstanceAndFallsBackWhenItHasNoValue) {
  SurvivorshipRules rules = SurvivorshipRules::defaults();
  rules.fields["owner"] = {SurvivorshipRule::kSourcePriority, {"erp", "crm"}, SurvivorshipRule::kMostRecent};
  auto crm = named("Bo");
  crm.owner = "crm-owner";
  auto erp = named("Bo");
  erp.owner = "erp-owner";
  auto shop = named("Bo");
  shop.owner = "shop-owner";
  const GoldenRecordBuilder builder(rules);
  const auto golden = builder.build({member(1, "crm", "2026-05-01T00:00:00Z", crm),
                                     member(2, "erp", "2026-01-01T00:00:00Z", erp),
                                     member(3, "shop", "2026-06-01T00:00:00Z", shop)});
  EXPECT_EQ(golden.customer.owner, "erp-owner");
  EXPECT_EQ(lineage_of(golden, "owner")->rule, "source_priority");

  const auto fallback = builder.build({member(1, "crm", "2026-05-01T00:00:00Z", named("Bo")),
                                       member(3, "shop", "2026-06-01T00:00:00Z", shop),
                                       member(4, "web", "2026-07-01T00:00:00Z", named("Bo"))});
  EXPECT_EQ(fallback.customer.owner, "shop-owner");
  EXPECT_EQ(lineage_of(fallback, "owner")->rule, "single_source");
}

TEST(GoldenRecordBuilder, AMajorityDateOfBirthOutvotesANewerTypo) {
  auto right = named("Cy");
  right.date_of_birth = "1980-02-14";
  auto typo = named("Cy");
  typo.date_of_birth = "1980-02-41";
  const auto golden = GoldenRecordBuilder(SurvivorshipRules::defaults())
                          .build({member(1, "crm", "2025-01-01T00:00:00Z", right),
                                  member(2, "erp", "2025-02-01T00:00:00Z", right),
                                  member(3, "shop", "2026-01-01T00:00:00Z", typo)});
  EXPECT_EQ(golden.customer.date_of_birth, "1980-02-14");
  EXPECT_EQ(lineage_of(golden, "date_of_birth")->rule, "most_frequent");
}

TEST(GoldenRecordBuilder, TheFullestAddressWins) {
  auto short_address = named("Di");
  short_address.address = "Hauptstr. 5";
  auto full_address = named("Di");
  full_address.address = "Hauptstraße 5, Hinterhaus, 3. OG";
  const auto golden = GoldenRecordBuilder(SurvivorshipRules::defaults())
                          .build({member(1, "crm", "2024-01-01T00:00:00Z", full_address),
                                  member(2, "erp", "2026-01-01T00:00:00Z", short_address)});
  EXPECT_EQ(golden.customer.address, "Hauptstraße 5, Hinterhaus, 3. OG");
  EXPECT_EQ(lineage_of(golden, "address")->rule, "most_complete");
}

TEST(GoldenRecordBuilder, AValidPhoneBeatsANewerInvalidOne) {
  auto valid = named("Ed");
  valid.phone = model::Phone{"030 901820", "+4930901820", true};
  auto invalid = named("Ed");
  invalid.phone = model::Phone{"12345", "", false};
  const auto golden = GoldenRecordBuilder(SurvivorshipRules::defaults())
                          .build({member(1, "crm", "2024-01-01T00:00:00Z", valid),
                                  member(2, "erp", "2026-01-01T00:00:00Z", invalid)});
  ASSERT_TRUE(golden.customer.phone.has_value());
  EXPECT_EQ(golden.customer.phone->e164, "+4930901820");
}

TEST(GoldenRecordBuilder, TheOrderOfTheRecordsDoesNotMatter) {
  auto a = named("Fay Wong");
  a.email = model::Email{"fay@example.com", "fay@example.com"};
  auto b = named("王菲");
  b.city = "北京";
  const GoldenRecordBuilder builder(SurvivorshipRules::defaults());
  const auto one = builder.build(
      {member(1, "crm", "2026-01-01T00:00:00Z", a), member(2, "erp", "2026-01-01T00:00:00Z", b)});
  const auto two = builder.build(
      {member(2, "erp", "2026-01-01T00:00:00Z", b), member(1, "crm", "2026-01-01T00:00:00Z", a)});
  EXPECT_EQ(one.customer.name, two.customer.name);
  EXPECT_EQ(one.lineage.size(), two.lineage.size());
  for (std::size_t i = 0; i < one.lineage.size(); ++i) {
    EXPECT_EQ(one.lineage[i].source_record_id, two.lineage[i].source_record_id);
  }
}

}  // namespace
}  // namespace crmsync::identity
