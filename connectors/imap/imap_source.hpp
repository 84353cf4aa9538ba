#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "imap_settings.hpp"

namespace crmsync::imap {

// The "replies" stream: every message that arrived in the mailbox since the
// cursor, by UID, as a feedback record.
//
// When the mailbox's UIDVALIDITY changes (the mailbox was recreated or its
// index rebuilt), old UIDs mean nothing: the stream starts again from the
// first message of the new validity and logs a warning. The connector keeps
// no state besides the cursor, so it cannot tell which of those messages it
// already delivered; it re-emits them under new external ids, each carrying
// its Message-ID (field "message_id"), so the host can recognise repeats.
class ImapSource final : public sdk::SourceConnector {
 public:
  static constexpr const char* kStream = "replies";

  ImapSource(std::string instance, ImapSettings settings, sdk::HostServices host);
  ImapSource(const ImapSource&) = delete;
  ImapSource& operator=(const ImapSource&) = delete;
  ImapSource(ImapSource&&) = delete;
  ImapSource& operator=(ImapSource&&) = delete;
  ~ImapSource() override = default;

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  [[nodiscard]] std::string now_iso8601() const;
  void log(sdk::LogLevel level, const std::string& message) const;

  std::string instance_;
  ImapSettings settings_;
  sdk::HostServices host_;
};

}  // namespace crmsync::imap
