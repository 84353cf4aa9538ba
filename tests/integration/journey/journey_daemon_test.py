"""The built crmsyncd with a journey: surveys go out by the real smtp connector
to the test SMTP server; kill -9 during delivery and a restart send every
planned survey, and at most one of them twice, with the same Message-ID."""
import csv
import json
import os
import signal
import subprocess
import sys
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "daemon"))
from daemon_harness import CRMSYNCD, DaemonTestCase, PLUGIN_DIR, SOURCE_DIR  # noqa: E402

CUSTOMERS = 150
SMTP_PORT = int(os.environ["CRMSYNC_TEST_SMTP_PORT"])
SMTP_DIR = os.environ["CRMSYNC_TEST_SMTP_DIR"]
SIGNING_KEY = "daemon-test-signing-key-0123456789"


class JourneyDaemonTest(DaemonTestCase):
    def write_inbox(self):
        inbox = self.path("inbox")
        os.makedirs(inbox)
        with open(os.path.join(inbox, "shop_customers.csv"), "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "name", "email", "country"])
            for i in range(CUSTOMERS):
                writer.writerow([f"C{i:04d}", f"Kunde{i:04d} Test{i:04d}", f"kunde{i:04d}@journey-{self.run_id}.example",
                                 "DE"])
        with open(os.path.join(inbox, "shop_orders.csv"), "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["id", "customer", "status", "total", "currency"])
            for i in range(CUSTOMERS):
                writer.writerow([f"O{i:04d}", f"C{i:04d}", "delivered", "99.00", "EUR"])
        for name in os.listdir(inbox):
            os.utime(os.path.join(inbox, name), (1, 1))  # settled long ago
        return inbox

    def config(self, inbox):
        plugins = self.plugin_dir_with(os.path.join(PLUGIN_DIR, "crmsync_csv_drop.so"),
                                       os.path.join(PLUGIN_DIR, "crmsync_smtp.so"))
        return self.write_config(f"""\
            state_directory: state
            plugins:
              directory: {plugins}
            instances:
              - name: shop
                connector: csv_drop
                schedule: 1h
                options:
                  directory: {inbox}
                  after_ingest: keep
                  ledger_file: {self.path("ledger")}
                  streams:
                    customers:
                      entity: customer
                      pattern: "*customers*.csv"
                      id_column: id
                      columns: {{name: name, email: email, country: country}}
                    orders:
                      entity: order
                      pattern: "*orders*.csv"
                      id_column: id
                      columns: {{customer_ref: customer, status: status, total: total, currency: currency}}
              - name: mail
                connector: smtp
                options:
                  url: smtps://127.0.0.1:{SMTP_PORT + 1}
                  tls: implicit
                  ca_file: {os.path.join(SMTP_DIR, "tls", "cert.pem")}
                  username: crmsync
                  password: smtp-secret
                  from: surveys@shop.example
            journey:
              public_url: https://crm.shop.example
              message_domain: journey-{self.run_id}.crm.shop.example
              signing_key: ${{env:JOURNEY_SIGNING_KEY}}
              templates: {os.path.join(SOURCE_DIR, "config", "templates")}
              lease: 2s
              surveys:
                - name: after_delivery
                  on_order_status: delivered
                  survey: nps
                  delay: 0s
                  channel: mail
              politeness:
                quiet_hours: "00:00-00:00"
                skip_weekends: false
            """)

    def copies_by_message_id(self):
        copies = {}
        spool = os.path.join(SMTP_DIR, "spool")
        for name in os.listdir(spool):
            if not name.endswith(".json"):
                continue
            with open(os.path.join(spool, name), encoding="utf-8") as summary:
                message_id = json.load(summary)["headers"].get("message-id", "")
            if f"@journey-{self.run_id}.crm.shop.example>" in message_id:
                copies[message_id] = copies.get(message_id, 0) + 1
        return copies

    def test_kill9_during_delivery_then_restart_sends_each_survey_once_but_the_one_in_flight(self):
        self.run_id = str(os.getpid()) + "-" + str(int(time.time()))
        config = self.config(self.write_inbox())
        env = {"JOURNEY_SIGNING_KEY": SIGNING_KEY}
        with open(self.path("run.log"), "w", encoding="utf-8") as log:
            process = subprocess.Popen([CRMSYNCD, "--config", config, "run"], stdout=log, stderr=subprocess.STDOUT,
                                       env=self.environment(env))
            self.processes.append(process)
            self.wait_for(lambda: len(self.copies_by_message_id()) >= 10, timeout=120, what="some surveys sent")
            process.send_signal(signal.SIGKILL)
            process.wait()
        sent_before_restart = len(self.copies_by_message_id())
        self.assertLess(sent_before_restart, CUSTOMERS, "the kill should land mid-delivery")

        time.sleep(3)  # the killed worker's lease (2s) runs out
        restarted = self.crmsyncd("--config", config, "once", env=env)
        self.assertEqual(restarted.returncode, 0, restarted.stdout + restarted.stderr)
        database = self.path("state", "crmsync.db")
        rows = self.query(database, "SELECT status, message_id FROM outbox")
        self.assertEqual(len(rows), CUSTOMERS, "one survey planned per delivered order")
        self.assertEqual({status for status, _ in rows}, {"sent"})

        time.sleep(0.5)  # the server writes after it answered
        copies = self.copies_by_message_id()
        self.assertEqual(set(copies), {message_id for _, message_id in rows}, "every sent row reached the server")
        twice = [message_id for message_id, count in copies.items() if count > 1]
        self.assertLessEqual(len(twice), 1, f"more than the one message in flight was sent twice: {twice}")
        self.assertTrue(all(count <= 2 for count in copies.values()))

        again = self.crmsyncd("--config", config, "once", env=env)
        self.assertEqual(again.returncode, 0, again.stdout + again.stderr)
        time.sleep(0.5)
        self.assertEqual(self.copies_by_message_id(), copies, "a second run sends nothing")


if __name__ == "__main__":
    unittest.main()
