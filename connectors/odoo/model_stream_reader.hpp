#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"

#include "model_stream.hpp"
#include "odoo_reply.hpp"
#include "odoo_settings.hpp"
#include "odoo_transport.hpp"
#include "record_mapper.hpp"
#include "stream_cursor.hpp"

namespace crmsync::odoo {

// Reads one stream: pages of search_read after the cursor, ordered by
// (write_date, id), each emitted with the cursor after it; then, when due, a
// comparison of the delivered ids with the server's that emits the unlinked
// ones as deleted.
class ModelStreamReader {
 public:
  ModelStreamReader(std::string instance, const ModelStream& stream, const OdooSettings& settings,
                    OdooTransport& transport, const sdk::Clock* clock);

  sdk::Status read(const std::string& cursor_text, sdk::BatchSink& sink);

 private:
  enum class Step { more, done, stopped };

  Step read_page(StreamCursor& cursor, sdk::BatchSink& sink, sdk::Status& status);
  bool fetch_links(const nlohmann::json& rows, PageLinks& links, sdk::Status& status);
  Step scan_for_unlinked(StreamCursor& cursor, sdk::BatchSink& sink, sdk::Status& status);
  bool fetch_all_ids(IdRangeSet& ids, sdk::Status& status);
  [[nodiscard]] bool scan_due(const StreamCursor& cursor) const;

  [[nodiscard]] nlohmann::json inactive_included() const;
  [[nodiscard]] sdk::Status status_of(const OdooReply& reply) const;
  [[nodiscard]] std::string where() const;

  std::string instance_;
  const ModelStream& stream_;
  const OdooSettings& settings_;
  OdooTransport& transport_;
  const sdk::Clock* clock_;
  RecordMapper mapper_;
};

}  // namespace crmsync::odoo
