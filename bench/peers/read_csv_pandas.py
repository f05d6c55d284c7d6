#!/usr/bin/python3
"""Peer for bench_data's read_long_csv: pandas.read_csv of the same long-format OHLCV file,
parsing dates and pivoting to a date x symbol panel per field (what alpha's reader returns).

Usage: /usr/bin/python3 bench/peers/read_csv_pandas.py build/bench/bench/market_long.csv [reps]
Prints the median, min and max wall time over `reps` runs after one warm-up."""
import statistics
import sys
import time

import pandas as pd


def load(path):
    df = pd.read_csv(path, parse_dates=["date"])
    return df.pivot(index="date", columns="symbol",
                    values=["open", "high", "low", "close", "volume", "vwap"])


def main():
    path = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    load(path)
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        panel = load(path)
        times.append(time.perf_counter() - t0)
    print(f"pandas {pd.__version__} read_csv+pivot {path}: rows={panel.shape[0]} "
          f"median={statistics.median(times) * 1e3:.1f} ms min={min(times) * 1e3:.1f} ms "
          f"max={max(times) * 1e3:.1f} ms reps={reps}")


if __name__ == "__main__":
    main()
