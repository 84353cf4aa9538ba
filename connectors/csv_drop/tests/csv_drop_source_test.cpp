#include <algorithm>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "csv_drop_connector.hpp"
#include "file_fingerprint.hpp"
#include "test_support.hpp"

namespace crmsync::csv_drop {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using testing::CapturingLogger;
using testing::customer_stream;
using testing::FakeClock;
using testing::file_names;
using testing::mapping;
using testing::order_stream;
using testing::read_file;
using testing::RecordingSink;
using testing::scalar;
using testing::set_modified;
using testing::TempDir;
using testing::write_file;

class CsvDropSourceTest : public ::testing::Test {
 protected:
  void SetUp() override { fs::create_directories(inbox_); }

  std::unique_ptr<sdk::SourceConnector> make_source(std::vector<sdk::ConfigValue::Entry> extra = {}) {
    sdk::InstanceContext context;
    context.instance_name = "partners";
    context.options = testing::options(
        inbox_, mapping({{"customers", customer_stream()}, {"orders", order_stream()}}), std::move(extra));
    const auto problems = CsvDropConnector().validate(context.options);
    EXPECT_TRUE(problems.empty());
    context.host = sdk::HostServices{&logger_, &clock_, nullptr};
    return CsvDropConnector().create_source(context);
  }

  fs::path drop(const std::string& name, const std::string& bytes) {
    write_file(inbox_ / name, bytes);
    return inbox_ / name;
  }

  static std::string sha256_of(const fs::path& path) {
    std::string error;
    return FileFingerprint::compute(path, error)->sha256;
  }

  static std::vector<std::string> ids(const std::vector<sdk::RawRecord>& records) {
    std::vector<std::string> out;
    out.reserve(records.size());
    for (const auto& r : records) out.push_back(r.external_id);
    return out;
  }

  [[nodiscard]] fs::path done() const { return inbox_ / "done"; }
  [[nodiscard]] fs::path quarantine() const { return inbox_ / "quarantine"; }

  TempDir dir_;
  fs::path inbox_ = dir_.path() / "inbox";
  FakeClock clock_;
  CapturingLogger logger_;
};

const std::string kThreeCustomers =
    "id,name,email\n1,Ann,ann@example.com\n2,Bob,bob@example.com\n3,Cy,cy@x.org\n";

TEST_F(CsvDropSourceTest, QuotedFieldWithNewlineIsOneRow) {
  drop("a_customers.csv", "id,name,email\r\n1,\"Ann\r\nLee, Jr.\",ann@x.org\r\n2,Bob,bob@x.org\r\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  const auto records = sink.records();
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].fields.at("name"), "Ann\r\nLee, Jr.");
  EXPECT_EQ(records[0].location, "a_customers.csv:2");
  EXPECT_EQ(records[1].location, "a_customers.csv:4");
}

TEST_F(CsvDropSourceTest, GbkFileIsDecoded) {
  // 张伟 and 王芳 in GBK, as a Chinese partner's Excel saves them.
  drop("cn_customers.csv",
       "id,name,email\r\n1,\xD5\xC5\xCE\xB0,zw@163.com\r\n2,\xCD\xF5\xB7\xBC,wf@qq.com\r\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  const auto records = sink.records();
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].fields.at("name"), "张伟");
  EXPECT_EQ(records[1].fields.at("name"), "王芳");
  EXPECT_NE(records[0].payload.find("\"name\":\"张伟\""), std::string::npos);
  EXPECT_TRUE(logger_.has(sdk::LogLevel::info, "gb18030"));
}

