"""crmsyncd against the Zoho CRM mock: one pass lands customers, orders with
lines, notes and deletions; changes and faults between passes are picked up;
a sync killed with -9 and resumed ends with every record exactly once."""
import json
import os
import signal
import subprocess
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.join(os.environ["CRMSYNC_SOURCE_DIR"], "tests", "integration", "daemon"))

from daemon_harness import DaemonTestCase, PLUGIN_DIR, SOURCE_DIR  # noqa: E402

PLUGIN = os.path.join(PLUGIN_DIR, "crmsync_zoho_crm.so")
MOCK = os.path.join(SOURCE_DIR, "tests", "fixtures", "mock_zoho_crm", "server.py")
STREAMS = ("contacts", "accounts", "orders", "feedback")


class ZohoCrmDaemonTest(DaemonTestCase):
    def start_mock(self, records):
        port_file = self.path("mock.port")
        mock = subprocess.Popen([sys.executable, MOCK, "--port", "0", "--port-file", port_file,
                                 "--records", str(records), "--seed", "7"])
        self.processes.append(mock)
        self.wait_for(lambda: os.path.exists(port_file), timeout=30, what="the mock to listen")
        with open(port_file, encoding="ascii") as handle:
            self.mock_url = f"http://127.0.0.1:{handle.read().strip()}"

    def control(self, method, command, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.mock_url}/__mock/{command}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def configure(self, page_size=5):
        credentials = self.path("credentials")
        os.makedirs(credentials, exist_ok=True)
        for name, value in (("zoho_client_secret", "mock-zoho-secret"), ("zoho_refresh_token", "1000.mock-zoho-refresh")):
            with open(os.path.join(credentials, name), "w", encoding="ascii") as handle:
                handle.write(value)
        self.env = {"CREDENTIALS_DIRECTORY": credentials}
        plugins = self.plugin_dir_with(PLUGIN)
        self.database = self.path("state", "crmsync.db")
        return self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: zoho
                connector: zoho_crm
                schedule: 1h
                default_region: US
                default_currency: USD
                options:
                  base_url: {self.mock_url}
                  token_url: {self.mock_url}/oauth/v2/token
                  client_id: 1000.MOCKZOHOCLIENT
                  client_secret: ${{credential:zoho_client_secret}}
                  refresh_token: ${{credential:zoho_refresh_token}}
                  page_size: {page_size}
                  requests_per_second: 100
            """)

    def landed(self):
        rows = self.query(self.database,
                          "SELECT stream, external_id, deleted FROM source_record WHERE instance = 'zoho'")
        return sorted((stream, external_id, bool(deleted)) for stream, external_id, deleted in rows)

    def expected(self):
        return sorted((r["stream"], r["external_id"], r["deleted"]) for r in self.control("GET", "expected")["records"])

    def run_once(self, config):
        result = self.crmsyncd("--config", config, "once", env=self.env)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result

    def test_one_pass_lands_every_stream_and_later_changes_follow(self):
        self.start_mock(records=30)
        config = self.configure()
        self.run_once(config)

        self.assertEqual(self.landed(), self.expected())
        self.assertGreater(self.query(self.database, "SELECT COUNT(*) FROM customer")[0][0], 0)
        orders_without_lines = self.query(
            self.database, "SELECT COUNT(*) FROM sales_order o WHERE NOT EXISTS"
                           " (SELECT 1 FROM order_line l WHERE l.order_id = o.id)")[0][0]
        self.assertEqual(orders_without_lines, 0, "every Zoho sales order has line items")
        self.assertGreater(self.query(self.database, "SELECT COUNT(*) FROM feedback")[0][0], 0)
        self.assertTrue(any("王" in row[0] or "李" in row[0] or "张" in row[0] or "陈" in row[0]
                            for row in self.query(self.database, "SELECT name FROM customer WHERE name IS NOT NULL")))
        deleted = self.query(self.database, "SELECT COUNT(*) FROM source_record WHERE instance = 'zoho' AND deleted = 1")
        self.assertGreaterEqual(deleted[0][0], 1, "the contact in the recycle bin is marked deleted")

        self.control("POST", "mutate", {"created": 4, "updated": 3, "deleted": 2})
        self.control("POST", "malformed", {"count": 1})
        self.control("POST", "fault", {"kind": "expire_token", "count": 1})
        self.control("POST", "fault", {"kind": "server_error", "count": 2})
        self.control("POST", "fault", {"kind": "rate_limit", "count": 1})
        self.run_once(config)

        self.assertEqual(self.landed(), self.expected())
        letters = self.query(self.database, "SELECT reason FROM dead_letter WHERE instance = 'zoho'")
        self.assertEqual(len(letters), 1)
        self.assertIn("without an id", letters[0][0])

    def test_kill9_mid_sync_then_resume_lands_every_record_exactly_once(self):
        self.start_mock(records=900)
        config = self.configure(page_size=10)

        def committed():
            if not os.path.exists(self.database):
                return 0
            try:
                return self.query(self.database, "SELECT COUNT(*) FROM source_record")[0][0]
            except Exception:  # the daemon is still creating the schema
                return 0

        process = self.start("--config", config, "run", env=self.env)
        self.wait_for(lambda: committed() >= 100, timeout=180, what="part of the sync committed")
        process.send_signal(signal.SIGKILL)
        process.wait()
        self.assertLess(committed(), len(self.expected()), "the kill should land mid-sync")

        self.run_once(config)
        landed = self.landed()
        self.assertEqual(len(landed), len(set((s, i) for s, i, _ in landed)))
        self.assertEqual(landed, self.expected())
        orders = self.query(self.database, "SELECT COUNT(*), COUNT(DISTINCT source_record_id) FROM sales_order")[0]
        self.assertEqual(orders[0], orders[1])


if __name__ == "__main__":
    unittest.main()
