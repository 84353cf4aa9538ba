#include "daemon/config/config_problem_locator.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include "daemon/config/node_location.hpp"

namespace crmsync::config {
namespace {

// "files[2].pattern" and "files.2.pattern" give the same steps.
std::vector<std::string> steps_of(const std::string& path) {
  std::vector<std::string> steps;
  std::string current;
  for (const char c : path) {
    if (c == '.' || c == '[' || c == ']') {
      if (!current.empty()) steps.push_back(std::move(current));
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) steps.push_back(std::move(current));
  return steps;
}

std::optional<std::size_t> index_of(const std::string& step) {
  std::size_t index = 0;
  const char* end = step.data() + step.size();
  const auto [ptr, ec] = std::from_chars(step.data(), end, index);
  if (ec != std::errc{} || ptr != end) return std::nullopt;
  return index;
}

}  // namespace

ConfigError ConfigProblemLocator::locate(const YAML::Node& options, const sdk::ConfigProblem& problem,
                                         const std::string& file, const SourceLocation& fallback,
                                         const SecretRegistry& secrets) {
  SourceLocation at = location_of(options, file, fallback);
  YAML::Node node;
  node.reset(options);
  for (const std::string& step : steps_of(problem.path)) {
    if (node.IsMap()) {
      bool found = false;
      for (auto it = node.begin(); it != node.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == step) {
          // Point at the key of a mapping entry, at the value of a scalar one.
          at = it->second.IsScalar() ? value_location(it->first, it->second, file)
                                     : location_of(it->first.Mark(), file);
          node.reset(it->second);
          found = true;
          break;
        }
      }
      if (!found) break;
    } else if (node.IsSequence()) {
      const std::optional<std::size_t> index = index_of(step);
      if (!index || *index >= node.size()) break;
      const YAML::Node& sequence = node;  // the const operator[] never inserts
      const YAML::Node item = sequence[*index];
      at = location_of(item, file, at);
      node.reset(item);
    } else {
      break;
    }
  }
  std::string message = secrets.redact(problem.message);
  if (!problem.path.empty()) message = "option '" + problem.path + "': " + message;
  return ConfigError{at, std::move(message)};
}

}  // namespace crmsync::config
