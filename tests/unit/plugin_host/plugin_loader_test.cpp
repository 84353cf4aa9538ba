#include "daemon/plugin_host/plugin_loader.hpp"

#include <fstream>

#include <dlfcn.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "crmsync/sdk/version.hpp"

#include "plugin_test_files.hpp"

namespace crmsync::plugin_host {
namespace {

using testing::kTemplatePlugin;
using testing::test_plugin;

class NullLogger final : public sdk::Logger {
 public:
  void log(sdk::LogLevel, const std::string&) override {}
};
class FixedClock final : public sdk::Clock {
 public:
  [[nodiscard]] std::chrono::system_clock::time_point now() const override { return {}; }
};
class NoSecrets final : public sdk::Secrets {
 public:
  [[nodiscard]] std::optional<std::string> get(const std::string&) const override { return std::nullopt; }
};

class CollectingSink final : public sdk::BatchSink {
 public:
  bool emit(sdk::RecordBatch batch) override {
    records += batch.records.size();
    cursor = batch.cursor;
    return true;
  }
  bool flush() override { return true; }  // every batch is kept as emit() takes it
  std::size_t records = 0;
  std::string cursor;
};

PluginLoader loader() {
  return PluginLoader(PluginFileAuditor(geteuid()));
}

bool library_is_loaded(const std::filesystem::path& file) {
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_NOLOAD);
  if (handle == nullptr) return false;
  dlclose(handle);
  return true;
}

TEST(PluginLoader, LoadsTheTemplateConnectorWithItsDescriptor) {
  auto plugin = loader().load(kTemplatePlugin);
  ASSERT_TRUE(plugin) << plugin.error();
  EXPECT_EQ(plugin.value()->name(), "template");
  EXPECT_EQ(plugin.value()->version(), "1.0.0");
  EXPECT_EQ(plugin.value()->abi_version(), sdk::kAbiVersion);
  EXPECT_FALSE(plugin.value()->build_id().empty());
  auto spec = plugin.value()->config_spec();
  ASSERT_TRUE(spec);
  EXPECT_EQ(spec.value().front().key, "customers");
}

TEST(PluginLoader, RefusesPluginBuiltAgainstAnotherAbiVersion) {
  auto plugin = loader().load(test_plugin("wrong_abi"));
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error(), "connector 'wrong_abi' built against SDK " +
                                std::to_string(sdk::kAbiVersion + 1) + ", daemon speaks " +
                                std::to_string(sdk::kAbiVersion));
}

TEST(PluginLoader, RefusesLibraryWithoutDescriptorExport) {
  auto plugin = loader().load(test_plugin("missing_export"));
  ASSERT_FALSE(plugin);
  EXPECT_NE(plugin.error().find("no 'crmsync_plugin' export"), std::string::npos) << plugin.error();
}

TEST(PluginLoader, RefusesExportWithoutNameOrFactory) {
  auto plugin = loader().load(test_plugin("incomplete_descriptor"));
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error(), "its descriptor has no name or no factory");
}

TEST(PluginLoader, RefusesExportThatReturnsNoDescriptor) {
  auto plugin = loader().load(test_plugin("null_descriptor"));
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error(), "its descriptor function returned nothing");
}

TEST(PluginLoader, RefusesPluginWhoseFactoryFails) {
  auto plugin = loader().load(test_plugin("failing_factory"));
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error(), "connector 'failing_factory' failed to construct");
}

TEST(PluginLoader, RefusesAFileThatIsNotALibrary) {
  testing::PluginScratchDir dir;
  const auto file = dir.path() / "garbage.so";
  { std::ofstream(file) << "not an ELF file"; }
  auto plugin = loader().load(file);
  ASSERT_FALSE(plugin);
  EXPECT_NE(plugin.error().find("cannot load library"), std::string::npos) << plugin.error();
}

TEST(PluginLoader, PluginExceptionsBecomeErrorsInsteadOfEscaping) {
  auto plugin = loader().load(test_plugin("throwing"));
  ASSERT_TRUE(plugin) << plugin.error();
  auto spec = plugin.value()->config_spec();
  ASSERT_FALSE(spec);
  EXPECT_NE(spec.error().find("spec exploded"), std::string::npos);
  const auto problems = plugin.value()->validate(sdk::ConfigValue{});
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_NE(problems[0].message.find("non-standard exception"), std::string::npos);
}

TEST(PluginLoader, SourceKeepsItsLibraryLoadedAfterThePluginIsDropped) {
  NullLogger logger;
  FixedClock clock;
  NoSecrets secrets;
  testing::PluginScratchDir dir;
  const auto file = dir.add(kTemplatePlugin, "crmsync_template_copy.so");
  std::shared_ptr<sdk::SourceConnector> source;
  {
    auto plugin = loader().load(file);
    ASSERT_TRUE(plugin) << plugin.error();
    sdk::InstanceContext context{
        "example", sdk::ConfigValue::make_mapping({{"customers", sdk::ConfigValue::make_scalar("25")}}),
        sdk::HostServices{&logger, &clock, &secrets}};
    auto made = plugin.value()->create_source(context);
    ASSERT_TRUE(made) << made.error();
    source = std::move(made).value();
  }
  // The LoadedPlugin is gone; the source still runs plugin code safely.
  ASSERT_TRUE(library_is_loaded(file));
  CollectingSink sink;
  EXPECT_TRUE(source->read("customers", "20", sink).ok());
  EXPECT_EQ(sink.records, 5U);
  EXPECT_EQ(sink.cursor, "25");
  source.reset();
  EXPECT_FALSE(library_is_loaded(file)) << "the library should unload once its last object is gone";
}

}  // namespace
}  // namespace crmsync::plugin_host
