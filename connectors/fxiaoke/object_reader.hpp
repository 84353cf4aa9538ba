#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "fxiaoke_api.hpp"
#include "fxiaoke_cursor.hpp"
#include "fxiaoke_query.hpp"
#include "fxiaoke_record_mapper.hpp"
#include "fxiaoke_stream.hpp"

namespace crmsync::fxiaoke {

// Reads one stream from its cursor to the end, a keyset page at a time, one
// batch per page with the cursor after it. Orders get their lines from
// SalesOrderProductObj before they are emitted.
class ObjectReader {
 public:
  ObjectReader(const FxiaokeStream& stream, FxiaokeApi& api, const FxiaokeRecordMapper& mapper,
               int page_size);

  sdk::Status read(FxiaokeCursor cursor, sdk::BatchSink& sink);

 private:
  [[nodiscard]] sdk::RecordBatch batch_of(const nlohmann::json& rows, int page_number,
                                          FxiaokeCursor& cursor) const;
  std::optional<sdk::Status> attach_lines(std::vector<sdk::RawRecord>& orders);

  const FxiaokeStream& stream_;
  FxiaokeApi& api_;
  const FxiaokeRecordMapper& mapper_;
  int page_size_;
};

}  // namespace crmsync::fxiaoke
