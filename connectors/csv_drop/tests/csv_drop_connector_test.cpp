#include "csv_drop_connector.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace crmsync::csv_drop {
namespace {

using testing::customer_stream;
using testing::mapping;
using testing::options;
using testing::order_stream;
using testing::scalar;

const sdk::ConfigProblem* find_problem(const std::vector<sdk::ConfigProblem>& problems,
                                       const std::string& path) {
  const auto it =
      std::find_if(problems.begin(), problems.end(), [&](const auto& p) { return p.path == path; });
  return it == problems.end() ? nullptr : &*it;
}

std::string all(const std::vector<sdk::ConfigProblem>& problems) {
  std::string text;
  for (const auto& p : problems) text += p.path + ": " + p.message + "\n";
  return text;
}

TEST(CsvDropConnector, SpecDocumentsEveryOption) {
  const auto spec = CsvDropConnector().config_spec();
  std::vector<std::string> keys;
  for (const auto& option : spec) {
    keys.push_back(option.key);
    EXPECT_FALSE(option.doc.empty()) << option.key;
    EXPECT_FALSE(option.secret) << option.key;
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"directory", "done_directory", "quarantine_directory",
                                            "after_ingest", "ledger_file", "settle_seconds", "batch_size",
                                            "encoding", "delimiter", "streams"}));
  EXPECT_TRUE(spec[0].required);
  EXPECT_TRUE(spec[9].required);
  EXPECT_EQ(spec[3].default_value, "move");
  EXPECT_EQ(spec[5].default_value, "5");
  EXPECT_EQ(spec[6].default_value, "500");
  EXPECT_EQ(spec[7].default_value, "auto");
  EXPECT_EQ(spec[8].default_value, ",");
}

TEST(CsvDropConnector, ValidMappingHasNoProblems) {
  const auto problems = CsvDropConnector().validate(
      options("/inbox", mapping({{"customers", customer_stream()}, {"orders", order_stream()}})));
  EXPECT_TRUE(problems.empty()) << all(problems);
}

TEST(CsvDropConnector, ValidateReportsUnknownFieldWithPath) {
  const auto stream =
      mapping({{"entity", scalar("customer")},
               {"pattern", scalar("*.csv")},
               {"id_column", scalar("id")},
               {"columns", mapping({{"emial", scalar("E-Mail")}, {"name", scalar("Name")}})}});
  const auto problems = CsvDropConnector().validate(options("/inbox", mapping({{"customers", stream}})));
  ASSERT_EQ(problems.size(), 1U) << all(problems);
  EXPECT_EQ(problems[0].path, "streams.customers.columns.emial");
  EXPECT_NE(problems[0].message.find("unknown field 'emial'"), std::string::npos);
  EXPECT_NE(problems[0].message.find("valid fields: kind, name, given_name"), std::string::npos);
  EXPECT_NE(problems[0].message.find("email"), std::string::npos);
}

TEST(CsvDropConnector, CustomerColumnMayHoldTheSameRecordsIdInAnotherInstance) {
  auto customers = [](const std::string& field) {
    return mapping({{"entity", scalar("customer")},
                    {"pattern", scalar("*.csv")},
                    {"id_column", scalar("id")},
                    {"columns", mapping({{"name", scalar("Name")}, {field, scalar("CRM ID")}})}});
  };
  EXPECT_TRUE(CsvDropConnector()
                  .validate(options("/inbox", mapping({{"customers", customers("same_as.zoho")}})))
                  .empty());
  const auto problems =
      CsvDropConnector().validate(options("/inbox", mapping({{"customers", customers("same_as.")}})));
  ASSERT_EQ(problems.size(), 1U) << all(problems);
  EXPECT_EQ(problems[0].path, "streams.customers.columns.same_as.");
  EXPECT_NE(problems[0].message.find("same_as.<instance>"), std::string::npos);
}

