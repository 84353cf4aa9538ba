#include "conformance_descriptor.hpp"

#include <algorithm>
#include <stdexcept>

namespace crmsync::conformance {
namespace {

const std::vector<std::string> kKnownKeys = {"plugin",
                                             "plugin_directory",
                                             "mock",
                                             "env",
                                             "options",
                                             "instance",
                                             "streams",
                                             "far_future_cursor",
                                             "incremental_overlap",
                                             "reports_deletes",
                                             "token_faults",
                                             "max_requests_per_second",
                                             "mutate"};

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// ${source_dir} and ${binary_dir}: the checkout and the build tree.
std::string with_build_paths(const std::string& text) {
  return replace_all(replace_all(text, "${source_dir}", CRMSYNC_SOURCE_DIR), "${binary_dir}",
                     CRMSYNC_BINARY_DIR);
}

[[noreturn]] void fail(const std::filesystem::path& file, const YAML::Node& node,
                       const std::string& message) {
  const auto mark = node.Mark();
  throw std::runtime_error(file.string() + ":" + std::to_string(mark.line + 1) + ":" +
                           std::to_string(mark.column + 1) + ": " + message);
}

std::filesystem::path absolute_in_checkout(const std::string& text) {
  std::filesystem::path path = with_build_paths(text);
  return path.is_absolute() ? path : std::filesystem::path(CRMSYNC_SOURCE_DIR) / path;
}

}  // namespace

ConformanceDescriptor ConformanceDescriptor::load(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
  if (!root.IsMap()) throw std::runtime_error(file.string() + ": a descriptor is a YAML mapping");
  for (const auto& entry : root) {
    const auto key = entry.first.as<std::string>();
    if (std::find(kKnownKeys.begin(), kKnownKeys.end(), key) == kKnownKeys.end()) {
      fail(file, entry.first, "unknown key '" + key + "'");
    }
  }
  ConformanceDescriptor d;
  d.file = file;
  d.name = file.stem().string();
  try {
    if (!root["plugin"]) fail(file, root, "'plugin' is required");
    d.plugin = root["plugin"].as<std::string>();
    d.plugin_directory = root["plugin_directory"]
                             ? absolute_in_checkout(root["plugin_directory"].as<std::string>())
                             : std::filesystem::path(CRMSYNC_PLUGIN_DIR);
    const YAML::Node mock = root["mock"];
    if (!mock || !mock["script"]) fail(file, root, "'mock.script' is required");
    d.mock_script = absolute_in_checkout(mock["script"].as<std::string>());
    if (mock["args"]) {
      for (const auto& argument : mock["args"])
        d.mock_arguments.push_back(with_build_paths(argument.as<std::string>()));
    }
    if (root["env"]) {
      for (const auto& entry : root["env"])
        d.environment[entry.first.as<std::string>()] = entry.second.as<std::string>();
    }
    if (!root["options"] || !root["options"].IsMap()) fail(file, root, "'options' (a mapping) is required");
    d.options = root["options"];
    d.instance_settings = root["instance"];
    if (!root["streams"] || !root["streams"].IsSequence()) fail(file, root, "'streams' (a list) is required");
    for (const auto& stream : root["streams"]) d.streams.push_back(stream.as<std::string>());
    if (root["far_future_cursor"]) {
      for (const auto& entry : root["far_future_cursor"]) {
        d.far_future_cursors[entry.first.as<std::string>()] = entry.second.as<std::string>();
      }
    }
    for (const auto& stream : d.streams) {
      if (!d.far_future_cursors.contains(stream)) {
        fail(file, root, "'far_future_cursor' has no cursor for stream '" + stream + "'");
      }
    }
    if (root["incremental_overlap"]) d.incremental_overlap = root["incremental_overlap"].as<int>();
    if (root["reports_deletes"]) d.reports_deletes = root["reports_deletes"].as<bool>();
    if (root["token_faults"]) {
      d.token_faults.clear();
      for (const auto& fault : root["token_faults"]) d.token_faults.push_back(fault.as<std::string>());
    }
    if (root["max_requests_per_second"])
      d.max_requests_per_second = root["max_requests_per_second"].as<double>();
    if (const YAML::Node mutate = root["mutate"]) {
      d.mutate_created = mutate["created"] ? mutate["created"].as<int>() : d.mutate_created;
      d.mutate_updated = mutate["updated"] ? mutate["updated"].as<int>() : d.mutate_updated;
      d.mutate_deleted = mutate["deleted"] ? mutate["deleted"].as<int>() : d.mutate_deleted;
    }
  } catch (const YAML::Exception& e) {
    throw std::runtime_error(file.string() + ":" + std::to_string(e.mark.line + 1) + ": " + e.what());
  }
  return d;
}

std::vector<ConformanceDescriptor> ConformanceDescriptor::load_all(const std::filesystem::path& directory) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<ConformanceDescriptor> descriptors;
  for (const auto& file : files) descriptors.push_back(load(file));
  return descriptors;
}

std::string ConformanceDescriptor::options_yaml(const std::string& mock_url) const {
  YAML::Emitter out;
  out << options;
  return replace_all(with_build_paths(out.c_str()), "${mock_url}", mock_url);
}

}  // namespace crmsync::conformance
