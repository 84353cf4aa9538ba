#include "daemon/identity/shared_key_evidence.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(SharedKeyEvidence, CommonNameAloneIsNoReasonToCompare) {
  SharedKeyEvidence evidence;
  evidence.add(KeyGroup::name, false);
  evidence.add(KeyGroup::name, false);  // the name key and its Soundex: still one kind
  EXPECT_FALSE(evidence.worth_comparing());
}

TEST(SharedKeyEvidence, IdentifierRareKeyOrTwoKindsAreEachEnough) {
  SharedKeyEvidence identifier;
  identifier.add(KeyGroup::identifier, false);
  EXPECT_TRUE(identifier.worth_comparing());

  SharedKeyEvidence rare;
  rare.add(KeyGroup::name, true);
  EXPECT_TRUE(rare.worth_comparing());

  SharedKeyEvidence two_kinds;
  two_kinds.add(KeyGroup::name, false);
  two_kinds.add(KeyGroup::date_of_birth, false);
  EXPECT_TRUE(two_kinds.worth_comparing());
}

TEST(SharedKeyEvidence, KeysCountedApartAddUpWhenCombined) {
  // The resolver collects one entry per shared key and folds a pair's entries.
  SharedKeyEvidence name;
  name.add(KeyGroup::name, false);
  SharedKeyEvidence postcode;
  postcode.add(KeyGroup::family_postcode, false);
  ASSERT_FALSE(name.worth_comparing());
  ASSERT_FALSE(postcode.worth_comparing());

  name.add(postcode);
  EXPECT_TRUE(name.worth_comparing());

  SharedKeyEvidence same_kind;
  same_kind.add(KeyGroup::address, false);
  SharedKeyEvidence again;
  again.add(KeyGroup::address, false);
  same_kind.add(again);
  EXPECT_FALSE(same_kind.worth_comparing());
}

}  // namespace
}  // namespace crmsync::identity
