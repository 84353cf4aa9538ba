#include "daemon/app/command_line.hpp"

#include <cstdlib>
#include <exception>
#include <optional>
#include <sstream>
#include <vector>

#include <boost/program_options.hpp>

namespace crmsync::app {
namespace po = boost::program_options;

namespace {

constexpr const char* kDefaultConfig = "/etc/crmsync/crmsync.yaml";

std::string usage_text(const po::options_description& options) {
  std::ostringstream text;
  text << "usage: crmsyncd [--config FILE] [COMMAND]\n\n"
          "commands:\n"
          "  run             stay up and sync each connector instance on its schedule (default)\n"
          "  once            one pass of every instance; exit 0 only if all succeeded\n"
          "  check           validate the config and plugins, print every problem\n"
          "  plugins         list loaded plugins: name, version, SDK version, path\n"
          "  describe NAME   print a connector's options with type, default and doc\n"
          "  outbox          list journey messages not sent (planned, retrying, failed, suppressed)\n"
          "  merge INTO FROM merge golden customer FROM into INTO (kept together from then on)\n"
          "  unmerge ID      undo the merges that built customer ID (kept apart from then on)\n"
          "  resolve         re-resolve every customer with the current identity rules\n\n"
       << options;
  return text.str();
}

}  // namespace

Expected<CommandLine, std::string> CommandLine::parse(int argc, const char* const* argv) {
  po::options_description options("options");
  options.add_options()("config,c", po::value<std::string>(),
                        "config file (default: $CRMSYNC_CONFIG or /etc/crmsync/crmsync.yaml)")(
      "reason", po::value<std::string>(), "merge, unmerge: why, for the audit log")(
      "actor", po::value<std::string>(), "merge, unmerge: who decides (default: $SUDO_USER or $USER)")(
      "version,V", "print the version and exit")("help,h", "print this help and exit");
  po::options_description hidden;
  hidden.add_options()("words", po::value<std::vector<std::string>>(), "command and its argument");
  po::options_description all;
  all.add(options).add(hidden);
  po::positional_options_description positional;
  positional.add("words", -1);

  CommandLine line;
  line.usage = usage_text(options);
  po::variables_map values;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), values);
    po::notify(values);
  } catch (const po::error& e) {
    return Unexpected<std::string>(std::string(e.what()) + "\n\n" + line.usage);
  }

  if (values.count("config") != 0) {
    line.config_path = values["config"].as<std::string>();
  } else if (const char* env = std::getenv("CRMSYNC_CONFIG"); env != nullptr && *env != '\0') {  // NOLINT
    line.config_path = env;
  } else {
    line.config_path = kDefaultConfig;
  }
  if (values.count("help") != 0) {
    line.command = Command::help;
    return line;
  }
  if (values.count("version") != 0) {
    line.command = Command::version;
    return line;
  }

  const auto words = values.count("words") != 0 ? values["words"].as<std::vector<std::string>>()
                                                : std::vector<std::string>{};
  const auto wrong = [&](const std::string& why) {
    return Unexpected<std::string>(why + "\n\n" + line.usage);
  };
  if (words.empty()) return line;
  const std::string& verb = words.front();
  const std::size_t expected_words = verb == "describe" || verb == "unmerge" ? 2 : verb == "merge" ? 3 : 1;
  const auto customer_id = [&](std::size_t i) -> std::optional<long long> {
    if (i >= words.size()) return std::nullopt;
    try {
      std::size_t used = 0;
      const long long id = std::stoll(words[i], &used);
      if (used == words[i].size() && id > 0) return id;
    } catch (const std::exception&) {
    }
    return std::nullopt;
  };
  if (verb == "run") {
    line.command = Command::run;
  } else if (verb == "once") {
    line.command = Command::once;
  } else if (verb == "check") {
    line.command = Command::check;
  } else if (verb == "plugins") {
    line.command = Command::plugins;
  } else if (verb == "describe") {
    if (words.size() < 2) return wrong("describe needs a connector name, e.g. `crmsyncd describe csv_drop`");
    line.command = Command::describe;
    line.describe_name = words[1];
  } else if (verb == "outbox") {
    line.command = Command::outbox;
  } else if (verb == "merge") {
    const auto into = customer_id(1);
    const auto from = customer_id(2);
    if (!into || !from)
      return wrong("merge needs two customer ids, e.g. `crmsyncd merge 12 31` (31 into 12)");
    line.command = Command::merge;
    line.customer_ids = {*into, *from};
  } else if (verb == "unmerge") {
    const auto id = customer_id(1);
    if (!id) return wrong("unmerge needs a customer id, e.g. `crmsyncd unmerge 12`");
    line.command = Command::unmerge;
    line.customer_ids = {*id};
  } else if (verb == "resolve") {
    line.command = Command::resolve;
  } else if (verb == "help") {
    line.command = Command::help;
  } else if (verb == "version") {
    line.command = Command::version;
  } else {
    return wrong("unknown command '" + verb + "'");
  }
  if (words.size() > expected_words) return wrong("unexpected argument '" + words[expected_words] + "'");
  if (values.count("reason") != 0) line.reason = values["reason"].as<std::string>();
  if (values.count("actor") != 0) {
    line.actor = values["actor"].as<std::string>();
  } else if (const char* sudo = std::getenv("SUDO_USER"); sudo != nullptr && *sudo != '\0') {  // NOLINT
    line.actor = sudo;
  } else if (const char* user = std::getenv("USER"); user != nullptr && *user != '\0') {  // NOLINT
    line.actor = user;
  } else {
    line.actor = "cli";
  }
  return line;
}

}  // namespace crmsync::app
