#include "json_text.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::csv_drop {
namespace {

TEST(JsonText, EscapesWhatJsonRequires) {
  std::string out;
  append_json_string(out, std::string("q\" b\\ n\n r\r t\t nul\0 bell\x07 \x1F", 27));
  EXPECT_EQ(out, R"("q\" b\\ n\n r\r t\t nul\u0000 bell\u0007 \u001f")");
}

TEST(JsonText, PassesUtf8AndSlashesThrough) {
  std::string out;
  append_json_string(out, "张伟 / Müller");
  EXPECT_EQ(out, "\"张伟 / Müller\"");
}

TEST(JsonText, ObjectsPairKeysWithValues) {
  EXPECT_EQ(json_object({"id", "name"}, {"1", "Ann \"A\""}), R"({"id":"1","name":"Ann \"A\""})");
  EXPECT_EQ(json_object({"a", "b"}, {"1"}), R"({"a":"1","b":""})");
  EXPECT_EQ(json_object({}, {}), "{}");
  EXPECT_EQ(json_string_array({"x", "y,z"}), R"(["x","y,z"])");
}

}  // namespace
}  // namespace crmsync::csv_drop
