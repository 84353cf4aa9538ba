"""crmsyncd with the odoo connector against the mock Odoo server
(tests/fixtures/mock_odoo): what lands in SQLite after `crmsyncd once`, over
JSON-RPC and JSON-2, with faults, changes, deletions and a kill -9 mid-sync."""
import json
import os
import signal
import subprocess
import sys
import time
import unittest
import urllib.request

sys.path.insert(0, os.path.join(os.environ["CRMSYNC_SOURCE_DIR"], "tests", "integration", "daemon"))

from daemon_harness import DaemonTestCase, PLUGIN_DIR, SOURCE_DIR  # noqa: E402

ODOO_PLUGIN = os.path.join(PLUGIN_DIR, "crmsync_odoo.so")
MOCK = os.path.join(SOURCE_DIR, "tests", "fixtures", "mock_odoo", "server.py")
API_KEY = "odoo-test-key"


class OdooDaemonTest(DaemonTestCase):
    def start_mock(self, records):
        port_file = self.path("mock.port")
        mock = subprocess.Popen([sys.executable, MOCK, "--port", "0", "--port-file", port_file,
                                 "--records", str(records), "--seed", "4", "--api-key", API_KEY],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.processes.append(mock)
        self.wait_for(lambda: os.path.exists(port_file), timeout=30, what="the mock's port file")
        with open(port_file, encoding="ascii") as handle:
            self.mock_url = f"http://127.0.0.1:{handle.read().strip()}"

    def control(self, command, payload=None):
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(f"{self.mock_url}/__mock/{command}", data=data,
                                         method="GET" if payload is None else "POST")
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def configure(self, protocol, page_size):
        credentials = self.path("credentials")
        os.makedirs(credentials, exist_ok=True)
        with open(os.path.join(credentials, "odoo_key"), "w", encoding="ascii") as handle:
            handle.write(API_KEY)
        self.env = {"CREDENTIALS_DIRECTORY": credentials}
        plugins = self.plugin_dir_with(ODOO_PLUGIN)
        self.config = self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: erp
                connector: odoo
                schedule: 1h
                default_region: BE
                options:
                  base_url: {self.mock_url}
                  protocol: {protocol}
                  database: mydb
                  login: bot@example.com
                  api_key: ${{credential:odoo_key}}
                  page_size: {page_size}
                  unlinked_scan_interval: 0s
                  requests_per_second: 50
            """)
        self.database = self.path("state", "crmsync.db")

    def sync_until_clean(self, attempts=4):
        """`once` until a pass ends with every stream done (a retry answer makes it exit non-zero)."""
        for _ in range(attempts):
            result = self.crmsyncd("--config", self.config, "once", env=self.env)
            if result.returncode == 0:
                return result
        self.fail(f"crmsyncd once never finished cleanly:\n{result.stdout}\n{result.stderr}")

    def landed(self):
        rows = self.query(self.database, "SELECT stream, external_id, deleted FROM source_record WHERE instance = 'erp'")
        return {(stream, external_id): bool(deleted) for stream, external_id, deleted in rows}

    def assert_matches_expected(self):
        expected = {(r["stream"], r["external_id"]): r["deleted"] for r in self.control("expected")["records"]}
        landed = self.landed()
        self.assertEqual(sorted(set(expected) - set(landed)), [], "records the sync missed")
        self.assertEqual(sorted(set(landed) - set(expected)), [], "records that should not be there")
        wrong = sorted(key for key in expected if expected[key] != landed[key])
        self.assertEqual(wrong, [], "records whose deleted flag is wrong")
        duplicates = self.query(self.database, "SELECT COUNT(*) - COUNT(DISTINCT stream || '/' || external_id) "
                                               "FROM source_record")[0][0]
        self.assertEqual(duplicates, 0)
        return expected

    def test_jsonrpc_sync_lands_customers_orders_feedback_and_follows_changes(self):
        self.start_mock(records=60)
        self.configure("jsonrpc", page_size=25)
        self.sync_until_clean()
        self.assert_matches_expected()

        organisations = self.query(self.database, "SELECT COUNT(*) FROM customer WHERE kind = 'organisation'")[0][0]
        self.assertGreater(organisations, 0)
        chinese = self.query(self.database, "SELECT COUNT(*) FROM customer WHERE name LIKE '%王小明%' "
                                            "OR name LIKE '%上海贸易%'")[0][0]
        self.assertGreater(chinese, 0, "Chinese names survive")
        orders_with_lines = self.query(self.database, "SELECT COUNT(DISTINCT order_id) FROM order_line")[0][0]
        orders = self.query(self.database, "SELECT COUNT(*) FROM sales_order")[0][0]
        self.assertGreater(orders, 0)
        self.assertEqual(orders_with_lines, orders, "every order came with its lines")
        linked = self.query(self.database, "SELECT COUNT(*) FROM sales_order WHERE customer_id IS NOT NULL")[0][0]
        self.assertEqual(linked, orders, "every order found its customer")
        notes = self.query(self.database, "SELECT comment FROM feedback WHERE kind = 'note'")
        self.assertTrue(any("送货太慢" in (comment or "") for (comment,) in notes), notes[:5])
        self.assertFalse(any("<p>" in (comment or "") for (comment,) in notes), "HTML is turned into text")

        # Changes, deletions of all three kinds, a row without an id and every fault kind.
        self.control("mutate", {"created": 6, "updated": 6, "deleted": 6})
        self.control("malformed", {"count": 1})
        for kind in ("expire_token", "rate_limit", "rate_limit_no_retry_after", "server_error", "error_in_200"):
            self.control("fault", {"kind": kind, "count": 1})
        self.sync_until_clean()
        expected = self.assert_matches_expected()
        self.assertGreaterEqual(sum(1 for deleted in expected.values() if deleted), 6)
        letters = self.query(self.database, "SELECT reason FROM dead_letter WHERE instance = 'erp'")
        self.assertEqual(len(letters), 1, letters)
        self.assertIn("without a usable id", letters[0][0])

    def test_json2_sync_killed_mid_way_resumes_with_every_record_once(self):
        self.start_mock(records=1200)
        self.configure("json2", page_size=40)
        self.control("latency", {"seconds": 0.02})
        process = self.start("--config", self.config, "run", env=self.env)

        def landed_count():
            try:
                return self.query(self.database, "SELECT COUNT(*) FROM source_record")[0][0]
            except Exception:  # the database is not created yet
                return 0

        self.wait_for(lambda: landed_count() >= 300, timeout=180, what="part of the sync committed")
        process.send_signal(signal.SIGKILL)
        process.wait()
        expected_total = len(self.control("expected")["records"])
        self.assertLess(landed_count(), expected_total, "the kill should land mid-sync")

        self.control("latency", {"seconds": 0})
        self.sync_until_clean()
        self.assert_matches_expected()
        self.assertEqual(landed_count(), expected_total)


if __name__ == "__main__":
    unittest.main()
