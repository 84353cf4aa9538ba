#include "fxiaoke_stream.hpp"

namespace crmsync::fxiaoke {

const std::vector<FxiaokeStream>& FxiaokeStream::all() {
  static const std::vector<FxiaokeStream> streams = {
      {"accounts", sdk::EntityType::customer, "AccountObj", ""},
      {"contacts", sdk::EntityType::customer, "ContactObj", ""},
      {"orders", sdk::EntityType::order, "SalesOrderObj", "SalesOrderProductObj"},
      {"feedback", sdk::EntityType::feedback, "CasesObj", ""},
  };
  return streams;
}

const FxiaokeStream* FxiaokeStream::find(const std::string& name) {
  for (const auto& stream : all()) {
    if (stream.name == name) return &stream;
  }
  return nullptr;
}

}  // namespace crmsync::fxiaoke
