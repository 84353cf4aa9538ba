#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"

namespace crmsync::mail_testing {

// Where the fixture scripts started the servers (see CMakeLists.txt).
struct MailServers {
  int smtp_port = 0;  // STARTTLS; smtp_port + 1 is implicit TLS
  int imap_port = 0;  // STARTTLS; imap_port + 1 is IMAPS
  std::filesystem::path smtp_dir;
  std::filesystem::path imap_dir;

  static MailServers from_environment();
  [[nodiscard]] std::string smtp_ca_file() const { return (smtp_dir / "tls" / "cert.pem").string(); }
  [[nodiscard]] std::string imap_ca_file() const { return (imap_dir / "tls" / "cert.pem").string(); }
};

// The test servers' accounts (the scripts' defaults).
inline constexpr const char* kSmtpUser = "crmsync";
inline constexpr const char* kSmtpPassword = "smtp-secret";
inline constexpr const char* kImapUser = "replies";
inline constexpr const char* kImapPassword = "imap-secret";

// What the SMTP server saved for the message with this Message-ID: its
// summary as Python's email package read it. Waits a little, since the
// server writes after it answered.
[[nodiscard]] std::optional<nlohmann::json> received_message(const MailServers& servers,
                                                             const std::string& message_id);

// A mailbox of the test user, made empty (deleted and created again, which
// gives it a new UIDVALIDITY) by recreate(); messages go in by IMAP APPEND.
class TestMailbox {
 public:
  TestMailbox(const MailServers& servers, std::string name);
  void recreate() const;
  void append(const std::string& raw_message) const;
  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string url() const;  // imaps://127.0.0.1:<port+1>/<name>

 private:
  void command(const std::string& custom_request, bool must_succeed) const;

  const MailServers& servers_;
  std::string name_;
};

class CapturingLogger final : public sdk::Logger {
 public:
  void log(sdk::LogLevel level, const std::string& message) override { lines.emplace_back(level, message); }
  [[nodiscard]] bool has(sdk::LogLevel level, const std::string& part) const;
  std::vector<std::pair<sdk::LogLevel, std::string>> lines;
};

class RecordingSink final : public sdk::BatchSink {
 public:
  bool emit(sdk::RecordBatch batch) override {
    batches.push_back(std::move(batch));
    return true;
  }
  [[nodiscard]] std::vector<sdk::RawRecord> records() const;
  bool flush() override { return true; }  // every batch is kept as emit() takes it
  [[nodiscard]] std::string last_cursor() const {
    return batches.empty() ? std::string() : batches.back().cursor;
  }
  std::vector<sdk::RecordBatch> batches;
};

[[nodiscard]] sdk::ConfigValue options(const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace crmsync::mail_testing