TEST_F(CsvDropSourceTest, ForcedGbkEncodingIsUsed) {
  drop("cn_customers.csv", "id,name,email\n1,\xD5\xC5\xCE\xB0,zw@163.com\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source({{"encoding", scalar("gbk")}})->read("customers", "", sink).ok());
  ASSERT_EQ(sink.records().size(), 1U);
  EXPECT_EQ(sink.records()[0].fields.at("name"), "张伟");
}

TEST_F(CsvDropSourceTest, Utf8BomIsStripped) {
  drop("x_customers.csv", "\xEF\xBB\xBFid,name,email\r\n1,Zoë,z@x.org\r\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  ASSERT_EQ(sink.records().size(), 1U);
  EXPECT_EQ(sink.records()[0].external_id, "1");
  EXPECT_EQ(sink.records()[0].payload, R"({"id":"1","name":"Zoë","email":"z@x.org"})");
}

TEST_F(CsvDropSourceTest, FileStillBeingWrittenIsSkipped) {
  const auto file = drop("a_customers.csv", kThreeCustomers);
  const auto written = std::chrono::system_clock::now();
  set_modified(file, written);
  clock_.set(written + 2s);
  auto source = make_source({{"settle_seconds", scalar("5")}});
  RecordingSink early;
  ASSERT_TRUE(source->read("customers", "", early).ok());
  EXPECT_TRUE(early.batches.empty());
  EXPECT_TRUE(fs::exists(file));

  clock_.set(written + 6s);
  RecordingSink later;
  ASSERT_TRUE(source->read("customers", "", later).ok());
  EXPECT_EQ(later.records().size(), 3U);
}

TEST_F(CsvDropSourceTest, IngestedFileMovesIntoDoneDirectory) {
  const auto file = drop("a_customers.csv", kThreeCustomers);
  const std::string sha = sha256_of(file);
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  EXPECT_EQ(ids(sink.records()), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(sink.last_cursor(), sha + ":done");
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(read_file(done() / "a_customers.csv"), kThreeCustomers);
  EXPECT_EQ(read_file(done() / ".ingested"), sha + "\n");
  EXPECT_TRUE(fs::is_directory(quarantine()));
  // The file was put away only after every batch of it was committed.
  EXPECT_EQ(sink.flushed_after, std::vector<std::size_t>{sink.batches.size()});
}

TEST_F(CsvDropSourceTest, FileStaysWhenItsBatchesDidNotCommit) {
  const auto file = drop("a_customers.csv", kThreeCustomers);
  drop("b_customers.csv", "id,name,email\n9,Z,z@x.org\n");
  RecordingSink sink;
  sink.flush_result = false;  // the host could not commit what it was handed
  const auto status = make_source()->read("customers", "", sink);
  EXPECT_TRUE(status.ok());            // the host knows why; the next read resumes from its cursor
  EXPECT_EQ(sink.batches.size(), 1U);  // nothing read after the failed flush
  EXPECT_TRUE(fs::exists(file));
  EXPECT_TRUE(fs::exists(inbox_ / "b_customers.csv"));
  EXPECT_FALSE(fs::exists(done() / ".ingested"));
  EXPECT_FALSE(fs::exists(done() / "a_customers.csv"));
}

TEST_F(CsvDropSourceTest, KeepModeLeavesFilesInPlaceAndReadsThemOnce) {
  const auto file = drop("a_customers.csv", kThreeCustomers);
  const auto ledger = dir_.path() / "state" / "partners.ingested";
  auto source = make_source({{"after_ingest", scalar("keep")}, {"ledger_file", scalar(ledger.string())}});
  RecordingSink first;
  ASSERT_TRUE(source->read("customers", "", first).ok());
  EXPECT_EQ(ids(first.records()), (std::vector<std::string>{"1", "2", "3"}));
  EXPECT_EQ(read_file(file), kThreeCustomers) << "the file stays where it was";
  EXPECT_FALSE(fs::exists(done()));
  EXPECT_FALSE(fs::exists(quarantine())) << "nothing is created in a read-only inbox";
  EXPECT_EQ(read_file(ledger), sha256_of(file) + "\n");

  RecordingSink second;
  ASSERT_TRUE(source->read("customers", first.last_cursor(), second).ok());
  EXPECT_TRUE(second.batches.empty()) << "the ledger remembers the content";
  EXPECT_TRUE(fs::exists(file));
}

TEST_F(CsvDropSourceTest, KeepModeSkipsAnUnreadableFileWithoutMovingIt) {
  const auto bad = drop("a_customers.csv", "id,name,email\n2,\"Bob,b@x.org\n");
  const auto ledger = dir_.path() / "state" / "partners.ingested";
  auto source = make_source({{"after_ingest", scalar("keep")}, {"ledger_file", scalar(ledger.string())}});
  RecordingSink sink;
  ASSERT_TRUE(source->read("customers", "", sink).ok());
  EXPECT_TRUE(sink.batches.empty());
  EXPECT_TRUE(fs::exists(bad));
  EXPECT_TRUE(logger_.has(sdk::LogLevel::error, "cannot be read and is skipped"));
}

TEST_F(CsvDropSourceTest, SameContentDroppedTwiceIsIngestedOnce) {
  auto source = make_source();
  drop("monday_customers.csv", kThreeCustomers);
  RecordingSink first;
  ASSERT_TRUE(source->read("customers", "", first).ok());
  EXPECT_EQ(first.records().size(), 3U);

  drop("tuesday_customers.csv", kThreeCustomers);  // re-sent under another name
  RecordingSink second;
  ASSERT_TRUE(source->read("customers", first.last_cursor(), second).ok());
  EXPECT_TRUE(second.batches.empty());
  EXPECT_TRUE(logger_.has(sdk::LogLevel::info, "already ingested"));
  EXPECT_EQ(file_names(done()),
            (std::vector<std::string>{".ingested", "monday_customers.csv", "tuesday_customers.csv"}));
}

TEST_F(CsvDropSourceTest, SameNameInDoneGetsASuffix) {
  auto source = make_source();
  drop("a_customers.csv", kThreeCustomers);
  RecordingSink first;
  ASSERT_TRUE(source->read("customers", "", first).ok());
  drop("a_customers.csv", "id,name,email\n4,Dee,dee@x.org\n");
  RecordingSink second;
  ASSERT_TRUE(source->read("customers", "", second).ok());
  EXPECT_EQ(ids(second.records()), std::vector<std::string>{"4"});
  EXPECT_EQ(file_names(done()),
            (std::vector<std::string>{".ingested", "a_customers.1.csv", "a_customers.csv"}));
}

TEST_F(CsvDropSourceTest, UnparseableFileGoesToQuarantineWithReason) {
  const auto bad = drop("a_customers.csv", "id,name,email\n1,Ann,a@x.org\n2,\"Bob,b@x.org\n3,Cy,c@x.org\n");
  set_modified(bad, std::chrono::system_clock::now() - 10min);  // older: read first
  drop("b_customers.csv", kThreeCustomers);
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());

  // Nothing of the broken file landed, the good one did.
  EXPECT_EQ(ids(sink.records()), (std::vector<std::string>{"1", "2", "3"}));
  for (const auto& record : sink.records()) EXPECT_EQ(record.location.substr(0, 15), "b_customers.csv");
  EXPECT_EQ(file_names(quarantine()),
            (std::vector<std::string>{"a_customers.csv", "a_customers.csv.reason"}));
  const std::string reason = read_file(quarantine() / "a_customers.csv.reason");
  EXPECT_NE(reason.find("a_customers.csv: line 3, column 3: quoted field is never closed"), std::string::npos)
      << reason;
  EXPECT_TRUE(logger_.has(sdk::LogLevel::error, "a_customers.csv"));
}

TEST_F(CsvDropSourceTest, HeaderWithoutMappedColumnGoesToQuarantine) {
  drop("a_customers.csv", "id,name,mail\n1,Ann,a@x.org\n");
  drop("b_customers.csv", "");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  EXPECT_TRUE(sink.batches.empty());
  const std::string reason = read_file(quarantine() / "a_customers.csv.reason");
  EXPECT_NE(reason.find("line 1: header has no column 'email' (columns.email)"), std::string::npos) << reason;
  EXPECT_NE(reason.find("header row as read: id | name | mail"), std::string::npos) << reason;
  EXPECT_NE(read_file(quarantine() / "b_customers.csv.reason").find("empty"), std::string::npos);
  // The log names the problem but never echoes the file's rows.
  EXPECT_FALSE(logger_.has(sdk::LogLevel::error, "header row as read"));
}

TEST_F(CsvDropSourceTest, UndecodableFileGoesToQuarantine) {
  drop("a_customers.csv", "id,name,email\n1,Ann,a@x.org\n2,\xD5\xC5,b@x.org\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source({{"encoding", scalar("utf-8")}})->read("customers", "", sink).ok());
  EXPECT_TRUE(sink.batches.empty());
  const std::string reason = read_file(quarantine() / "a_customers.csv.reason");
  EXPECT_NE(reason.find("line 3, column 3: invalid UTF-8 byte sequence at byte offset 30"), std::string::npos)
      << reason;
}

TEST_F(CsvDropSourceTest, InvalidGb18030IsQuarantinedWithItsPosition) {
  // Not UTF-8 (so read as GB18030), and 0xFF is no GB18030 lead byte.
  drop("a_customers.csv", "id,name,email\n1,\xD5\xC5\xCE\xB0,a@x.org\n2,\xCD\xF5\xFF,b@x.org\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  EXPECT_TRUE(sink.batches.empty());
  const std::string reason = read_file(quarantine() / "a_customers.csv.reason");
  EXPECT_NE(reason.find("line 3, column 4: invalid gb18030 byte sequence FF at byte offset 33"),
            std::string::npos)
      << reason;
  EXPECT_NE(reason.find("(read as gb18030)"), std::string::npos) << reason;
}

TEST_F(CsvDropSourceTest, BadRowIsRejectedGoodRowsLand) {
  drop("a_customers.csv",
       "id,name,email\n1,Ann,a@x.org\n2,Bob,b@x.org,extra\n ,Nobody,n@x.org\n3,,c@x.org\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  const auto records = sink.records();
  EXPECT_EQ(ids(records), (std::vector<std::string>{"1", "3"}));
  EXPECT_EQ(records[1].fields.count("name"), 0U);  // an empty cell is no value
  const auto rejections = sink.rejections();
  ASSERT_EQ(rejections.size(), 2U);
  EXPECT_EQ(rejections[0].location, "a_customers.csv:3");
  EXPECT_EQ(rejections[0].external_id, "2");
  EXPECT_EQ(rejections[0].reason, "row has 4 fields but the header has 3");
  EXPECT_EQ(rejections[0].payload, R"(["2","Bob","b@x.org","extra"])");
  EXPECT_EQ(rejections[1].location, "a_customers.csv:4");
  EXPECT_EQ(rejections[1].reason, "missing id in column 'id'");
  EXPECT_TRUE(fs::exists(done() / "a_customers.csv"));
}

TEST_F(CsvDropSourceTest, ResumesFromMidFileCursorWithoutDuplicates) {
  std::string text = "id,name,email\n";
  for (int i = 1; i <= 7; ++i) text += std::to_string(i) + ",N" + std::to_string(i) + ",n@x.org\n";
  const auto file = drop("a_customers.csv", text);
  const std::string sha = sha256_of(file);
  auto source = make_source({{"batch_size", scalar("2")}});

  RecordingSink killed(2);  // two batches commit, then the daemon dies
  ASSERT_TRUE(source->read("customers", "", killed).ok());
  EXPECT_EQ(killed.last_cursor(), sha + ":4");
  EXPECT_TRUE(fs::exists(file));
  EXPECT_FALSE(fs::exists(done() / ".ingested"));

  RecordingSink resumed;
  ASSERT_TRUE(source->read("customers", killed.last_cursor(), resumed).ok());
  EXPECT_EQ(ids(resumed.records()), (std::vector<std::string>{"5", "6", "7"}));
  EXPECT_EQ(resumed.last_cursor(), sha + ":done");
  auto all = ids(killed.records());
  for (const auto& id : ids(resumed.records())) all.push_back(id);
  EXPECT_EQ(all, (std::vector<std::string>{"1", "2", "3", "4", "5", "6", "7"}));
}

TEST_F(CsvDropSourceTest, OneBatchPerRunStillReadsEveryRowOnce) {
  std::string text = "id,name,email\n";
  for (int i = 1; i <= 5; ++i) text += std::to_string(i) + ",N,n@x.org\n";
  text += ",missing,n@x.org\n";
  drop("a_customers.csv", text);
  auto source = make_source({{"batch_size", scalar("2")}});
  std::string cursor;
  std::vector<std::string> seen;
  std::size_t rejected = 0;
  for (int run = 0; run < 10 && fs::exists(inbox_ / "a_customers.csv"); ++run) {
    RecordingSink sink(1);
    ASSERT_TRUE(source->read("customers", cursor, sink).ok());
    for (const auto& id : ids(sink.records())) seen.push_back(id);
    rejected += sink.rejections().size();
    if (!sink.batches.empty()) cursor = sink.last_cursor();
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"1", "2", "3", "4", "5"}));
  EXPECT_EQ(rejected, 1U);
  EXPECT_TRUE(fs::exists(done() / "a_customers.csv"));
}

TEST_F(CsvDropSourceTest, StopsWhenSinkSaysStop) {
  const auto file = drop("a_customers.csv", kThreeCustomers);
  drop("b_customers.csv", "id,name,email\n9,Z,z@x.org\n");
  RecordingSink sink(0);
  const auto status = make_source()->read("customers", "", sink);
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(sink.refused, 1U);  // no second emit after the refusal
  EXPECT_TRUE(fs::exists(file));
  EXPECT_TRUE(fs::exists(inbox_ / "b_customers.csv"));
  EXPECT_FALSE(fs::exists(done() / ".ingested"));
}

TEST_F(CsvDropSourceTest, FinishesFileWhoseLastBatchCommittedBeforeACrash) {
  const auto file = drop("a_customers.csv", kThreeCustomers);
  const std::string sha = sha256_of(file);
  // The host committed "<sha>:done" but the daemon died before the ledger
  // and the move: the next read must not read the file again.
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", sha + ":done", sink).ok());
  EXPECT_TRUE(sink.batches.empty());
  EXPECT_FALSE(fs::exists(file));
  EXPECT_EQ(read_file(done() / ".ingested"), sha + "\n");
}

TEST_F(CsvDropSourceTest, OrderRowsGroupIntoLines) {
  drop("a_orders.csv",
       "order,customer,sku,qty,total\n"
       "O1,C1,A,1,30\nO1,C1,B,2,30\nO1,C1,C,1,30\n"
       "O2,C2,A,5,50\n"
       "O3,C1,B,1,12\nO3,C1,,1,12\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("orders", "", sink).ok());
  const auto records = sink.records();
  ASSERT_EQ(ids(records), (std::vector<std::string>{"O1", "O2", "O3"}));
  EXPECT_EQ(records[0].entity, sdk::EntityType::order);
  EXPECT_EQ(records[0].fields.at("customer_ref"), "C1");
  EXPECT_EQ(records[0].fields.at("total"), "30");
  ASSERT_EQ(records[0].lines.size(), 3U);
  EXPECT_EQ(records[0].lines[1].at("sku"), "B");
  EXPECT_EQ(records[0].lines[1].at("quantity"), "2");
  EXPECT_EQ(records[1].lines.size(), 1U);
  EXPECT_EQ(records[2].lines.size(), 2U);
  EXPECT_EQ(records[2].lines[1].count("sku"), 0U);
  EXPECT_EQ(records[0].location, "a_orders.csv:2");
  EXPECT_EQ(records[1].payload,
            R"({"rows":[{"order":"O2","customer":"C2","sku":"A","qty":"5","total":"50"}]})");
}

TEST_F(CsvDropSourceTest, OrdersStayWholeAcrossBatchesAndResume) {
  const auto file = drop("a_orders.csv",
                         "order,customer,sku,qty,total\n"
                         "O1,C1,A,1,1\nO1,C1,B,1,1\nO1,C1,C,1,1\n"
                         "O2,C2,A,1,1\nbroken\nO2,C2,B,1,1\n"
                         "O3,C3,A,1,1\n");
  const std::string sha = sha256_of(file);
  auto source = make_source({{"batch_size", scalar("1")}});
  RecordingSink killed(1);
  ASSERT_TRUE(source->read("orders", "", killed).ok());
  ASSERT_EQ(killed.batches.size(), 1U);
  EXPECT_EQ(ids(killed.records()), std::vector<std::string>{"O1"});
  EXPECT_EQ(killed.last_cursor(), sha + ":3");  // O2 starts at data row 3

  RecordingSink resumed;
  ASSERT_TRUE(source->read("orders", killed.last_cursor(), resumed).ok());
  const auto records = resumed.records();
  ASSERT_EQ(ids(records), (std::vector<std::string>{"O2", "O3"}));
  EXPECT_EQ(records[0].lines.size(), 2U);  // the broken row inside O2 did not split it
  ASSERT_EQ(resumed.rejections().size(), 1U);
  EXPECT_EQ(resumed.rejections()[0].location, "a_orders.csv:6");
}

TEST_F(CsvDropSourceTest, OrderRowsApartFromTheirOrderAreRejected) {
  drop("a_orders.csv", "order,customer,sku,qty,total\nO1,C1,A,1,1\nO2,C2,A,1,1\nO1,C1,B,1,1\n");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("orders", "", sink).ok());
  EXPECT_EQ(ids(sink.records()), (std::vector<std::string>{"O1", "O2"}));
  ASSERT_EQ(sink.rejections().size(), 1U);
  EXPECT_EQ(sink.rejections()[0].location, "a_orders.csv:4");
  EXPECT_NE(sink.rejections()[0].reason.find("starts at line 2"), std::string::npos);
}

TEST_F(CsvDropSourceTest, MissingInboxIsFailure) {
  fs::remove_all(inbox_);
  RecordingSink sink;
  const auto status = make_source()->read("customers", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("does not exist"), std::string::npos);
  EXPECT_NE(status.reason().find(inbox_.string()), std::string::npos);
}

TEST_F(CsvDropSourceTest, UnknownStreamIsFailure) {
  RecordingSink sink;
  EXPECT_EQ(make_source()->read("leads", "", sink).code(), sdk::Status::Code::failed);
}

TEST_F(CsvDropSourceTest, IgnoresHiddenFilesPartialUploadsAndDirectories) {
  drop(".a_customers.csv", kThreeCustomers);
  drop("b_customers.csv.part", kThreeCustomers);
  drop("c_customers.csv.tmp", kThreeCustomers);
  drop("d_customers.csv.filepart", kThreeCustomers);
  fs::create_directories(inbox_ / "e_customers.csv");
  fs::create_symlink(inbox_ / ".a_customers.csv", inbox_ / "f_customers.csv");
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  EXPECT_TRUE(sink.batches.empty());
  EXPECT_EQ(file_names(done()), std::vector<std::string>{});
}

TEST_F(CsvDropSourceTest, PatternIgnoresCase) {
  drop("A_CUSTOMERS.CSV", kThreeCustomers);
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  EXPECT_EQ(sink.records().size(), 3U);
}

TEST_F(CsvDropSourceTest, OldestFileFirstThenByName) {
  const auto now = std::chrono::system_clock::now();
  set_modified(drop("z_customers.csv", "id,name,email\n1,A,a@x\n"), now - 3h);
  set_modified(drop("b_customers.csv", "id,name,email\n2,B,b@x\n"), now - 2h);
  set_modified(drop("a_customers.csv", "id,name,email\n3,C,c@x\n"), now - 2h);
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "", sink).ok());
  EXPECT_EQ(ids(sink.records()), (std::vector<std::string>{"1", "3", "2"}));
}

TEST_F(CsvDropSourceTest, FileTheCursorStopsInGoesFirst) {
  const auto now = std::chrono::system_clock::now();
  const auto file = drop("b_customers.csv", "id,name,email\n1,A,a@x\n2,B,b@x\n");
  set_modified(file, now - 1h);
  set_modified(drop("a_customers.csv", "id,name,email\n9,Z,z@x\n"), now - 2h);  // older, arrived later
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", sha256_of(file) + ":1", sink).ok());
  EXPECT_EQ(ids(sink.records()), (std::vector<std::string>{"2", "9"}));
}

TEST_F(CsvDropSourceTest, ForeignCursorIsIgnoredWithAWarning) {
  drop("a_customers.csv", kThreeCustomers);
  RecordingSink sink;
  ASSERT_TRUE(make_source()->read("customers", "page=7", sink).ok());
  EXPECT_EQ(sink.records().size(), 3U);
  EXPECT_TRUE(logger_.has(sdk::LogLevel::warning, "page=7"));
}

TEST_F(CsvDropSourceTest, LargeFileIsEmittedInBatches) {
  std::string text = "id,name,email\n";
  for (int i = 0; i < 1234; ++i) text += std::to_string(i) + ",\"N, " + std::to_string(i) + "\",n@x.org\n";
  drop("big_customers.csv", text);
  RecordingSink sink;
  ASSERT_TRUE(make_source({{"batch_size", scalar("500")}})->read("customers", "", sink).ok());
  ASSERT_EQ(sink.batches.size(), 3U);
  EXPECT_EQ(sink.batches[0].records.size(), 500U);
  EXPECT_EQ(sink.batches[2].records.size(), 234U);
  EXPECT_EQ(sink.batches[0].cursor.substr(64), ":500");
  EXPECT_EQ(sink.batches[2].cursor.substr(64), ":done");
}

}  // namespace
}  // namespace crmsync::csv_drop
