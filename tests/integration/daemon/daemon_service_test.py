"""`crmsyncd run` under a real sd_notify socket: readiness, status, watchdog, signals, reload."""
import os
import signal
import time
import unittest

from daemon_harness import DaemonTestCase, EXAMPLE_PLUGIN_DIR, NotifySocket, terminate

TEMPLATE = os.path.join(EXAMPLE_PLUGIN_DIR, "crmsync_template.so")


class DaemonServiceTest(DaemonTestCase):
    def setUp(self):
        super().setUp()
        self.plugins = self.plugin_dir_with(TEMPLATE)
        self.notify = NotifySocket(self.dir)
        self.database = self.path("state", "crmsync.db")

    def tearDown(self):
        self.notify.close()
        super().tearDown()

    def config(self, instances):
        lines = ["state_directory: state", "plugins:", f"  directory: {self.plugins}", "instances:"]
        for name, customers in instances:
            lines += [f"  - name: {name}", "    connector: template", "    schedule: 1h", "    options:",
                      f"      customers: {customers}", "      batch_size: 500", f"      name_prefix: {name}"]
        return self.write_config("\n".join(lines) + "\n")

    def records_of(self, instance):
        if not os.path.exists(self.database):
            return 0
        try:
            return self.query(self.database, "SELECT COUNT(*) FROM source_record WHERE instance = ?", instance)[0][0]
        except Exception:  # the schema may not exist yet
            return 0

    def run_daemon(self, config, watchdog_usec=None):
        env = {"NOTIFY_SOCKET": self.notify.path}
        if watchdog_usec:
            env["WATCHDOG_USEC"] = str(watchdog_usec)
        return self.start("--config", config, "run", env=env)

    def test_ready_status_watchdog_and_stopping(self):
        process = self.run_daemon(self.config([("alpha", 30)]), watchdog_usec=600_000)
        ready = self.notify.receive_until(lambda m: m.get("READY") == "1")
        self.assertIn("instance(s)", ready["STATUS"])
        # Half of WATCHDOG_USEC: pings about every 0.3 s.
        started = time.monotonic()
        for _ in range(3):
            self.notify.receive_until(lambda m: m.get("WATCHDOG") == "1", timeout=2)
        self.assertLess(time.monotonic() - started, 2.0)
        summary = self.notify.receive_until(lambda m: "30 new" in m.get("STATUS", ""), include_seen=True)
        self.assertIn("alpha", summary["STATUS"])
        code, output = terminate(process)
        self.assertEqual(code, 0, output)
        self.notify.receive_until(lambda m: m.get("STOPPING") == "1", timeout=5)

    def test_sighup_adds_removes_and_reconfigures_instances(self):
        config = self.config([("alpha", 5), ("beta", 6)])
        process = self.run_daemon(config)
        self.wait_for(lambda: self.records_of("alpha") == 5 and self.records_of("beta") == 6, what="first sync")
        self.config([("beta", 9), ("gamma", 7)])  # beta reconfigured, alpha removed, gamma added
        process.send_signal(signal.SIGHUP)
        self.notify.receive_until(lambda m: m.get("RELOADING") == "1")
        self.wait_for(lambda: self.records_of("gamma") == 7 and self.records_of("beta") == 9, what="reloaded sync")
        self.assertIsNone(process.poll(), "the daemon keeps running across a reload")
        code, output = terminate(process)
        self.assertEqual(code, 0, output)
        self.assertIn("configuration reloaded: 1 added, 1 removed, 1 reconfigured, 2 running", output)

    def test_invalid_config_on_reload_keeps_the_old_one_running(self):
        config = self.config([("alpha", 5)])
        process = self.run_daemon(config)
        self.wait_for(lambda: self.records_of("alpha") == 5, what="first sync")
        with open(config, "a", encoding="utf-8") as out:
            out.write("bogus_key: 1\n")
        process.send_signal(signal.SIGHUP)
        failed = self.notify.receive_until(lambda m: "reload failed" in m.get("STATUS", ""))
        self.assertIn("old config kept", failed["STATUS"])
        self.assertIsNone(process.poll())
        code, output = terminate(process)
        self.assertEqual(code, 0, output)
        self.assertIn("bogus_key", output)
        self.assertIn("the running configuration stays in force", output)

    def test_sigterm_mid_sync_commits_whole_batches_and_exits_zero(self):
        # Ten times what the test waits for before SIGTERM: the stop still lands mid-sync
        # (asserted below) without the restart grinding through a six-figure backlog.
        total = 10_000
        config = self.config([("big", total)])
        process = self.run_daemon(config)
        self.wait_for(lambda: self.records_of("big") >= 1000, what="some batches committed")
        code, output = terminate(process)
        self.assertEqual(code, 0, output)
        landed = self.records_of("big")
        self.assertLess(landed, total, "the test should stop the daemon mid-sync")
        cursor = self.query(self.database, "SELECT stream_cursor FROM checkpoint WHERE instance = 'big'")[0][0]
        self.assertEqual(int(cursor), landed, "records and cursor are committed together")
        self.assertEqual(landed % 500, 0, "only whole batches are committed")
        # A restart continues from the checkpoint and ends with every record once.
        result = self.crmsyncd("--config", config, "once")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.records_of("big"), total)
        self.assertEqual(self.query(self.database, "SELECT COUNT(*) FROM customer")[0][0], total)


if __name__ == "__main__":
    unittest.main()
