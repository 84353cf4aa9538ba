#include "daemon/config/reference_resolver.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <utility>

namespace crmsync::config {
namespace {

using Result = Expected<std::string, std::string>;

Result failure(std::string message) {
  return Unexpected<std::string>(std::move(message));
}

void strip_trailing_newlines(std::string& text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
}

// Reads a whole file; the error names the path (a path is not a secret).
Result read_text_file(const std::filesystem::path& path, const std::string& what) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return failure(what + " is a directory, not a file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return failure("cannot read " + what + ": " + std::strerror(errno));
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return failure("cannot read " + what);
  strip_trailing_newlines(contents);
  return contents;
}

}  // namespace

ReferenceResolver::ReferenceResolver(std::filesystem::path base_dir, EnvironmentLookup environment,
                                     SecretRegistry& secrets)
    : base_dir_(std::move(base_dir)), environment_(std::move(environment)), secrets_(secrets) {}

ReferenceResolver::EnvironmentLookup ReferenceResolver::process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());  // NOLINT(concurrency-mt-unsafe): read at startup
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

Result ReferenceResolver::resolve(std::string_view text) const {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t dollar = text.find('$', pos);
    if (dollar == std::string_view::npos) {
      out.append(text.substr(pos));
      break;
    }
    out.append(text.substr(pos, dollar - pos));
    if (text.substr(dollar).starts_with("$${")) {
      out.append("${");
      pos = dollar + 3;
    } else if (text.substr(dollar).starts_with("${")) {
      const std::size_t close = text.find('}', dollar + 2);
      if (close == std::string_view::npos) {
        return failure("reference starting at '${' is not closed with '}' (write $${ for a literal ${)");
      }
      Result value = expand(text.substr(dollar + 2, close - dollar - 2));
      if (!value) return value;
      out.append(value.value());
      pos = close + 1;
    } else {
      out.push_back('$');
      pos = dollar + 1;
    }
  }
  return out;
}

Result ReferenceResolver::expand(std::string_view reference) const {
  const std::string shown = "${" + std::string(reference) + "}";
  if (reference.find("${") != std::string_view::npos) {
    return failure("nested references such as " + shown + " are not supported");
  }
  const std::size_t colon = reference.find(':');
  const std::string kind(reference.substr(0, colon));
  const std::string argument =
      colon == std::string_view::npos ? "" : std::string(reference.substr(colon + 1));
  if (colon == std::string_view::npos || argument.empty()) {
    return failure("reference " + shown +
                   " has no name; expected ${env:NAME}, ${file:PATH} or ${credential:NAME}");
  }
  if (kind == "env") return environment_variable(argument);
  if (kind == "file") return file_contents(argument);
  if (kind == "credential") return credential(argument);
  return failure("unknown reference kind '" + kind + "' in " + shown +
                 "; expected ${env:NAME}, ${file:PATH} or ${credential:NAME}");
}

Result ReferenceResolver::environment_variable(const std::string& name) const {
  std::optional<std::string> value = environment_(name);
  if (!value) return failure("environment variable " + name + " is not set");
  return std::move(*value);
}

Result ReferenceResolver::file_contents(const std::string& path) const {
  std::filesystem::path full(path);
  if (full.is_relative()) full = base_dir_ / full;
  Result contents =
      read_text_file(full.lexically_normal(), "file '" + full.lexically_normal().string() + "'");
  if (contents) secrets_.add(contents.value());
  return contents;
}

Result ReferenceResolver::credential(const std::string& name) const {
  // A credential name is a file name inside the directory, never a path.
  if (name.find('/') != std::string::npos || name == "." || name == "..") {
    return failure("credential name '" + name + "' must be a plain file name");
  }
  const std::optional<std::string> directory = environment_("CREDENTIALS_DIRECTORY");
  if (!directory || directory->empty()) {
    return failure("credential '" + name +
                   "' is not available: CREDENTIALS_DIRECTORY is not set (add LoadCredential=" + name +
                   ":... to the service unit)");
  }
  const std::filesystem::path file = std::filesystem::path(*directory) / name;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    return failure("credential '" + name + "' not found in $CREDENTIALS_DIRECTORY (" + *directory + ")");
  }
  Result contents = read_text_file(file, "credential '" + name + "'");
  if (contents) secrets_.add(contents.value());
  return contents;
}

}  // namespace crmsync::config
