#!/usr/bin/python3
"""Peer for bench_cross_section: the same cross-sectional transforms in pandas, on the same data.

Input: the float64 file bench_cross_section writes ($ALPHA_BENCH_DIR/xs_panel.f64): 5,000 dates x
500 assets, date-major (row t = the 500 assets of date t), NaN for missing. Sector of asset j:
j % 11 (as in the C++ bench).

Two pandas forms are timed for each transform:
  wide:    a 5000 x 500 DataFrame, row-wise operations (df.rank(axis=1), df.sub(df.mean(axis=1),
           axis=0)...), the fastest pandas form;
  groupby: a long DataFrame (date, asset, sector, value), 2.5 M rows minus NaN, with
           groupby('date') rank / transform, the form the issue names.

Usage: /usr/bin/python3 bench/peers/cross_section_pandas.py build/h_xs_bench/out/xs_panel.f64 [reps]
Prints one line per (transform, form): median wall time, median process CPU time and min wall
time over `reps` runs after one warm-up. Optional third argument: comma-separated transform
names to run."""
import statistics
import sys
import time

import numpy as np
import pandas as pd

T, N, SECTORS = 5000, 500, 11


def timed(fn, reps):
    """Median wall and median process-CPU milliseconds (the CPU time does not count waiting for
    the cores of a shared machine; pandas runs these on one thread)."""
    fn()
    wall, cpu = [], []
    for _ in range(reps):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall) * 1e3, statistics.median(cpu) * 1e3, min(wall) * 1e3


def main():
    path = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    x = np.fromfile(path, dtype=np.float64).reshape(T, N)
    df = pd.DataFrame(x)
    sector = np.arange(N) % SECTORS
    long = df.stack().rename("v").reset_index()
    long.columns = ["date", "asset", "v"]
    long["sector"] = sector[long["asset"].to_numpy()]
    g = long.groupby("date")["v"]
    gs = long.groupby(["date", "sector"])["v"]

    def mad_clip_wide(k=3.0, c=1.4826):
        med = df.median(axis=1)
        mad = df.sub(med, axis=0).abs().median(axis=1)
        h = k * c * mad
        return df.clip(med - h, med + h, axis=0)

    def sector_demean_wide():
        # per date, per sector mean via a groupby over the columns (transpose: sectors as rows)
        means = df.T.groupby(sector).transform("mean").T
        return df - means

    cases = [
        ("zscore", "wide", lambda: df.sub(df.mean(axis=1), axis=0).div(df.std(axis=1), axis=0)),
        ("zscore", "groupby", lambda: (long["v"] - g.transform("mean")) / g.transform("std")),
        ("demean", "wide", lambda: df.sub(df.mean(axis=1), axis=0)),
        ("demean", "groupby", lambda: long["v"] - g.transform("mean")),
        ("min_max", "wide", lambda: df.sub(df.min(axis=1), axis=0).div(
            df.max(axis=1) - df.min(axis=1), axis=0)),
        ("min_max", "groupby", lambda: (long["v"] - g.transform("min")) /
         (g.transform("max") - g.transform("min"))),
        ("rank", "wide", lambda: df.rank(axis=1)),
        ("rank", "groupby", lambda: g.rank()),
        ("percentile", "wide", lambda: df.rank(axis=1, pct=True)),
        ("percentile", "groupby", lambda: g.rank(pct=True)),
        ("winsorize_quantile", "wide", lambda: df.clip(df.quantile(0.01, axis=1),
                                                       df.quantile(0.99, axis=1), axis=0)),
        ("winsorize_quantile", "groupby", lambda: long["v"].clip(g.transform(
            "quantile", 0.01), g.transform("quantile", 0.99))),
        ("winsorize_sigma", "wide", lambda: df.clip(
            df.mean(axis=1) - 3 * df.std(axis=1), df.mean(axis=1) + 3 * df.std(axis=1), axis=0)),
        ("winsorize_sigma", "groupby", lambda: long["v"].clip(
            g.transform("mean") - 3 * g.transform("std"),
            g.transform("mean") + 3 * g.transform("std"))),
        ("mad_clip", "wide", mad_clip_wide),
        ("sector_demean", "wide", sector_demean_wide),
        ("sector_demean", "groupby", lambda: long["v"] - gs.transform("mean")),
    ]
    only = set(sys.argv[3].split(",")) if len(sys.argv) > 3 else None
    print(f"pandas {pd.__version__}, numpy {np.__version__}; {T} x {N}; reps={reps}")
    for name, form, fn in cases:
        if only and name not in only:
            continue
        wall, cpu, lo = timed(fn, reps)
        print(f"{name:20s} {form:8s} wall median={wall:9.1f} ms  cpu median={cpu:9.1f} ms  "
              f"wall min={lo:9.1f} ms", flush=True)


if __name__ == "__main__":
    main()
