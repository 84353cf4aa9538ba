#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "daemon/store/database.hpp"
#include "daemon/store/migration_runner.hpp"
#include "tests/integration/store/test_database.hpp"

namespace crmsync::store::testing {

// "sqlite", "postgresql", "mysql" in the names of parameterised cases.
struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<Backend>& param_info) const {
    return to_string(param_info.param);
  }
};

// A case run once per engine, each on a fresh database at the latest schema.
class MigratedDatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    try {
      database_ =
          TestDatabase::create(GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    } catch (const std::exception& error) {
      FAIL() << "no " << to_string(GetParam()) << " database for this test: " << error.what();
    }
    MigrationRunner(*database_).run();
  }

  std::unique_ptr<Database> database_;
};

}  // namespace crmsync::store::testing
