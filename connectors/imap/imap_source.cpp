#include "imap_source.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <exception>

#include "imap_client.hpp"
#include "imap_cursor.hpp"
#include "reply_record_builder.hpp"

namespace crmsync::imap {
namespace {

using namespace std::chrono_literals;

// A mailbox that cannot be reached now is tried again soon; one whose
// validity changed under a read is read again almost at once.
constexpr auto kUnreachableDelay = 1min;
constexpr auto kValidityRaceDelay = 5s;

}  // namespace

ImapSource::ImapSource(std::string instance, ImapSettings settings, sdk::HostServices host)
    : instance_(std::move(instance)), settings_(std::move(settings)), host_(host) {}

std::vector<sdk::StreamInfo> ImapSource::streams() const {
  return {{kStream, sdk::EntityType::feedback}};
}

void ImapSource::log(sdk::LogLevel level, const std::string& message) const {
  if (host_.logger != nullptr) host_.logger->log(level, instance_ + "/" + kStream + ": " + message);
}

std::string ImapSource::now_iso8601() const {
  const auto now = host_.clock != nullptr ? host_.clock->now() : std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  std::array<char, 32> text{};
  std::strftime(text.data(), text.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text.data();
}

sdk::Status ImapSource::read(const std::string& stream, const std::string& cursor_text,
                             sdk::BatchSink& sink) {
  if (stream != kStream)
    return sdk::Status::failure("imap has only the stream 'replies', not '" + stream + "'");
  const auto cursor = ImapCursor::parse(cursor_text);
  if (!cursor) return sdk::Status::failure("cursor '" + cursor_text + "' is not <uidvalidity>:<uid>");
  try {
    ImapClient client(settings_);
    const MailboxStatus status = client.status();
    ImapCursor position = *cursor;
    if (position.uidvalidity != 0 && position.uidvalidity != status.uidvalidity) {
      log(sdk::LogLevel::warning, "UIDVALIDITY of " + settings_.mailbox + " changed from " +
                                      std::to_string(position.uidvalidity) + " to " +
                                      std::to_string(status.uidvalidity) +
                                      "; reading the mailbox again from its first message");
      position = {status.uidvalidity, 0};
      // Record the new validity even when the mailbox is empty now.
      if (!sink.emit(sdk::RecordBatch{{}, {}, position.text()})) return sdk::Status::success();
    }
    position.uidvalidity = status.uidvalidity;

    const std::vector<std::uint32_t> uids = client.uids_after(position.last_uid);
    sdk::RecordBatch batch;
    for (std::size_t i = 0; i < uids.size(); ++i) {
      const std::string raw = client.fetch(status.uidvalidity, uids[i]);
      auto record =
          ReplyRecordBuilder::build(settings_.mailbox, status.uidvalidity, uids[i], raw, now_iso8601());
      if (record)
        batch.records.push_back(std::move(*record));
      else
        log(sdk::LogLevel::debug, "uid " + std::to_string(uids[i]) + " is an auto-reply or bounce; skipped");
      position.last_uid = uids[i];
      if (batch.records.size() >= settings_.batch_size || i + 1 == uids.size()) {
        batch.cursor = position.text();
        if (!sink.emit(std::move(batch))) return sdk::Status::success();
        batch = {};
      }
    }
    return sdk::Status::success();
  } catch (const ImapError& e) {
    if (e.validity_changed())
      return sdk::Status::retry_after(kValidityRaceDelay, instance_ + "/" + kStream + ": " + e.what());
    return sdk::Status::retry_after(kUnreachableDelay, instance_ + "/" + kStream + ": " + e.what());
  } catch (const std::exception& e) {
    return sdk::Status::failure(instance_ + "/" + kStream + ": " + e.what());
  }
}

}  // namespace crmsync::imap
