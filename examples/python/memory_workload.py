"""flamediff example workload (Python, memory): build an index of synthetic records.

For the memory samplers (`--sampler fil`, `--sampler memray`, austin's memory mode): at its peak
the program holds about 20 MB allocated by `build_index` and about 2 MB by `load_names`.
FLAMEDIFF_EXAMPLE_REGRESSION=1 injects a regression: `build_index` keeps a second, needless copy
of every row (about +10 MB at the peak). FLAMEDIFF_EXAMPLE_SCALE scales the sizes (default 1).
"""

import os

SCALE = float(os.environ.get("FLAMEDIFF_EXAMPLE_SCALE", "1"))
REGRESSION = os.environ.get("FLAMEDIFF_EXAMPLE_REGRESSION") == "1"


def load_names(n):
    return [bytearray(2048) for _ in range(n)]


def build_index(n):
    rows = [bytearray(20_000) for _ in range(n)]
    if REGRESSION:
        # The injected regression: a needless copy of every row, kept alive with the index.
        rows += [bytes(r[:5_000]) + bytes(5_000) for r in rows]
    return rows


def main():
    names = load_names(int(1000 * SCALE))
    index = build_index(int(1000 * SCALE))
    print(f"indexed {len(index)} rows, {len(names)} names")


if __name__ == "__main__":
    main()
