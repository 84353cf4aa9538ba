#!/usr/bin/env python3
"""Drains every page of bench/salesforce_bench_mock.py the way the connector
pages it (token, query, nextRecordsUrl until done; one keep-alive connection),
without parsing the JSON, and prints how fast the mock alone serves rows:

  salesforce_drain.py --url http://127.0.0.1:PORT [--batch-size 2000]
  -> case=mock_drain records=N seconds=S records_per_s=R mib=M
"""
import argparse
import http.client
import json
import re
import time
import urllib.parse

NEXT = re.compile(rb'"nextRecordsUrl":"([^"]+)"')
SOQL = {
    "Account": "SELECT Id FROM Account ORDER BY SystemModstamp ASC, Id ASC",
    "Contact": "SELECT Id FROM Contact ORDER BY SystemModstamp ASC, Id ASC",
    "Order": "SELECT Id, (SELECT Id FROM OrderItems ORDER BY Id) FROM Order ORDER BY SystemModstamp ASC, Id ASC",
    "Case": "SELECT Id FROM Case ORDER BY SystemModstamp ASC, Id ASC",
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--batch-size", type=int, default=2000)
    args = parser.parse_args()
    target = urllib.parse.urlsplit(args.url)
    started = time.monotonic()
    connection = http.client.HTTPConnection(target.hostname, target.port)
    connection.request("POST", "/services/oauth2/token",
                       body="grant_type=refresh_token&client_id=bench-client&client_secret=bench-secret"
                            "&refresh_token=bench-refresh&format=json",
                       headers={"Content-Type": "application/x-www-form-urlencoded"})
    token = json.loads(connection.getresponse().read())["access_token"]
    headers = {"Authorization": "Bearer " + token, "Accept": "application/json",
               "Sforce-Query-Options": "batchSize=%d" % args.batch_size}
    rows = 0
    received = 0
    for sobject, soql in SOQL.items():
        path = "/services/data/v60.0/queryAll?q=" + urllib.parse.quote(soql)
        while path:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                raise SystemExit("GET %s: HTTP %d %s" % (path, response.status, body[:200]))
            received += len(body)
            if b'"records":[]' not in body:
                rows += body.count(b",\n{") + 1
            found = NEXT.search(body, 0, 300)
            path = found.group(1).decode() if found else None
    seconds = time.monotonic() - started
    print("case=mock_drain records=%d seconds=%.2f records_per_s=%d mib=%.0f"
          % (rows, seconds, rows / seconds if seconds else 0, received / 1048576))


if __name__ == "__main__":
    main()
