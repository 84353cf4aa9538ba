#!/usr/bin/env python3
"""A fast Salesforce REST mock for bench/run's postgres_http case.

Serves the rows backfill_generator wrote (DIR/Account.jsonl, Contact.jsonl,
Order.jsonl, Case.jsonl: one JSON row and ",\\n" per line, in SystemModstamp,
Id order) the way ../shared/api-notes/salesforce.md describes:

  POST /services/oauth2/token              refresh-token grant -> access_token, instance_url (no expires_in)
  GET  /services/data/vXX.X/query?q=SOQL   also /queryAll; first page of the sObject named after FROM
  GET  /services/data/vXX.X/query/<locator>-<offset>   the next page (nextRecordsUrl)

Pages hold `Sforce-Query-Options: batchSize=N` rows (200..2000, default 2000),
with totalSize, done and nextRecordsUrl; a missing or unknown bearer token is
answered 401 INVALID_SESSION_ID, unknown sObjects 400 INVALID_TYPE. A WHERE
SystemModstamp >= <literal> starts at the first row at or after the literal
(binary search); other conditions are not evaluated: the data is a static
snapshot of a full backfill.

Unlike tests/fixtures/mock_salesforce (which evaluates every query over Python
dicts), a page here is one slice of a memory-mapped file, so the server costs
little next to the client. Stdlib only.

  salesforce_bench_mock.py --data DIR --port 0 --port-file FILE
"""
import argparse
import bisect
import mmap
import os
import re
import signal
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CLIENT_ID = "bench-client"
CLIENT_SECRET = "bench-secret"
REFRESH_TOKEN = "bench-refresh"
ACCESS_TOKEN = "00DBN0000000001!AQbench.token"
SOBJECTS = ("Account", "Contact", "Order", "Case")
STAMP = re.compile(rb'"SystemModstamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)')
FROM = re.compile(r"\bFROM\s+(\w+)\s*(?:WHERE|ORDER|LIMIT|$)", re.IGNORECASE)
SINCE = re.compile(r"SystemModstamp\s*>=?\s*(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)")
QUERY_PATH = re.compile(r"^/services/data/v(\d+\.\d)/(query|queryAll)$")
NEXT_PATH = re.compile(r"^/services/data/v(\d+\.\d)/(?:query|queryAll)/(\w+)_(\d+)-(\d+)$")


class Rows:
    """The rows of one sObject: a mapped file and the offset of every line."""

    def __init__(self, path):
        self.size = os.path.getsize(path)
        self.file = open(path, "rb")
        self.map = mmap.mmap(self.file.fileno(), 0, access=mmap.ACCESS_READ) if self.size else b""
        self.offsets = [0]
        position = 0
        while position < self.size:
            end = self.map.find(b"\n", position)
            position = self.size if end < 0 else end + 1
            self.offsets.append(position)

    def __len__(self):
        return len(self.offsets) - 1

    def records(self, start, end):
        # Each line ends in ",\n": drop the last one's.
        return self.map[self.offsets[start]:self.offsets[end] - 2] if end > start else b""

    def first_at_or_after(self, stamp):
        stamps = _StampView(self)
        return bisect.bisect_left(stamps, stamp.encode(), 0, len(self))


class _StampView:
    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        line = self.rows.map[self.rows.offsets[index]:self.rows.offsets[index + 1]]
        match = STAMP.search(line)
        return match.group(1) if match else b""


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "salesforce-bench-mock"
    disable_nagle_algorithm = True  # headers and body go out in separate writes

    def log_message(self, *args):  # quiet: the daemon is being timed, not the log
        pass

    def _send(self, status, body, content_type="application/json;charset=UTF-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Sforce-Limit-Info", "api-usage=1/1000000")
        self.end_headers()
        self.wfile.write(body)

    def _error(self, status, code, message):
        body = ('[{"message":"%s","errorCode":"%s"}]' % (message, code)).encode()
        self._send(status, body)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        if urllib.parse.urlsplit(self.path).path != "/services/oauth2/token":
            return self._error(404, "NOT_FOUND", "The requested resource does not exist")
        if form.get("grant_type") != ["refresh_token"] or form.get("refresh_token") != [REFRESH_TOKEN] \
                or form.get("client_id") != [CLIENT_ID] or form.get("client_secret") != [CLIENT_SECRET]:
            return self._send(400, b'{"error":"invalid_grant","error_description":"expired access/refresh token"}')
        host = self.headers.get("Host", "127.0.0.1")
        body = ('{"access_token":"%s","instance_url":"http://%s","id":"http://%s/id/00DBN0000000001/005BN000000AAAA",'
                '"token_type":"Bearer","issued_at":"1704067200000","signature":"YmVuY2g=","scope":"api refresh_token"}'
                % (ACCESS_TOKEN, host, host)).encode()
        self._send(200, body)

    def do_GET(self):
        if self.headers.get("Authorization") != "Bearer " + ACCESS_TOKEN:
            return self._error(401, "INVALID_SESSION_ID", "Session expired or invalid")
        parts = urllib.parse.urlsplit(self.path)
        size = self._batch_size()
        query = QUERY_PATH.match(parts.path)
        if query:
            soql = urllib.parse.parse_qs(parts.query).get("q", [""])[0]
            found = FROM.findall(soql)  # the last FROM: the first may be a child subquery's
            if not found or found[-1] not in self.server.rows:
                return self._error(400, "INVALID_TYPE", "sObject type is not supported.")
            sobject = found[-1]
            since = SINCE.search(soql)
            start = self.server.rows[sobject].first_at_or_after(since.group(1)) if since else 0
            return self._page(query.group(1), sobject, start, start, size)
        following = NEXT_PATH.match(parts.path)
        if following and following.group(2) in self.server.rows:
            return self._page(following.group(1), following.group(2), int(following.group(3)),
                              int(following.group(4)), size)
        self._error(404, "NOT_FOUND", "The requested resource does not exist")

    def _batch_size(self):
        match = re.search(r"batchSize=(\d+)", self.headers.get("Sforce-Query-Options", ""))
        return min(2000, max(200, int(match.group(1)))) if match else 2000

    def _page(self, version, sobject, first, offset, size):
        rows = self.server.rows[sobject]
        end = min(len(rows), offset + size)
        done = end >= len(rows)
        head = '{"totalSize":%d,"done":%s,' % (len(rows) - first, "true" if done else "false")
        if not done:
            head += '"nextRecordsUrl":"/services/data/v%s/query/%s_%d-%d",' % (version, sobject, first, end)
        self.server.served += end - offset
        self._send(200, b"".join((head.encode(), b'"records":[', rows.records(offset, end), b"]}")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, help="the crm/ directory backfill_generator wrote")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file")
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.rows = {name: Rows(os.path.join(args.data, name + ".jsonl")) for name in SOBJECTS}
    server.served = 0
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as out:
            out.write(str(server.server_address[1]))
        os.replace(args.port_file + ".tmp", args.port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    server.serve_forever()
    print("salesforce-bench-mock: served %d rows" % server.served, file=sys.stderr)


if __name__ == "__main__":
    main()
