#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"

#include "page_planner.hpp"
#include "zoho_api.hpp"
#include "zoho_cursor.hpp"
#include "zoho_module.hpp"
#include "zoho_record_mapper.hpp"

namespace crmsync::zoho_crm {

// Reads one stream: first the records modified since the cursor (in
// Modified_Time order, one batch per page), then the recycle bin since the
// cursor's deletion position. Every batch carries the whole cursor, so a
// read stopped anywhere resumes without loss or repeats.
class ModuleReader {
 public:
  ModuleReader(const ZohoModule& module, ZohoApi& api, int page_size, bool sync_deletions);

  sdk::Status read(ZohoCursor cursor, sdk::BatchSink& sink);

 private:
  enum class Flow { go_on, sink_stopped };

  sdk::Status read_changes(ZohoCursor& cursor, sdk::BatchSink& sink, Flow& flow);
  sdk::Status read_deletions(ZohoCursor& cursor, sdk::BatchSink& sink, Flow& flow);
  // Takes the new records of one list page into `batch`, advancing the cursor.
  sdk::Status take_page(const nlohmann::json& data, const std::string& location, ZohoCursor& cursor,
                        sdk::RecordBatch& batch);
  // The single-record answer, which carries subform line items.
  sdk::Status fetch_detail(const std::string& id, nlohmann::json& record);

  const ZohoModule& module_;
  ZohoApi& api_;
  PagePlanner planner_;
  int page_size_;
  bool sync_deletions_;
  ZohoRecordMapper mapper_;
};

}  // namespace crmsync::zoho_crm
