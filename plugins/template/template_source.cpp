#include "template_source.hpp"

#include <charconv>

namespace crmsync::connectors::template_connector {

TemplateSource::TemplateSource(const sdk::InstanceContext& context)
    : customers_(context.options.integer("customers").value_or(10)),
      batch_size_(context.options.integer("batch_size").value_or(100)),
      name_prefix_(context.options.string_or("name_prefix", "Example Customer")),
      logger_(*context.host.logger) {}

std::vector<sdk::StreamInfo> TemplateSource::streams() const {
  return {{"customers", sdk::EntityType::customer}};
}

sdk::Status TemplateSource::read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) {
  if (stream != "customers") return sdk::Status::failure("unknown stream '" + stream + "'");
  std::int64_t last = 0;
  if (!cursor.empty()) {
    const auto [end, error] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), last);
    if (error != std::errc() || end != cursor.data() + cursor.size()) {
      return sdk::Status::failure("cursor '" + cursor + "' is not a customer id");
    }
  }
  sdk::RecordBatch batch;
  for (std::int64_t id = last + 1; id <= customers_; ++id) {
    sdk::RawRecord record;
    record.external_id = std::to_string(id);
    record.entity = sdk::EntityType::customer;
    record.fields[sdk::field::kName] = name_prefix_ + " " + record.external_id;
    record.fields[sdk::field::kEmail] = "customer" + record.external_id + "@example.com";
    record.payload = R"({"id":)" + record.external_id + "}";
    record.location = "customer " + record.external_id;
    batch.records.push_back(std::move(record));
    if (static_cast<std::int64_t>(batch.records.size()) == batch_size_ || id == customers_) {
      batch.cursor = std::to_string(id);
      if (!sink.emit(std::move(batch))) return sdk::Status::success();  // the host asked us to stop
      batch = sdk::RecordBatch{};
    }
  }
  logger_.debug("read up to customer " + std::to_string(customers_));
  return sdk::Status::success();
}

}  // namespace crmsync::connectors::template_connector
