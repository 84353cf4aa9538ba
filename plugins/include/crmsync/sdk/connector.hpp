#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <boost/dll/alias.hpp>

#include "crmsync/sdk/config_spec.hpp"
#include "crmsync/sdk/config_value.hpp"
#include "crmsync/sdk/host.hpp"
#include "crmsync/sdk/record.hpp"
#include "crmsync/sdk/status.hpp"
#include "crmsync/sdk/version.hpp"

namespace crmsync::sdk {

// Everything an instance of a connector gets when the host creates it.
struct InstanceContext {
  std::string instance_name;  // from the config, e.g. "partners"
  ConfigValue options;        // validated, defaults filled in, references resolved
  HostServices host;
};

struct StreamInfo {
  std::string name;  // "customers", "orders", ...
  EntityType entity = EntityType::customer;
};

// The host side of a read. emit() hands a batch over and returns at once
// unless batches are already waiting: the host commits each batch together
// with its cursor in one transaction, in the order emitted, while the
// connector reads the next page. So a connector never learns of a commit from
// emit() itself; it calls flush() before anything outside the host that must
// only happen once its records are stored (moving a file away, deleting a
// message). The host flushes when read() returns.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  // Returns false when the read must stop now: the daemon is shutting down or
  // reloading, or an earlier batch's commit failed (this batch and any still
  // waiting are then dropped). The connector then returns promptly; its next
  // read resumes from the last committed cursor.
  virtual bool emit(RecordBatch batch) = 0;
  // Returns once every batch emitted so far is committed; false when one of
  // them failed, and the connector must then not act as if they were stored.
  virtual bool flush() = 0;
};

// A connector that reads records out of a system.
class SourceConnector {
 public:
  virtual ~SourceConnector() = default;
  [[nodiscard]] virtual std::vector<StreamInfo> streams() const = 0;
  // Reads `stream` from just after `cursor` ("" means from the beginning) and
  // emits batches until there is nothing new or the sink says stop. Never
  // stores the cursor itself, never sleeps for retries: return
  // Status::retry_after and the host schedules the next attempt.
  virtual Status read(const std::string& stream, const std::string& cursor, BatchSink& sink) = 0;
};

// Field names in `Action::fields`. Kinds the daemon plans: "survey_email",
// "reminder_email" (to, subject, bodies) and "reminder_task" (a task in the
// CRM the customer came from: customer_ref, owner, subject, text_body, due_at).
namespace action_field {
inline constexpr const char* kTo = "to";                           // recipient address
inline constexpr const char* kToName = "to_name";                  // display name, UTF-8
inline constexpr const char* kSubject = "subject";                 // UTF-8
inline constexpr const char* kTextBody = "text_body";              // UTF-8 plain text
inline constexpr const char* kHtmlBody = "html_body";              // UTF-8 HTML, optional
inline constexpr const char* kMessageId = "message_id";            // "<...@...>", stable per idempotency key
inline constexpr const char* kUnsubscribeUrl = "unsubscribe_url";  // https one-click link (RFC 8058)
inline constexpr const char* kLanguage = "language";               // "en", "zh", ...
inline constexpr const char* kCustomerRef = "customer_ref";        // the customer's id in the target system
inline constexpr const char* kOwner = "owner";   // account owner (email or the system's user id)
inline constexpr const char* kDueAt = "due_at";  // ISO 8601 UTC
}  // namespace action_field

// One thing to do in the outside world: send a survey email, create a CRM task.
struct Action {
  std::string kind;             // "survey_email", "reminder_task", ...
  std::string idempotency_key;  // the same key must never cause two deliveries
  FieldMap fields;              // recipient, subject, body, ...
};

// A connector that carries out actions. Answers ok, retry (with a delay) or
// failed (with a reason the operator can read).
class ActionConnector {
 public:
  virtual ~ActionConnector() = default;
  virtual Status deliver(const Action& action) = 0;
};

// The plugin's factory: one per loaded library. It declares the option table
// and creates configured instances.
class Connector {
 public:
  virtual ~Connector() = default;
  [[nodiscard]] virtual ConfigSpec config_spec() const = 0;
  // Checks what the option table cannot express (mappings, cross-field rules).
  // Scalar types, required keys and unknown keys are already checked by the host.
  [[nodiscard]] virtual std::vector<ConfigProblem> validate(const ConfigValue& options) const {
    (void)options;
    return {};
  }
  // A source connector overrides this; nullptr means "not a source".
  [[nodiscard]] virtual std::unique_ptr<SourceConnector> create_source(const InstanceContext& context) const {
    (void)context;
    return nullptr;
  }
  // An action connector overrides this; nullptr means "not an action connector".
  [[nodiscard]] virtual std::unique_ptr<ActionConnector> create_action(const InstanceContext& context) const {
    (void)context;
    return nullptr;
  }
};

// What a plugin library exports under the alias `crmsync_plugin`. Plain C
// layout with abi_version first: the host reads that field before anything
// else, so a plugin from another SDK is refused before its types are touched.
struct PluginDescriptor {
  std::uint32_t abi_version;
  const char* name;
  const char* version;
  const char* build_id;
  const char* description;
  Connector* (*create)();  // returns a new Connector (owned by the host) or nullptr
};

// The exported symbol's name, for the host.
inline constexpr const char* kDescriptorAlias = "crmsync_plugin";

}  // namespace crmsync::sdk

#ifndef CRMSYNC_BUILD_ID
#define CRMSYNC_BUILD_ID "unknown"
#endif

// Exports a connector class from a plugin library. Use once per plugin, in its
// entry file:
//   CRMSYNC_CONNECTOR(CsvDropConnector, "csv_drop", "1.0.0", "Partner CSV file drops")
#define CRMSYNC_CONNECTOR(ConnectorClass, plugin_name, plugin_version, plugin_description) \
  namespace crmsync_plugin_entry {                                                         \
  inline crmsync::sdk::Connector* create_connector() {                                     \
    try {                                                                                  \
      return new ConnectorClass();                                                         \
    } catch (...) {                                                                        \
      return nullptr;                                                                      \
    }                                                                                      \
  }                                                                                        \
  inline const crmsync::sdk::PluginDescriptor kDescriptor{                                 \
      crmsync::sdk::kAbiVersion, plugin_name,        plugin_version,                       \
      CRMSYNC_BUILD_ID,          plugin_description, &create_connector};                   \
  inline const crmsync::sdk::PluginDescriptor* descriptor() {                              \
    return &kDescriptor;                                                                   \
  }                                                                                        \
  }                                                                                        \
  BOOST_DLL_ALIAS(crmsync_plugin_entry::descriptor, crmsync_plugin)
