#include "daemon/app/redacting_sink.hpp"

#include <cstdio>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

namespace crmsync::app {
namespace {

std::string read_all(std::FILE* file) {
  std::rewind(file);
  std::string text;
  char buffer[512];
  while (const std::size_t n = std::fread(buffer, 1, sizeof(buffer), file)) text.append(buffer, n);
  return text;
}

TEST(RedactingSink, SecretsNeverReachTheOutput) {
  std::FILE* out = std::tmpfile();
  ASSERT_NE(out, nullptr);
  auto sink = std::make_shared<RedactingSink>(out);
  sink->set_formatter(std::make_unique<spdlog::pattern_formatter>("%v"));
  sink->set_redactor([](std::string_view text) {
    std::string clean(text);
    for (auto at = clean.find("hunter22"); at != std::string::npos; at = clean.find("hunter22")) {
      clean.replace(at, 8, "***");
    }
    return clean;
  });
  spdlog::logger logger("test", sink);
  logger.error("login failed with password hunter22 for user bob");
  logger.flush();
  const std::string text = read_all(out);
  std::fclose(out);
  EXPECT_EQ(text.find("hunter22"), std::string::npos) << text;
  EXPECT_NE(text.find("password *** for user bob"), std::string::npos) << text;
}

}  // namespace
}  // namespace crmsync::app
