"""kill -9 in the middle of a large partner file, then a restart: every row lands exactly once."""
import csv
import os
import signal
import unittest

from daemon_harness import DaemonTestCase, PLUGIN_DIR

CSV_DROP = os.path.join(PLUGIN_DIR, "crmsync_csv_drop.so")
# Five times what the test waits for before the kill: large enough that the kill lands
# mid-file (asserted below), small enough that the restart does not dominate the suite.
ROWS = 10_000


class DaemonCrashTest(DaemonTestCase):
    def test_kill9_mid_drop_then_restart_lands_every_row_once(self):
        inbox = self.path("inbox")
        os.makedirs(inbox)
        with open(os.path.join(inbox, "partner_customers.csv"), "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "name", "email", "phone"])
            for i in range(ROWS):
                writer.writerow([f"P{i:06d}", f"Customer {i}", f"c{i}@example.com", f"+1 415 555 {i % 10000:04d}"])
        os.utime(os.path.join(inbox, "partner_customers.csv"), (1, 1))  # settled long ago
        plugins = self.plugin_dir_with(CSV_DROP)
        config = self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: partners
                connector: csv_drop
                schedule: 1h
                default_region: US
                options:
                  directory: {inbox}
                  batch_size: 500
                  streams:
                    customers:
                      entity: customer
                      pattern: "*customers*.csv"
                      id_column: id
                      columns: {{name: name, email: email, phone: phone}}
            """)
        database = self.path("state", "crmsync.db")

        def landed():
            if not os.path.exists(database):
                return 0
            try:
                return self.query(database, "SELECT COUNT(*) FROM source_record")[0][0]
            except Exception:
                return 0

        process = self.start("--config", config, "run")
        self.wait_for(lambda: landed() >= 2000, timeout=120, what="part of the file committed")
        process.send_signal(signal.SIGKILL)
        process.wait()
        partial = landed()
        self.assertLess(partial, ROWS, "the kill should land mid-file")
        self.assertTrue(os.path.exists(os.path.join(inbox, "partner_customers.csv")), "file not yet done")

        result = self.crmsyncd("--config", config, "once")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(landed(), ROWS)
        self.assertEqual(self.query(database, "SELECT COUNT(DISTINCT external_id) FROM source_record")[0][0], ROWS)
        # Every record is linked to exactly one golden customer (how many
        # customers that makes is identity resolution's business).
        self.assertEqual(self.query(database, "SELECT COUNT(*) FROM customer_link")[0][0], ROWS)
        self.assertEqual(self.query(database, "SELECT COUNT(DISTINCT source_record_id) FROM customer_link")[0][0], ROWS)
        self.assertEqual(self.query(database, "SELECT COUNT(*) FROM dead_letter")[0][0], 0)
        self.assertFalse(os.path.exists(os.path.join(inbox, "partner_customers.csv")))
        self.assertTrue(os.path.exists(os.path.join(inbox, "done", "partner_customers.csv")))


if __name__ == "__main__":
    unittest.main()
