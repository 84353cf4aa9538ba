#include "csv_drop_settings.hpp"

#include <algorithm>

namespace crmsync::csv_drop {
namespace {

using sdk::ConfigProblem;
using sdk::ConfigValue;
using sdk::OptionType;

std::optional<std::int64_t> integer_in_range(const ConfigValue& options, const std::string& key,
                                             std::int64_t fallback, std::int64_t low, std::int64_t high,
                                             std::vector<ConfigProblem>& problems) {
  const ConfigValue* value = options.find(key);
  if (value == nullptr || value->is_null()) return fallback;
  const auto number = options.integer(key);
  if (!number || *number < low || *number > high) {
    problems.push_back(
        {key, "must be a whole number from " + std::to_string(low) + " to " + std::to_string(high)});
    return std::nullopt;
  }
  return number;
}

std::optional<char> parse_delimiter(const std::string& text) {
  if (text == "tab" || text == "\\t") return '\t';
  if (text.size() != 1) return std::nullopt;
  const char c = text[0];
  if (c == '"' || c == '\r' || c == '\n' || static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
  return c;
}

// An optional path whose default lies inside `directory`.
std::filesystem::path path_or(const ConfigValue& options, const std::string& key,
                              const std::filesystem::path& fallback) {
  const std::string text = options.string_or(key, "");
  return text.empty() ? fallback : std::filesystem::path(text);
}

bool same_place(const std::filesystem::path& a, const std::filesystem::path& b) {
  return a.lexically_normal() / "" == b.lexically_normal() / "";
}

}  // namespace

sdk::ConfigSpec CsvDropSettings::spec() {
  return {
      {"directory", OptionType::path, std::nullopt, true, false,
       "The inbox: partners drop their CSV files here. Only regular files directly in it are read."},
      {"done_directory", OptionType::path, std::nullopt, false, false,
       "Where fully ingested files are moved, and where the ledger of ingested contents (.ingested) lives. "
       "Default: <directory>/done."},
      {"quarantine_directory", OptionType::path, std::nullopt, false, false,
       "Where files that cannot be read at all are moved, each with a <name>.reason file beside it. "
       "Default: <directory>/quarantine."},
      {"after_ingest", OptionType::string, "move", false, false,
       "move: an ingested file goes to done_directory. keep: it stays in the inbox (a read-only share) and "
       "only the ledger remembers it; a file that cannot be read is then reported, not moved."},
      {"ledger_file", OptionType::path, std::nullopt, false, false,
       "The ledger of ingested file contents (SHA-256, one per line). Default: <done_directory>/.ingested."},
      {"settle_seconds", OptionType::integer, std::to_string(kDefaultSettleSeconds), false, false,
       "A file modified within this many seconds is still being written and is left for the next run."},
      {"batch_size", OptionType::integer, std::to_string(kDefaultBatchSize), false, false,
       "Records (and rejected rows) per batch; each batch commits with its position in the file."},
      {"encoding", OptionType::string, "auto", false, false,
       "auto (a BOM decides; else UTF-8 when the bytes are valid UTF-8; else GB18030, which covers GBK and "
       "GB2312), or one of utf-8, gbk, gb18030 for every file."},
      {"delimiter", OptionType::string, ",", false, false, "The field separator: one character, or \"tab\"."},
      {"streams", OptionType::object, std::nullopt, true, false,
       "Stream name -> {entity: customer|order|feedback, pattern: file name glob (case-insensitive), "
       "id_column: CSV header of the external id, columns: {canonical field: CSV header}, "
       "line_columns (orders only): {sku|description|quantity|unit_price|line_total: CSV header}}."},
  };
}

std::optional<CsvDropSettings> CsvDropSettings::parse(const ConfigValue& options,
                                                      std::vector<ConfigProblem>& problems) {
  const std::size_t problems_before = problems.size();
  CsvDropSettings settings;

  settings.directory = options.string_or("directory", "");
  if (settings.directory.empty()) problems.push_back({"directory", "is required: the inbox directory"});
  settings.done_directory = path_or(options, "done_directory", settings.directory / "done");
  settings.quarantine_directory = path_or(options, "quarantine_directory", settings.directory / "quarantine");
  if (!settings.directory.empty()) {
    if (same_place(settings.done_directory, settings.directory)) {
      problems.push_back({"done_directory", "must not be the inbox directory itself"});
    }
    if (same_place(settings.quarantine_directory, settings.directory)) {
      problems.push_back({"quarantine_directory", "must not be the inbox directory itself"});
    }
    if (same_place(settings.quarantine_directory, settings.done_directory)) {
      problems.push_back({"quarantine_directory", "must differ from done_directory"});
    }
  }

  const std::string after_ingest = options.string_or("after_ingest", "move");
  if (after_ingest == "keep") {
    settings.after_ingest = AfterIngest::keep;
  } else if (after_ingest != "move") {
    problems.push_back({"after_ingest", "must be move or keep, not '" + after_ingest + "'"});
  }
  settings.ledger_file = path_or(options, "ledger_file", settings.done_directory / ".ingested");

  if (auto settle = integer_in_range(options, "settle_seconds", kDefaultSettleSeconds, 0, kMaxSettleSeconds,
                                     problems)) {
    settings.settle_time = std::chrono::seconds(*settle);
  }
  if (auto batch = integer_in_range(options, "batch_size", kDefaultBatchSize, 1, kMaxBatchSize, problems)) {
    settings.batch_size = static_cast<std::size_t>(*batch);
  }

  const std::string encoding = options.string_or("encoding", "auto");
  if (auto option = parse_encoding_option(encoding)) {
    settings.encoding = *option;
  } else {
    problems.push_back(
        {"encoding", "unknown encoding '" + encoding + "'; expected auto, utf-8, gbk or gb18030"});
  }

  const std::string delimiter = options.string_or("delimiter", ",");
  if (auto c = parse_delimiter(delimiter)) {
    settings.delimiter = *c;
  } else {
    problems.push_back(
        {"delimiter", "must be one ASCII character other than a quote or line break, or \"tab\""});
  }

  const ConfigValue* streams = options.find("streams");
  if (streams == nullptr || streams->kind() != ConfigValue::Kind::mapping || streams->entries().empty()) {
    problems.push_back(
        {"streams", "is required: a mapping of stream name to {entity, pattern, id_column, columns}"});
  } else {
    for (const auto& [name, value] : streams->entries()) {
      if (auto mapping = StreamMapping::parse(name, value, problems))
        settings.streams.push_back(std::move(*mapping));
    }
    for (std::size_t i = 0; i < settings.streams.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (settings.streams[i].pattern() == settings.streams[j].pattern()) {
          problems.push_back({"streams." + settings.streams[i].name() + ".pattern",
                              "is the same as the pattern of stream '" + settings.streams[j].name() +
                                  "'; each file must belong to one stream"});
        }
      }
    }
  }

  if (problems.size() != problems_before) return std::nullopt;
  return settings;
}

const StreamMapping* CsvDropSettings::find_stream(const std::string& name) const {
  const auto it =
      std::find_if(streams.begin(), streams.end(), [&](const auto& s) { return s.name() == name; });
  return it == streams.end() ? nullptr : &*it;
}

}  // namespace crmsync::csv_drop