TEST(CsvDropConnector, ValidateChecksEveryPartOfAStream) {
  const auto stream = mapping({{"entity", scalar("client")},
                               {"patern", scalar("*.csv")},
                               {"columns", scalar("oops")},
                               {"line_columns", mapping({{"sku", scalar("SKU")}})}});
  const auto problems = CsvDropConnector().validate(options("/inbox", mapping({{"c", stream}})));
  for (const char* path :
       {"streams.c.entity", "streams.c.patern", "streams.c.pattern", "streams.c.id_column"}) {
    EXPECT_NE(find_problem(problems, path), nullptr) << path << "\n" << all(problems);
  }
  EXPECT_NE(find_problem(problems, "streams.c.entity")->message.find("customer, order or feedback"),
            std::string::npos);
}

TEST(CsvDropConnector, LineFieldsBelongUnderLineColumns) {
  const auto stream = mapping({{"entity", scalar("order")},
                               {"pattern", scalar("*.csv")},
                               {"id_column", scalar("no")},
                               {"columns", mapping({{"sku", scalar("SKU")}})},
                               {"line_columns", mapping({{"total", scalar("Total")}})}});
  const auto problems = CsvDropConnector().validate(options("/inbox", mapping({{"orders", stream}})));
  ASSERT_NE(find_problem(problems, "streams.orders.columns.sku"), nullptr) << all(problems);
  EXPECT_NE(find_problem(problems, "streams.orders.columns.sku")->message.find("under line_columns"),
            std::string::npos);
  EXPECT_NE(find_problem(problems, "streams.orders.line_columns.total"), nullptr) << all(problems);
}

TEST(CsvDropConnector, LineColumnsOnlyForOrders) {
  const auto stream = mapping({{"entity", scalar("customer")},
                               {"pattern", scalar("*.csv")},
                               {"id_column", scalar("id")},
                               {"columns", mapping({{"name", scalar("n")}})},
                               {"line_columns", mapping({{"sku", scalar("SKU")}})}});
  const auto problems = CsvDropConnector().validate(options("/inbox", mapping({{"c", stream}})));
  EXPECT_NE(find_problem(problems, "streams.c.line_columns"), nullptr) << all(problems);
}

TEST(CsvDropConnector, ValidateChecksScalarsAndPlaces) {
  const auto problems = CsvDropConnector().validate(
      options("/inbox", mapping({{"customers", customer_stream()}, {"again", customer_stream()}}),
              {{"encoding", scalar("latin-1")},
               {"delimiter", scalar(";;")},
               {"batch_size", scalar("0")},
               {"settle_seconds", scalar("soon")},
               {"done_directory", scalar("/inbox/")}}));
  for (const char* path :
       {"encoding", "delimiter", "batch_size", "settle_seconds", "done_directory", "streams.again.pattern"}) {
    EXPECT_NE(find_problem(problems, path), nullptr) << path << "\n" << all(problems);
  }
}

TEST(CsvDropConnector, MissingStreamsIsAProblem) {
  const auto problems = CsvDropConnector().validate(mapping({{"directory", scalar("/inbox")}}));
  EXPECT_NE(find_problem(problems, "streams"), nullptr) << all(problems);
}

TEST(CsvDropConnector, SourceListsConfiguredStreams) {
  sdk::InstanceContext context;
  context.instance_name = "partners";
  context.options =
      options("/inbox", mapping({{"customers", customer_stream()}, {"orders", order_stream()}}));
  const auto source = CsvDropConnector().create_source(context);
  ASSERT_NE(source, nullptr);
  const auto streams = source->streams();
  ASSERT_EQ(streams.size(), 2U);
  EXPECT_EQ(streams[0].name, "customers");
  EXPECT_EQ(streams[0].entity, sdk::EntityType::customer);
  EXPECT_EQ(streams[1].name, "orders");
  EXPECT_EQ(streams[1].entity, sdk::EntityType::order);
}

TEST(CsvDropConnector, MisconfiguredSourceFailsEveryRead) {
  sdk::InstanceContext context;
  context.options = mapping({{"directory", scalar("/inbox")}});
  const auto source = CsvDropConnector().create_source(context);
  ASSERT_NE(source, nullptr);
  testing::RecordingSink sink;
  const auto status = source->read("customers", "", sink);
  EXPECT_EQ(status.code(), sdk::Status::Code::failed);
  EXPECT_NE(status.reason().find("streams"), std::string::npos);
}

}  // namespace
}  // namespace crmsync::csv_drop
