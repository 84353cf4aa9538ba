#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "csv_drop_connector.hpp"
#include "test_support.hpp"

namespace crmsync::csv_drop {
namespace {

namespace fs = std::filesystem;
using testing::RecordingSink;
using testing::TempDir;

const fs::path kSampleDir = fs::path(CRMSYNC_SOURCE_DIR) / "config" / "sample-data";

sdk::ConfigValue to_config(const YAML::Node& node) {
  if (node.IsMap()) {
    std::vector<sdk::ConfigValue::Entry> entries;
    for (const auto& item : node) entries.emplace_back(item.first.as<std::string>(), to_config(item.second));
    return sdk::ConfigValue::make_mapping(std::move(entries));
  }
  if (node.IsSequence()) {
    std::vector<sdk::ConfigValue> items;
    for (const auto& item : node) items.push_back(to_config(item));
    return sdk::ConfigValue::make_list(std::move(items));
  }
  if (node.IsScalar()) return sdk::ConfigValue::make_scalar(node.as<std::string>());
  return {};
}

// The options of the csv_drop instance in partners.yaml.example, with the
// inbox moved to `inbox`.
sdk::ConfigValue example_options(const fs::path& inbox) {
  const YAML::Node root = YAML::LoadFile((kSampleDir / "partners.yaml.example").string());
  for (const auto& instance : root["instances"]) {
    if (instance["connector"].as<std::string>() != "csv_drop") continue;
    YAML::Node options = YAML::Clone(instance["options"]);
    options["directory"] = inbox.string();
    return to_config(options);
  }
  ADD_FAILURE() << "no csv_drop instance in partners.yaml.example";
  return {};
}

struct StreamResult {
  std::vector<sdk::RawRecord> records;
  std::vector<sdk::Rejection> rejections;
};

class SampleDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(inbox_);
    for (const auto& entry : fs::directory_iterator(kSampleDir / "partners")) {
      fs::copy_file(entry.path(), inbox_ / entry.path().filename());
    }
    options_ = example_options(inbox_);
  }

  std::map<std::string, StreamResult> read_all() {
    sdk::InstanceContext context;
    context.instance_name = "partners";
    context.options = options_;
    context.host = sdk::HostServices{&logger_, &clock_, nullptr};
    auto source = CsvDropConnector().create_source(context);
    std::map<std::string, StreamResult> results;
    for (const auto& stream : source->streams()) {
      RecordingSink sink;
      const auto status = source->read(stream.name, "", sink);
      EXPECT_TRUE(status.ok()) << stream.name << ": " << status.reason();
      results[stream.name] = {sink.records(), sink.rejections()};
    }
    return results;
  }

  TempDir dir_;
  fs::path inbox_ = dir_.path() / "inbox";
  sdk::ConfigValue options_;
  testing::FakeClock clock_;
  testing::CapturingLogger logger_;
};

TEST_F(SampleDataTest, ExampleMappingIsValid) {
  const auto problems = CsvDropConnector().validate(options_);
  for (const auto& p : problems) ADD_FAILURE() << p.path << ": " << p.message;
}

TEST_F(SampleDataTest, SampleFilesIngestWithTheExpectedCounts) {
  auto results = read_all();
  EXPECT_EQ(results["huadong_customers"].records.size(), 118U);
  EXPECT_EQ(results["huadong_customers"].rejections.size(), 1U);
  EXPECT_EQ(results["customers"].records.size(), 86U + 102U);
  EXPECT_EQ(results["customers"].rejections.size(), 1U + 2U);
  EXPECT_EQ(results["orders"].records.size(), 64U);
  EXPECT_EQ(results["orders"].rejections.size(), 2U);
  EXPECT_EQ(results["feedback"].records.size(), 24U);
  EXPECT_EQ(results["feedback"].rejections.size(), 1U);

  // Every file was read in full: none quarantined, none left behind.
  EXPECT_TRUE(testing::file_names(inbox_ / "quarantine").empty());
  EXPECT_TRUE(testing::file_names(inbox_).empty());
  EXPECT_EQ(testing::file_names(inbox_ / "done").size(), 6U);  // five files and the ledger
}

TEST_F(SampleDataTest, GbkPartnerFileReadsAsChinese) {
  auto results = read_all();
  const auto& records = results["huadong_customers"].records;
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].external_id, "HD10001");
  EXPECT_EQ(records[0].fields.at("name"), "张伟");
  EXPECT_EQ(records[1].fields.at("name"), "王芳");
  EXPECT_EQ(records[2].fields.at("name"), "李娜");
  EXPECT_TRUE(logger_.has(sdk::LogLevel::info, "gb18030"));
  // The address with a line break inside quotes is one record.
  bool multiline = false;
  for (const auto& r : records)
    multiline = multiline || r.fields.at("address").find('\n') != std::string::npos;
  EXPECT_TRUE(multiline);
}

TEST_F(SampleDataTest, OrdersCarryTheirLines) {
  auto results = read_all();
  std::size_t lines = 0;
  std::set<std::string> ids;
  for (const auto& order : results["orders"].records) {
    EXPECT_FALSE(order.lines.empty()) << order.external_id;
    lines += order.lines.size();
    EXPECT_TRUE(ids.insert(order.external_id).second) << order.external_id << " twice";
  }
  EXPECT_EQ(lines, 171U - 2U);  // every row but the two rejected ones
}

TEST_F(SampleDataTest, ExcelBomFileHeaderMatches) {
  auto results = read_all();
  bool eurotrade = false;
  for (const auto& r : results["customers"].records) {
    if (r.external_id == "ET-2000") {
      eurotrade = true;
      EXPECT_EQ(r.location, "eurotrade_customers_2024-05-02.csv:2");
      EXPECT_EQ(r.payload.substr(0, 18), R"({"Customer ID":"ET)");
    }
  }
  EXPECT_TRUE(eurotrade);
}

}  // namespace
}  // namespace crmsync::csv_drop
