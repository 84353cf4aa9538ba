#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

namespace crmsync::fxiaoke {

// One stream of the connector: which preset object it reads.
struct FxiaokeStream {
  std::string name;  // the stream name in crmsync
  sdk::EntityType entity = sdk::EntityType::customer;
  std::string object_api_name;       // "AccountObj", "ContactObj", "SalesOrderObj", "CasesObj"
  std::string line_object_api_name;  // "SalesOrderProductObj" for orders, else empty

  [[nodiscard]] static const std::vector<FxiaokeStream>& all();
  [[nodiscard]] static const FxiaokeStream* find(const std::string& name);
};

}  // namespace crmsync::fxiaoke
