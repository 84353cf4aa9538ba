#!/usr/bin/env python3
"""Writes the partner CSV files of a backfill again as a later drop in which
every record has changed: the re-sync a partner sends after a month of edits.

    partner_resend.py --csv DIR --out INBOX [--date 20240701]

Customers get another tier, orders another status, feedback an amended
comment; ids, names and references stay, so each record is an update of a
stored one and identity resolution finds the customers it already has. Each
file keeps its encoding, byte order mark and line ends, and its name gets the
new date, so the connector takes it as a new drop. Rows the connector rejects
are written as they were read.
"""
import argparse
import io
import csv
import pathlib
import re

# The column each stream's files change, and how.
TIER = {"Bronze": "Silver", "Silver": "Gold", "Gold": "Platinum", "Platinum": "Bronze",
        "普通": "银卡", "银卡": "金卡", "金卡": "普通", "A": "B", "B": "C", "C": "A"}
EDITS = {
    "Tier": lambda v: TIER.get(v, v + "+"),
    "等级": lambda v: TIER.get(v, v + "+"),
    "Status": lambda v: "closed" if v != "closed" else "delivered",
    "Comment": lambda v: v + " (amended)",
}


def resend(source: pathlib.Path, target: pathlib.Path) -> int:
    raw = source.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    crlf = b"\r\n" in raw[:4096]
    text = raw.decode("utf-8-sig" if bom else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    header = rows[0]
    edited = [i for i, name in enumerate(header) if name in EDITS]
    with target.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n" if crlf else "\n")
        writer.writerow(header)
        for row in rows[1:]:
            if len(row) == len(header):
                for i in edited:
                    if row[i]:
                        row[i] = EDITS[header[i]](row[i])
            writer.writerow(row)
    return len(rows) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", required=True, type=pathlib.Path)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--date", default="20240701")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for source in sorted(args.csv.glob("*.csv")):
        name = re.sub(r"_\d{8}\.csv$", f"_{args.date}.csv", source.name)
        total += resend(source, args.out / name)
    print(f"rows={total}")


if __name__ == "__main__":
    main()
