"""crmsyncd's one-shot commands: --version, check, plugins, describe, once."""
import os
import re
import shutil
import unittest

from daemon_harness import (DaemonTestCase, EXAMPLE_PLUGIN_DIR, PLUGIN_DIR, SOURCE_DIR, TEST_PLUGIN_DIR)

TEMPLATE = os.path.join(EXAMPLE_PLUGIN_DIR, "crmsync_template.so")
CSV_DROP = os.path.join(PLUGIN_DIR, "crmsync_csv_drop.so")
WRONG_ABI = os.path.join(TEST_PLUGIN_DIR, "crmsync_test_wrong_abi.so")


class DaemonCommandsTest(DaemonTestCase):
    def template_config(self, plugin_dir, customers=12):
        return self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugin_dir}
            instances:
              - name: example
                connector: template
                schedule: 1h
                options:
                  customers: {customers}
                  batch_size: 5
            """)

    def test_version_names_daemon_and_sdk(self):
        result = self.crmsyncd("--version")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stdout, r"^crmsyncd \d+\.\d+\.\d+ \(plugin SDK \d+\.\d+\.\d+, ABI \d+, build .+\)")

    def test_unknown_command_is_a_usage_error(self):
        result = self.crmsyncd("frobnicate")
        self.assertEqual(result.returncode, 2)
        self.assertIn("unknown command 'frobnicate'", result.stderr)
        self.assertIn("usage: crmsyncd", result.stderr)

    def test_check_rejects_typo_naming_file_line_and_column(self):
        config = self.write_config("""\
            state_directory: state
            instances:
              - name: example
                conector: template
            """)
        result = self.crmsyncd("--config", config, "check")
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{config}:4:5:", result.stderr)
        self.assertIn("conector", result.stderr)

    def test_check_reports_every_problem_at_once(self):
        config = self.write_config("""\
            state_directory: state
            logging:
              level: loud
            instances:
              - name: example
                connector: template
                schedule: often
            """)
        result = self.crmsyncd("--config", config, "check")
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{config}:3:10:", result.stderr)
        self.assertIn(f"{config}:7:15:", result.stderr)

    def test_check_validates_options_against_the_plugin(self):
        plugins = self.plugin_dir_with(TEMPLATE)
        config = self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: example
                connector: template
                options:
                  customer: 3
            """)
        result = self.crmsyncd("--config", config, "check")
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"{config}:8:7:", result.stderr)
        self.assertIn("did you mean 'customers'", result.stderr)

    def test_check_accepts_a_valid_config(self):
        config = self.template_config(self.plugin_dir_with(TEMPLATE))
        result = self.crmsyncd("--config", config, "check")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("OK (1 instance(s), 1 plugin(s))", result.stdout)

    def test_plugins_lists_loaded_plugins_and_refuses_wrong_abi(self):
        plugins = self.plugin_dir_with(TEMPLATE, WRONG_ABI)
        config = self.template_config(plugins)
        daemon_abi = re.search(r"ABI (\d+)", self.crmsyncd("--version").stdout).group(1)
        result = self.crmsyncd("--config", config, "plugins")
        self.assertEqual(result.returncode, 1, "a refused plugin makes `plugins` fail")
        # The template is built against the daemon's own SDK.
        self.assertRegex(result.stdout, r"template\s+1\.0\.0\s+" + daemon_abi + r"\s+\S+\s+" + re.escape(plugins))
        self.assertRegex(result.stderr, r"connector 'wrong_abi' built against SDK \d+, daemon speaks \d+")

    def test_wrong_abi_plugin_is_refused_while_the_others_run(self):
        plugins = self.plugin_dir_with(TEMPLATE, WRONG_ABI)
        config = self.template_config(plugins)
        result = self.crmsyncd("--config", config, "once")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("built against SDK", result.stderr)
        count = self.query(self.path("state", "crmsync.db"), "SELECT COUNT(*) FROM customer")[0][0]
        self.assertEqual(count, 12)

    def test_describe_prints_option_table(self):
        config = self.template_config(self.plugin_dir_with(TEMPLATE))
        result = self.crmsyncd("--config", config, "describe", "template")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("customers (integer, optional)", result.stdout)
        self.assertIn("default: 10", result.stdout)
        self.assertIn("How many example customers", result.stdout)

    def test_describe_unknown_connector_fails(self):
        config = self.template_config(self.plugin_dir_with(TEMPLATE))
        result = self.crmsyncd("--config", config, "describe", "nosuch")
        self.assertEqual(result.returncode, 1)
        self.assertIn("no connector named 'nosuch'", result.stderr)

    def test_once_is_idempotent(self):
        config = self.template_config(self.plugin_dir_with(TEMPLATE), customers=40)
        first = self.crmsyncd("--config", config, "once")
        self.assertEqual(first.returncode, 0, first.stderr)
        second = self.crmsyncd("--config", config, "once")
        self.assertEqual(second.returncode, 0, second.stderr)
        database = self.path("state", "crmsync.db")
        self.assertEqual(self.query(database, "SELECT COUNT(*) FROM source_record")[0][0], 40)
        self.assertEqual(self.query(database, "SELECT COUNT(*) FROM customer")[0][0], 40)
        self.assertEqual(self.query(database, "SELECT stream_cursor FROM checkpoint WHERE instance='example'")[0][0], "40")

    def test_journal_format_prefixes_syslog_priorities(self):
        plugins = self.plugin_dir_with(TEMPLATE)
        config = self.write_config(f"""\
            state_directory: state
            logging:
              format: journal
            plugins:
              directory: {plugins}
            instances:
              - name: example
                connector: template
            """)
        result = self.crmsyncd("--config", config, "once")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stderr, r"(?m)^<6>sync example: 10 new")

    def test_text_format_has_timestamp_and_level(self):
        config = self.template_config(self.plugin_dir_with(TEMPLATE))
        result = self.crmsyncd("--config", config, "once")
        self.assertRegex(result.stderr, r"(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} info sync example: 12 new")

    def test_secret_values_never_reach_the_log(self):
        plugins = self.plugin_dir_with(TEMPLATE)
        credentials = self.path("credentials")
        os.makedirs(credentials)
        with open(os.path.join(credentials, "prefix"), "w", encoding="utf-8") as out:
            out.write("TopSecretValue42\n")
        config = self.write_config(f"""\
            state_directory: state
            logging:
              level: debug
            plugins:
              directory: {plugins}
            instances:
              - name: example
                connector: template
                options:
                  name_prefix: ${{credential:prefix}}
            """)
        result = self.crmsyncd("--config", config, "once", env={"CREDENTIALS_DIRECTORY": credentials})
        self.assertEqual(result.returncode, 0, result.stderr)
        names = self.query(self.path("state", "crmsync.db"), "SELECT name FROM customer LIMIT 1")[0][0]
        self.assertTrue(names.startswith("TopSecretValue42"), "the credential reached the connector")
        self.assertNotIn("TopSecretValue42", result.stdout + result.stderr)

    def test_once_fails_when_an_instance_fails(self):
        plugins = self.plugin_dir_with(TEMPLATE, CSV_DROP)
        config = self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: example
                connector: template
              - name: partners
                connector: csv_drop
                options:
                  directory: {self.path("missing-inbox")}
                  streams:
                    customers:
                      entity: customer
                      pattern: "*.csv"
                      id_column: id
                      columns: {{name: name}}
            """)
        result = self.crmsyncd("--config", config, "once")
        self.assertEqual(result.returncode, 1)
        self.assertIn("instance=partners", result.stderr)
        # The healthy instance still ran.
        self.assertEqual(self.query(self.path("state", "crmsync.db"), "SELECT COUNT(*) FROM customer")[0][0], 10)


class SampleConfigTest(DaemonTestCase):
    """The bundled config/crmsync.yaml, run as it stands on a copy of the checkout's config folder."""

    def test_sample_config_lands_partner_customers_in_sqlite(self):
        shutil.copytree(os.path.join(SOURCE_DIR, "config"), self.path("config"))
        config = self.path("config", "crmsync.yaml")
        check = self.crmsyncd("--config", config, "check")
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        result = self.crmsyncd("--config", config, "once")
        self.assertEqual(result.returncode, 0, result.stderr)
        database = self.path("state", "crmsync.db")
        customers = self.query(database, "SELECT COUNT(*) FROM customer")[0][0]
        self.assertGreater(customers, 100)
        chinese = self.query(database, "SELECT COUNT(*) FROM customer WHERE name = '张伟' OR name LIKE '王%'")[0][0]
        self.assertGreater(chinese, 0, "Chinese names land in their own script")
        e164 = self.query(database, "SELECT COUNT(*) FROM customer WHERE phone_e164 LIKE '+86%'")[0][0]
        self.assertGreater(e164, 0, "local Chinese phone numbers become E.164")
        orders = self.query(database, "SELECT COUNT(*) FROM sales_order")[0][0]
        self.assertGreater(orders, 0)
        dead = self.query(database, "SELECT COUNT(*) FROM dead_letter")[0][0]
        self.assertGreater(dead, 0, "the broken sample rows go to dead_letter")
        # A second pass finds nothing new and changes nothing.
        again = self.crmsyncd("--config", config, "once")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertEqual(self.query(database, "SELECT COUNT(*) FROM customer")[0][0], customers)
        self.assertEqual(self.query(database, "SELECT COUNT(*) FROM dead_letter")[0][0], dead)


if __name__ == "__main__":
    unittest.main()
