"""Shared helpers for driving a built crmsyncd in tests."""
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import textwrap
import time
import unittest

CRMSYNCD = os.environ["CRMSYNCD"]
SOURCE_DIR = os.environ["CRMSYNC_SOURCE_DIR"]
PLUGIN_DIR = os.environ["CRMSYNC_PLUGIN_DIR"]
EXAMPLE_PLUGIN_DIR = os.environ["CRMSYNC_EXAMPLE_PLUGIN_DIR"]
TEST_PLUGIN_DIR = os.environ["CRMSYNC_TEST_PLUGIN_DIR"]


class DaemonTestCase(unittest.TestCase):
    """Gives each test a scratch directory, a config writer and process helpers."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="crmsync-test-")
        self.processes = []

    def tearDown(self):
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait()
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.dir, *parts)

    def write_config(self, body, name="crmsync.yaml"):
        file = self.path(name)
        with open(file, "w", encoding="utf-8") as out:
            out.write(textwrap.dedent(body))
        return file

    def plugin_dir_with(self, *plugins):
        """A private plugin directory holding copies of the given .so files."""
        target = self.path("plugins")
        os.makedirs(target, exist_ok=True)
        for source in plugins:
            destination = os.path.join(target, os.path.basename(source))
            shutil.copyfile(source, destination)
            os.chmod(destination, 0o755)
        return target

    def crmsyncd(self, *args, env=None, timeout=300):
        return subprocess.run([CRMSYNCD, *args], capture_output=True, text=True, timeout=timeout,
                              env=self.environment(env))

    def start(self, *args, env=None):
        process = subprocess.Popen([CRMSYNCD, *args], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env=self.environment(env))
        self.processes.append(process)
        return process

    @staticmethod
    def environment(extra):
        env = dict(os.environ)
        env.pop("NOTIFY_SOCKET", None)
        env.pop("WATCHDOG_USEC", None)
        env.pop("JOURNAL_STREAM", None)
        env.update(extra or {})
        return env

    def query(self, database, sql, *params):
        connection = sqlite3.connect(database, timeout=30)
        try:
            return connection.execute(sql, params).fetchall()
        finally:
            connection.close()

    def wait_for(self, predicate, timeout=60, what="condition"):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.05)
        self.fail(f"timed out waiting for {what}")


class NotifySocket:
    """A real sd_notify receiver: a datagram socket the daemon finds in $NOTIFY_SOCKET."""

    def __init__(self, directory):
        self.path = os.path.join(directory, "notify.sock")
        self.socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.socket.bind(self.path)
        self.messages = []

    def close(self):
        self.socket.close()

    def receive_until(self, predicate, timeout=30, include_seen=False):
        """Reads messages until one satisfies predicate; returns it. With include_seen,
        a message that already arrived counts too."""
        if include_seen:
            for fields in self.messages:
                if predicate(fields):
                    return fields
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.socket.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                data = self.socket.recv(4096).decode("utf-8")
            except socket.timeout:
                break
            fields = dict(line.split("=", 1) for line in data.split("\n") if "=" in line)
            self.messages.append(fields)
            if predicate(fields):
                return fields
        raise AssertionError(f"no matching sd_notify message within {timeout}s; got {self.messages}")


def terminate(process, timeout=60):
    process.send_signal(signal.SIGTERM)
    output, _ = process.communicate(timeout=timeout)
    return process.returncode, output
