#include "daemon/config/journey_config_reader.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include "daemon/config/duration_parser.hpp"
#include "daemon/config/node_location.hpp"

namespace crmsync::config {
namespace {

const std::vector<std::string> kJourneyKeys = {
    "public_url", "signing_key",    "message_domain", "templates", "listen", "retry_backoff", "max_attempts",
    "lease",      "sweep_interval", "surveys",        "reminders", "tiers",  "politeness"};
const std::vector<std::string> kSurveyKeys = {"name",  "on_order_status", "on_feedback_kind", "survey",
                                              "delay", "channel",         "template"};
const std::vector<std::string> kReminderKeys = {"channel",        "kind",    "template",
                                                "owner_fallback", "cadence", "at_risk"};
const std::vector<std::string> kAtRiskKeys = {"enabled", "detractor_score", "within", "template"};
const std::vector<std::string> kTierKeys = {"from_source", "currency", "rules"};
const std::vector<std::string> kTierRuleKeys = {"tier", "min_order_value", "window"};
const std::vector<std::string> kPolitenessKeys = {"quiet_hours", "skip_weekends", "fatigue",
                                                  "default_time_zone", "country_time_zones"};

constexpr const char* kWhere = "'journey'";

bool is_loopback_host(const std::string& host) {
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host.starts_with("127.");
}

// "https://host[:port]/path" -> host; "" when not an http(s) URL.
std::string host_of(const std::string& url, bool& https) {
  https = url.starts_with("https://");
  if (!https && !url.starts_with("http://")) return {};
  const std::string rest = url.substr(https ? 8 : 7);
  const std::string authority = rest.substr(0, rest.find('/'));
  if (authority.starts_with("[")) return authority.substr(0, authority.find(']') + 1);
  return authority.substr(0, authority.find(':'));
}

// "20:00" -> minutes after midnight.
std::optional<int> minute_of_day(std::string_view text) {
  int hour = 0;
  int minute = 0;
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  if (std::from_chars(text.data(), text.data() + 2, hour).ec != std::errc{} ||
      std::from_chars(text.data() + 3, text.data() + 5, minute).ec != std::errc{} || hour > 23 ||
      minute > 59) {
    return std::nullopt;
  }
  return hour * 60 + minute;
}

}  // namespace

JourneyConfigReader::JourneyConfigReader(SchemaReader& reader, std::filesystem::path base_dir)
    : reader_(reader), base_dir_(std::move(base_dir)) {}

void JourneyConfigReader::read(const YAML::Node& root, DaemonConfig& config) {
  const auto section = reader_.mapping(root, "journey", "");
  if (!section) return;
  const YAML::Node& node = section->value;
  reader_.reject_unknown_keys(node, kJourneyKeys, kWhere);
  JourneyConfig& journey = config.journey;
  journey.enabled = true;
  const auto templates = reader_.text(node, "templates", kWhere);
  const std::filesystem::path directory = templates && !templates->empty() ? *templates : "templates";
  journey.templates_directory =
      (directory.is_absolute() ? directory : base_dir_ / directory).lexically_normal().string();
  read_links(node, journey);
  read_delivery(node, journey);
  read_politeness(node, journey);
  read_surveys(node, config, journey);
  read_reminders(node, config, journey);
  read_tiers(node, journey);
}

void JourneyConfigReader::read_links(const YAML::Node& section, JourneyConfig& journey) {
  if (auto url = reader_.text(section, "public_url", kWhere)) {
    bool https = false;
    const std::string host = host_of(*url, https);
    if (host.empty() || (!https && !is_loopback_host(host))) {
      reader_.error_at(*SchemaReader::find(section, "public_url"),
                       "'public_url' in 'journey' must be an https URL (plain http only on loopback)");
    } else {
      journey.public_url = *url;
      journey.message_domain = host;
    }
  }
  if (auto domain = reader_.text(section, "message_domain", kWhere)) journey.message_domain = *domain;
  if (auto key = reader_.text(section, "signing_key", kWhere)) {
    if (key->size() < 16) {
      reader_.error_at(*SchemaReader::find(section, "signing_key"),
                       "'signing_key' in 'journey' must have at least 16 characters");
    } else {
      journey.signing_key = *key;
    }
  }
  if (auto listen = reader_.text(section, "listen", kWhere)) {
    const auto colon = listen->rfind(':');
    long long port = 0;
    const bool port_ok =
        colon != std::string::npos &&
        std::from_chars(listen->data() + colon + 1, listen->data() + listen->size(), port).ec ==
            std::errc{} &&
        port > 0 && port < 65536;
    if (!port_ok) {
      reader_.error_at(*SchemaReader::find(section, "listen"),
                       "'listen' in 'journey' must be an address and port such as 127.0.0.1:8089");
    } else {
      journey.listen = *listen;
    }
  }
}

void JourneyConfigReader::read_delivery(const YAML::Node& section, JourneyConfig& journey) {
  if (auto backoff = duration(section, "retry_backoff", kWhere)) journey.retry_backoff = *backoff;
  if (auto lease = duration(section, "lease", kWhere)) journey.lease = *lease;
  if (auto sweep = duration(section, "sweep_interval", kWhere)) journey.sweep_interval = *sweep;
  if (auto attempts = number(section, "max_attempts", kWhere, 1, 100))
    journey.max_attempts = static_cast<int>(*attempts);
}

void JourneyConfigReader::read_surveys(const YAML::Node& section, const DaemonConfig& config,
                                       JourneyConfig& journey) {
  const auto surveys = reader_.sequence(section, "surveys", kWhere);
  if (!surveys) return;
  std::size_t index = 0;
  for (const YAML::Node& item : surveys->value) read_survey(item, index++, config, journey);
  if (!journey.surveys.empty()) {
    if (journey.signing_key.empty()) {
      reader_.error_at(*surveys,
                       "surveys in 'journey' need a 'signing_key' for their links, e.g. "
                       "${credential:journey_signing_key}");
    }
    if (journey.public_url.empty()) {
      reader_.error_at(*surveys, "surveys in 'journey' need a 'public_url' for their links");
    }
  }
}

void JourneyConfigReader::read_survey(const YAML::Node& item, std::size_t index, const DaemonConfig& config,
                                      JourneyConfig& journey) {
  const std::string entry = "journey survey " + std::to_string(index + 1);
  if (!item.IsMap()) {
    reader_.error(location_of(item.Mark(), reader_.file()), "each entry of 'surveys' must be a mapping");
    return;
  }
  reader_.reject_unknown_keys(item, kSurveyKeys, entry);
  SurveyRule rule;
  const auto name = reader_.required_text(item, "name", entry);
  const std::string where = name ? "survey '" + *name + "'" : entry;
  rule.order_statuses = words(item, "on_order_status", where);
  rule.feedback_kinds = words(item, "on_feedback_kind", where);
  if (rule.order_statuses.empty() && rule.feedback_kinds.empty()) {
    reader_.error(location_of(item.Mark(), reader_.file()),
                  where + " needs 'on_order_status' or 'on_feedback_kind': what triggers it");
  }
  if (auto survey = reader_.text(item, "survey", where)) {
    if (*survey != "nps" && *survey != "csat") {
      reader_.error_at(*SchemaReader::find(item, "survey"),
                       SchemaReader::describe("survey", where) + " must be nps or csat");
    } else {
      rule.survey = *survey;
      rule.template_name = *survey + "_survey";
    }
  }
  if (auto delay = duration(item, "delay", where)) rule.delay = *delay;
  if (auto channel = reader_.required_text(item, "channel", where)) {
    check_channel(item, "channel", *channel, config, where);
    rule.channel = *channel;
  }
  if (auto template_name = reader_.text(item, "template", where)) rule.template_name = *template_name;
  require_template(item, "template", rule.template_name, journey);
  if (!name) return;
  rule.name = *name;
  journey.surveys.push_back(std::move(rule));
}

void JourneyConfigReader::read_reminders(const YAML::Node& section, const DaemonConfig& config,
                                         JourneyConfig& journey) {
  const auto reminders = reader_.mapping(section, "reminders", kWhere);
  if (!reminders) return;
  const std::string where = "'reminders' in 'journey'";
  const YAML::Node& node = reminders->value;
  reader_.reject_unknown_keys(node, kReminderKeys, where);
  ReminderRules& rules = journey.reminders;
  if (auto channel = reader_.required_text(node, "channel", where)) {
    check_channel(node, "channel", *channel, config, where);
    rules.channel = *channel;
  }
  if (auto kind = reader_.text(node, "kind", where)) {
    if (*kind != "reminder_email" && *kind != "reminder_task") {
      reader_.error_at(*SchemaReader::find(node, "kind"),
                       "'kind' in " + where + " must be reminder_email or reminder_task");
    } else {
      rules.kind = *kind;
    }
  }
  if (auto template_name = reader_.text(node, "template", where)) rules.template_name = *template_name;
  require_template(node, "template", rules.template_name, journey);
  if (auto fallback = reader_.text(node, "owner_fallback", where)) rules.owner_fallback = *fallback;
  if (const auto cadence = reader_.mapping(node, "cadence", where)) {
    for (const auto& entry : cadence->value) {
      const std::string tier = entry.first.Scalar();
      if (auto every = duration(cadence->value, tier, "'cadence' in " + where))
        rules.cadences.push_back({tier, *every});
    }
  }
  if (const auto at_risk = reader_.mapping(node, "at_risk", where)) {
    const std::string risk_where = "'at_risk' in " + where;
    reader_.reject_unknown_keys(at_risk->value, kAtRiskKeys, risk_where);
    if (auto enabled = reader_.boolean(at_risk->value, "enabled", risk_where))
      rules.at_risk.enabled = *enabled;
    if (auto score = number(at_risk->value, "detractor_score", risk_where, 0, 10)) {
      rules.at_risk.detractor_score = static_cast<int>(*score);
    }
    if (auto within = duration(at_risk->value, "within", risk_where)) rules.at_risk.within = *within;
    if (auto template_name = reader_.text(at_risk->value, "template", risk_where)) {
      rules.at_risk.template_name = *template_name;
    }
    require_template(at_risk->value, "template", rules.at_risk.template_name, journey);
  }
}

void JourneyConfigReader::read_tiers(const YAML::Node& section, JourneyConfig& journey) {
  const auto tiers = reader_.mapping(section, "tiers", kWhere);
  if (!tiers) return;
  const std::string where = "'tiers' in 'journey'";
  reader_.reject_unknown_keys(tiers->value, kTierKeys, where);
  if (auto from_source = reader_.boolean(tiers->value, "from_source", where))
    journey.tiers.from_source = *from_source;
  if (auto currency = reader_.text(tiers->value, "currency", where)) {
    const bool iso = currency->size() == 3 && std::all_of(currency->begin(), currency->end(),
                                                          [](char c) { return c >= 'A' && c <= 'Z'; });
    if (iso) {
      journey.tiers.currency = *currency;
    } else {
      reader_.error_at(
          *SchemaReader::find(tiers->value, "currency"),
          "'currency' in " + where + " must be an ISO 4217 code such as CNY, not '" + *currency + "'");
    }
  }
  const auto rules = reader_.sequence(tiers->value, "rules", where);
  if (!rules) return;
  for (const YAML::Node& item : rules->value) {
    if (!item.IsMap()) {
      reader_.error(location_of(item.Mark(), reader_.file()),
                    "each entry of 'rules' in " + where + " must be a mapping");
      continue;
    }
    reader_.reject_unknown_keys(item, kTierRuleKeys, "a tier rule");
    TierRule rule;
    const auto tier = reader_.required_text(item, "tier", "a tier rule");
    if (auto minimum = number(item, "min_order_value", "a tier rule", 0, 1'000'000'000'000LL)) {
      rule.min_order_value = static_cast<double>(*minimum);
    }
    if (auto window = duration(item, "window", "a tier rule")) rule.window = *window;
    if (!tier) continue;
    rule.tier = *tier;
    journey.tiers.rules.push_back(std::move(rule));
  }
}

void JourneyConfigReader::read_politeness(const YAML::Node& section, JourneyConfig& journey) {
  const auto politeness = reader_.mapping(section, "politeness", kWhere);
  if (!politeness) return;
  const std::string where = "'politeness' in 'journey'";
  const YAML::Node& node = politeness->value;
  reader_.reject_unknown_keys(node, kPolitenessKeys, where);
  PolitenessConfig& out = journey.politeness;
  if (auto quiet = reader_.text(node, "quiet_hours", where)) {
    const auto dash = quiet->find('-');
    const auto start =
        dash == std::string::npos ? std::nullopt : minute_of_day(std::string_view(*quiet).substr(0, dash));
    const auto end =
        dash == std::string::npos ? std::nullopt : minute_of_day(std::string_view(*quiet).substr(dash + 1));
    if (!start || !end) {
      reader_.error_at(*SchemaReader::find(node, "quiet_hours"),
                       "'quiet_hours' in " + where + " must be a local time range such as 20:00-09:00");
    } else {
      out.quiet_start_minute = *start;
      out.quiet_end_minute = *end;
    }
  }
  if (auto weekends = reader_.boolean(node, "skip_weekends", where)) out.skip_weekends = *weekends;
  if (auto fatigue = duration(node, "fatigue", where)) out.fatigue = *fatigue;
  if (auto zone = reader_.text(node, "default_time_zone", where)) out.default_time_zone = *zone;
  if (const auto zones = reader_.mapping(node, "country_time_zones", where)) {
    for (const auto& entry : zones->value) {
      if (auto zone = reader_.text(zones->value, entry.first.Scalar(), "'country_time_zones'")) {
        out.country_time_zones[entry.first.Scalar()] = *zone;
      }
    }
  }
}

void JourneyConfigReader::require_template(const YAML::Node& mapping, std::string_view key,
                                           const std::string& name, const JourneyConfig& journey) {
  const auto file = std::filesystem::path(journey.templates_directory) / (name + ".en.txt");
  if (std::filesystem::exists(file)) return;
  const std::string message = "message template '" + name + "' not found: no " + file.string();
  if (const auto field = SchemaReader::find(mapping, key)) {
    reader_.error_at(*field, message);
  } else {
    reader_.error(location_of(mapping.Mark(), reader_.file()), message);
  }
}

std::optional<std::chrono::seconds> JourneyConfigReader::duration(const YAML::Node& mapping,
                                                                  std::string_view key,
                                                                  const std::string& where) {
  const auto text = reader_.text(mapping, key, where);
  if (!text) return std::nullopt;
  const auto parsed = DurationParser::parse(*text);
  if (!parsed) {
    reader_.error_at(*SchemaReader::find(mapping, key),
                     SchemaReader::describe(key, where) + " must be a duration such as 45s, 5m, 2h or 30d");
    return std::nullopt;
  }
  return *parsed;
}

std::optional<long long> JourneyConfigReader::number(const YAML::Node& mapping, std::string_view key,
                                                     const std::string& where, long long low,
                                                     long long high) {
  const auto text = reader_.text(mapping, key, where);
  if (!text) return std::nullopt;
  long long value = 0;
  const auto [end, problem] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (problem != std::errc{} || end != text->data() + text->size() || value < low || value > high) {
    reader_.error_at(*SchemaReader::find(mapping, key),
                     SchemaReader::describe(key, where) + " must be a whole number from " +
                         std::to_string(low) + " to " + std::to_string(high));
    return std::nullopt;
  }
  return value;
}

std::vector<std::string> JourneyConfigReader::words(const YAML::Node& mapping, std::string_view key,
                                                    const std::string& where) {
  std::vector<std::string> out;
  const auto field = SchemaReader::find(mapping, key);
  if (!field) return out;
  if (field->value.IsScalar()) return {field->value.Scalar()};
  if (!field->value.IsSequence()) {
    reader_.error_at(*field, SchemaReader::describe(key, where) + " must be a word or a list of words");
    return out;
  }
  for (const auto& item : field->value) {
    if (!item.IsScalar()) {
      reader_.error(location_of(item.Mark(), reader_.file()),
                    SchemaReader::describe(key, where) + " must list words");
      continue;
    }
    std::string word = item.Scalar();
    std::transform(word.begin(), word.end(), word.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.push_back(std::move(word));
  }
  return out;
}

void JourneyConfigReader::check_channel(const YAML::Node& mapping, std::string_view key,
                                        const std::string& channel, const DaemonConfig& config,
                                        const std::string& where) {
  const bool known = std::any_of(config.instances.begin(), config.instances.end(),
                                 [&](const InstanceConfig& instance) { return instance.name == channel; });
  if (!known) {
    reader_.error_at(
        *SchemaReader::find(mapping, key),
        SchemaReader::describe(key, where) + ": no instance named '" + channel + "' in 'instances'");
  }
}

}  // namespace crmsync::config
