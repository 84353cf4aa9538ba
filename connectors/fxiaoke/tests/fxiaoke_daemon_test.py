"""crmsyncd once / run against the mock Fxiaoke server: what lands in SQLite,
and a kill -9 in the middle of a sync followed by a resume."""
import json
import os
import pathlib
import signal
import subprocess
import sys
import time
import unittest
import urllib.request

SOURCE_DIR = pathlib.Path(os.environ["CRMSYNC_SOURCE_DIR"])
sys.path.insert(0, str(SOURCE_DIR / "tests" / "integration" / "daemon"))

from daemon_harness import DaemonTestCase, PLUGIN_DIR  # noqa: E402

MOCK = SOURCE_DIR / "tests" / "fixtures" / "mock_fxiaoke" / "server.py"
PLUGIN = os.path.join(PLUGIN_DIR, "crmsync_fxiaoke.so")


class MockFxiaoke:
    """The mock server as a child process, with its control API."""

    def __init__(self, directory, *arguments):
        port_file = os.path.join(directory, "mock.port")
        self.process = subprocess.Popen([sys.executable, str(MOCK), "--port", "0", "--port-file", port_file,
                                         *arguments])
        deadline = time.monotonic() + 30
        while not os.path.exists(port_file):
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("mock Fxiaoke server did not start")
            time.sleep(0.05)
        with open(port_file, encoding="ascii") as handle:
            self.url = f"http://127.0.0.1:{handle.read().strip()}"

    def control(self, command, body=None):
        request = urllib.request.Request(self.url + "/__mock/" + command,
                                         data=None if body is None else json.dumps(body).encode(),
                                         method="GET" if body is None else "POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.load(answer)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


class FxiaokeDaemonTest(DaemonTestCase):
    def setUp(self):
        super().setUp()
        credentials = self.path("credentials")
        os.makedirs(credentials)
        for name, value in (("fx_app_secret", "fx-app-secret"), ("fx_permanent_code", "fx-permanent-code")):
            with open(os.path.join(credentials, name), "w", encoding="ascii") as out:
                out.write(value)
        self.env = {"CREDENTIALS_DIRECTORY": credentials}
        self.database = self.path("state", "crmsync.db")

    def start_mock(self, *arguments):
        mock = MockFxiaoke(self.dir, *arguments)
        self.addCleanup(mock.stop)
        return mock

    def config(self, mock, page_size=100):
        plugins = self.plugin_dir_with(PLUGIN)
        return self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: fx
                connector: fxiaoke
                schedule: 1h
                default_region: CN
                default_timezone: Asia/Shanghai
                options:
                  base_url: {mock.url}
                  app_id: FSAID_mock01
                  app_secret: ${{credential:fx_app_secret}}
                  permanent_code: ${{credential:fx_permanent_code}}
                  open_user_id: FSUID_1000
                  page_size: {page_size}
                  requests_per_second: 50
            """)

    def once(self, config):
        result = self.crmsyncd("--config", config, "once", env=self.env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result

    def landed(self):
        rows = self.query(self.database, "SELECT stream, external_id, deleted FROM source_record WHERE instance = 'fx'")
        return {(stream, external_id): deleted for stream, external_id, deleted in rows}

    def assert_matches_expected(self, mock):
        expected = {(r["stream"], r["external_id"]): int(r["deleted"]) for r in mock.control("expected")["records"]}
        self.assertEqual(self.landed(), expected)
        count = self.query(self.database, "SELECT COUNT(*) FROM source_record WHERE instance = 'fx'")[0][0]
        self.assertEqual(count, len(expected), "every record exactly once")

    def test_once_lands_customers_orders_with_lines_cases_and_deletions_through_faults(self):
        mock = self.start_mock("--records", "60")
        mock.control("malformed", {"count": 1})
        config = self.config(mock, page_size=7)
        # The first requests of the sync meet an outage, both kinds of 429 and a token
        # expired as Fxiaoke says it: errorCode 20016 in an HTTP 200.
        mock.control("fault", {"kind": "server_error", "count": 2})
        mock.control("fault", {"kind": "rate_limit", "count": 1})
        mock.control("fault", {"kind": "rate_limit_no_retry_after", "count": 1})
        mock.control("fault", {"kind": "error_in_200", "count": 1})
        self.once(config)
        self.assert_matches_expected(mock)
        self.assertGreaterEqual(mock.control("stats")["token_requests"], 2, "the expired token was replaced")

        self.assertGreater(self.query(self.database, "SELECT COUNT(*) FROM customer WHERE kind = 'person'")[0][0], 0)
        self.assertGreater(self.query(self.database, "SELECT COUNT(*) FROM customer WHERE kind = 'organisation'")[0][0], 0)
        self.assertTrue(self.query(self.database, "SELECT 1 FROM customer WHERE name LIKE '%上海示例科技有限公司%'"))
        orders = self.query(self.database, "SELECT COUNT(*) FROM sales_order o JOIN source_record s "
                                           "ON s.id = o.source_record_id WHERE s.instance = 'fx'")[0][0]
        self.assertEqual(orders, 20)
        self.assertGreaterEqual(self.query(self.database, "SELECT COUNT(*) FROM order_line")[0][0], orders)
        self.assertTrue(self.query(self.database, "SELECT 1 FROM sales_order WHERE currency = 'CNY' AND total > 0"))
        self.assertTrue(self.query(self.database, "SELECT 1 FROM sales_order WHERE customer_id IS NOT NULL"),
                        "orders are linked to their account's customer")
        self.assertGreater(self.query(self.database, "SELECT COUNT(*) FROM feedback WHERE kind = 'complaint'")[0][0], 0)
        letters = self.query(self.database, "SELECT stream, reason FROM dead_letter WHERE instance = 'fx'")
        self.assertEqual(len(letters), 1)
        self.assertIn("without an _id", letters[0][1])

        mock.control("mutate", {"created": 2, "updated": 3, "deleted": 2})
        mock.control("fault", {"kind": "expire_token", "count": 1})
        self.once(config)
        self.assert_matches_expected(mock)
        deleted = self.query(self.database, "SELECT COUNT(*) FROM source_record WHERE instance = 'fx' AND deleted = 1")
        self.assertEqual(deleted[0][0], 2)

    def test_kill9_mid_sync_then_resume_lands_every_record_once(self):
        # About 2,250 records in all, seven times what lands before the kill: still mid-sync
        # (asserted below), while the resume stays short.
        mock = self.start_mock("--records", "1500")
        config = self.config(mock, page_size=25)

        def landed_count():
            try:
                return self.query(self.database, "SELECT COUNT(*) FROM source_record")[0][0]
            except Exception:  # the database is not created yet
                return 0

        process = self.start("--config", config, "run", env=self.env)
        self.wait_for(lambda: landed_count() >= 300, timeout=180, what="part of the sync committed")
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.assertLess(landed_count(), len(mock.control("expected")["records"]), "the kill should land mid-sync")
        self.once(config)
        self.assert_matches_expected(mock)


if __name__ == "__main__":
    unittest.main()
