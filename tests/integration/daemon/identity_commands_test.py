"""crmsyncd merge, unmerge and resolve on the bundled sample config, as sales ops would use them."""
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

from daemon_harness import CRMSYNCD, SOURCE_DIR, DaemonTestCase, NotifySocket, terminate


class IdentityCommandsTest(DaemonTestCase):

    @classmethod
    def setUpClass(cls):
        # One sync of the sample data; each test works on its own copy.
        cls.synced = tempfile.mkdtemp(prefix="crmsync-identity-")
        shutil.copytree(os.path.join(SOURCE_DIR, "config"), os.path.join(cls.synced, "config"))
        result = subprocess.run([CRMSYNCD, "--config", os.path.join(cls.synced, "config", "crmsync.yaml"), "once"],
                                capture_output=True, text=True, timeout=300,
                                env=DaemonTestCase.environment(None))
        if result.returncode != 0:
            raise RuntimeError("crmsyncd once on the sample config failed: " + result.stderr)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.synced, ignore_errors=True)

    def setUp(self):
        super().setUp()
        for part in ("config", "state"):
            shutil.copytree(os.path.join(self.synced, part), self.path(part))
        self.config = self.path("config", "crmsync.yaml")
        self.database = self.path("state", "crmsync.db")

    def run_command(self, *args):
        return self.crmsyncd("--config", self.config, *args, env={"USER": "sales-ops"})

    def customer_360(self):
        return self.query(self.database, "SELECT * FROM customer_360 ORDER BY customer_id")

    def test_duplicates_across_partners_land_in_one_customer_with_lineage(self):
        records = self.query(self.database, "SELECT COUNT(*) FROM customer_link")[0][0]
        live = self.query(self.database, "SELECT COUNT(*) FROM customer_360")[0][0]
        self.assertLess(live, records, "some sample partners share customers")
        merged = self.query(self.database, "SELECT customer_id, source_count, systems FROM customer_360"
                                           " WHERE source_count > 1 ORDER BY customer_id LIMIT 1")
        self.assertTrue(merged)
        customer_id = merged[0][0]
        fields = self.query(self.database, "SELECT COUNT(*) FROM customer_field_source WHERE customer_id = ?",
                            customer_id)[0][0]
        self.assertGreater(fields, 0, "each golden field names its source record and rule")
        audited = self.query(self.database, "SELECT COUNT(*) FROM audit_log WHERE actor = 'identity'"
                                            " AND action = 'merge' AND subject = ?", f"customer:{customer_id}")[0][0]
        self.assertGreater(audited, 0, "automatic merges are in the audit log")

    def test_merge_then_unmerge_leaves_customer_360_as_it_was(self):
        before = self.customer_360()
        first, second = before[0][0], before[1][0]
        merged = self.run_command("merge", str(first), str(second), "--reason", "same company")
        self.assertEqual(merged.returncode, 0, merged.stderr)
        self.assertIn(f"merged customer {second} into {first}", merged.stdout)
        self.assertEqual(len(self.customer_360()), len(before) - 1)

        refused = self.run_command("merge", str(second), str(first))
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn(f"customer {second} was merged into customer {first}", refused.stderr)

        unmerged = self.run_command("unmerge", str(first), "--reason", "two companies after all")
        self.assertEqual(unmerged.returncode, 0, unmerged.stderr)
        self.assertEqual(self.customer_360(), before)
        audit = self.query(self.database, "SELECT action, detail FROM audit_log WHERE actor = 'sales-ops' ORDER BY id")
        self.assertEqual([row[0] for row in audit], ["merge", "unmerge"])
        self.assertIn("same company", audit[0][1])
        self.assertIn('"score"', audit[1][1])

        # The "never" decision outlives a full re-resolve.
        resolved = self.run_command("resolve")
        self.assertEqual(resolved.returncode, 0, resolved.stderr)
        links = dict(self.query(self.database, "SELECT source_record_id, customer_id FROM customer_link"))
        never = self.query(self.database, "SELECT record_a, record_b FROM match_decision WHERE decision = 'never'")
        self.assertTrue(never)
        for a, b in never:
            self.assertNotEqual(links[a], links[b])

    def test_unknown_customers_and_bad_arguments_are_refused_clearly(self):
        missing = self.run_command("merge", "1", "999999")
        self.assertNotEqual(missing.returncode, 0)
        self.assertIn("customer 999999 does not exist", missing.stderr)
        usage = self.run_command("merge", "1")
        self.assertNotEqual(usage.returncode, 0)
        self.assertIn("merge needs two customer ids", usage.stderr)
        single = self.query(self.database, "SELECT customer_id FROM customer_360 WHERE source_count = 1 LIMIT 1")[0][0]
        nothing = self.run_command("unmerge", str(single))
        self.assertNotEqual(nothing.returncode, 0)
        self.assertIn("nothing to unmerge", nothing.stderr)

    def test_resolve_twice_changes_nothing_the_second_time(self):
        first = self.run_command("resolve")
        self.assertEqual(first.returncode, 0, first.stderr)
        before = self.customer_360()
        second = self.run_command("resolve")
        self.assertEqual(second.returncode, 0, second.stderr)
        self.assertIn(" 0 record(s) moved", second.stdout)
        self.assertEqual(self.customer_360(), before)

    def key_version(self):
        return self.query(self.database, "SELECT version FROM identity_key_version")[0][0]

    def test_keys_of_an_older_derivation_warn_at_startup_until_resolve_rebuilds_them(self):
        current = self.key_version()
        self.assertGreater(current, 1, "the store was empty when `once` first opened it: nothing was stale")
        records = self.query(self.database, "SELECT COUNT(*) FROM source_customer")[0][0]
        # The store as a build before key versions left it.
        connection = sqlite3.connect(self.database, timeout=30)
        with connection:
            connection.execute("UPDATE identity_key_version SET version = 1")
        connection.close()

        warning = f"built with key derivation version 1, this crmsyncd derives version {current}"
        once = self.run_command("once")
        self.assertEqual(once.returncode, 0, once.stderr)
        self.assertEqual(once.stderr.count(warning), 1, once.stderr)
        self.assertIn("run `crmsyncd resolve`", once.stderr)
        notify = NotifySocket(self.dir)
        try:
            running = self.start("--config", self.config, "run", env={"NOTIFY_SOCKET": notify.path})
            notify.receive_until(lambda m: m.get("READY") == "1")
            code, output = terminate(running)
        finally:
            notify.close()
        self.assertEqual(code, 0, output)
        self.assertEqual(output.count(warning), 1, output)
        self.assertEqual(self.key_version(), 1, "starting changes no version of a store with records")

        resolved = self.run_command("resolve")
        self.assertEqual(resolved.returncode, 0, resolved.stderr)
        self.assertIn(f"matching keys of {records} record(s) rebuilt (key derivation version {current})",
                      resolved.stdout)
        self.assertEqual(self.key_version(), current)
        self.assertIsNotNone(self.query(self.database, "SELECT rebuilt_at FROM identity_key_version")[0][0])
        again = self.run_command("once")
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertNotIn("key derivation version", again.stderr)


if __name__ == "__main__":
    unittest.main()
