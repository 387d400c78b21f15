"""flamediff example workload (Python): parse, score and summarise synthetic records.

Runs for about a second. FLAMEDIFF_EXAMPLE_REGRESSION=1 injects a regression: `score_record`
does extra hashing work, about +30% of total CPU time. FLAMEDIFF_EXAMPLE_SCALE scales the work
(default 1.0). Exits non-zero with FLAMEDIFF_EXAMPLE_FAIL=1 (for fault tests).
"""

import hashlib
import os
import sys

SCALE = float(os.environ.get("FLAMEDIFF_EXAMPLE_SCALE", "1"))
REGRESSION = os.environ.get("FLAMEDIFF_EXAMPLE_REGRESSION") == "1"


def make_records(n):
    return [f"{i},{(i * 7919) % 1000},{(i * 104729) % 997},name-{i % 37}" for i in range(n)]


def parse_record(line):
    a, b, c, name = line.split(",")
    return int(a), int(b), int(c), name


def score_record(rec):
    _, b, c, name = rec
    s = 0
    for k in range(12):
        s += (b * k + c) % 13
    if REGRESSION:
        # The injected regression: a needless hash per record.
        s += hashlib.sha256((name * 8).encode()).digest()[0] % 7
    return s


def summarise(scores):
    buckets = {}
    for s in scores:
        buckets[s % 10] = buckets.get(s % 10, 0) + 1
    return sorted(buckets.items())


def main():
    if os.environ.get("FLAMEDIFF_EXAMPLE_FAIL") == "1":
        print("example: failing on purpose (FLAMEDIFF_EXAMPLE_FAIL=1)", file=sys.stderr)
        sys.exit(3)
    n = int(100000 * SCALE)
    total = 0
    for _ in range(3):
        records = [parse_record(line) for line in make_records(n)]
        scores = [score_record(r) for r in records]
        total += sum(count for _, count in summarise(scores))
    print(f"processed {total} records")


if __name__ == "__main__":
    main()
