#include "ingest_ledger.hpp"

#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace crmsync::csv_drop {
namespace {

using testing::read_file;
using testing::TempDir;
using testing::write_file;

const std::string kHashA(64, 'a');
const std::string kHashB(64, 'b');

TEST(IngestLedger, MissingFileIsEmpty) {
  TempDir dir;
  IngestLedger ledger(dir.path() / ".ingested");
  std::string error;
  ASSERT_TRUE(ledger.load(error)) << error;
  EXPECT_FALSE(ledger.contains(kHashA));
}

TEST(IngestLedger, AppendedHashesSurviveReload) {
  TempDir dir;
  std::string error;
  {
    IngestLedger ledger(dir.path() / ".ingested");
    ASSERT_TRUE(ledger.append(kHashA, error)) << error;
    EXPECT_TRUE(ledger.contains(kHashA));
  }
  IngestLedger reloaded(dir.path() / ".ingested");
  ASSERT_TRUE(reloaded.load(error));
  EXPECT_TRUE(reloaded.contains(kHashA));
  EXPECT_FALSE(reloaded.contains(kHashB));
  EXPECT_EQ(read_file(dir.path() / ".ingested"), kHashA + "\n");
}

TEST(IngestLedger, SkipsJunkAndRecoversFromATornLine) {
  TempDir dir;
  write_file(dir.path() / ".ingested", kHashA + "\r\nnot a hash\n" + kHashB.substr(0, 10));
  IngestLedger ledger(dir.path() / ".ingested");
  std::string error;
  ASSERT_TRUE(ledger.load(error));
  EXPECT_TRUE(ledger.contains(kHashA));
  ASSERT_TRUE(ledger.append(kHashB, error));
  IngestLedger reloaded(dir.path() / ".ingested");
  ASSERT_TRUE(reloaded.load(error));
  EXPECT_TRUE(reloaded.contains(kHashB));
}

}  // namespace
}  // namespace crmsync::csv_drop
