#!/usr/bin/python3
"""Peers of bench/bench_stationarity.cpp (issue 6), on the same bytes.

FFD: the straightforward numpy way, weights w_0..w_L (threshold 1e-4, AFML's getWeights_FFD
recursion) and np.convolve(x, w, mode="valid") over the first 1,000,000 log closes of the peer
harness's `ohlcv/close.f64`; check = sum of the outputs. ADF: statsmodels adfuller on
`adf/series.f64` (100,000-point random walk), maxlag=12 fixed, AIC with maxlag=12, and the
defaults (AIC, maxlag=67; ~30 s per call, only with --adf-default, 5 repetitions, no warm-up);
check = the ADF statistic.

Usage: /usr/bin/python3 bench/peers/stationarity_peer.py [--data DIR] [--reps 7] [--adf-default]
DIR holds the harness's datasets (`py/gen_data.py --only ohlcv,adf`), default
/work/shared/peers/build/data. Prints one line per case: case, wall-clock median, min, max, process-CPU median (s), check
(the CPU time is the fairer number on a loaded machine).
Run with one BLAS thread (OPENBLAS_NUM_THREADS=1), as the harness's env.sh does.
"""
import argparse, gc, os, statistics, time

import numpy as np


def ffd_weights(d, tau):
    w = [1.0]
    k = 1
    while True:
        nxt = -w[-1] / k * (d - k + 1)
        if abs(nxt) < tau:
            break
        w.append(nxt)
        k += 1
    return np.array(w)


def timeit(fn, reps, warmup=1):
    res = None
    for _ in range(warmup):
        res = fn()
    ts, cs = [], []
    for _ in range(reps):
        gc.collect()
        c0, t0 = time.process_time(), time.perf_counter()
        res = fn()
        ts.append(time.perf_counter() - t0)
        cs.append(time.process_time() - c0)
    return (ts, cs), res


def report(case, times, check):
    ts, cs = times
    print("%-40s wall median %10.6f s (min %10.6f, max %10.6f)  cpu median %10.6f s  reps %d  check %.10g"
          % (case, statistics.median(ts), min(ts), max(ts), statistics.median(cs), len(ts), check), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=os.environ.get("ALPHA_PEERS_DATA", "/work/shared/peers/build/data"))
    ap.add_argument("--reps", type=int, default=7)
    ap.add_argument("--adf-default", action="store_true")
    ap.add_argument("--only", default="ffd,adf")
    a = ap.parse_args()
    only = a.only.split(",")
    if "ffd" in only:
        x = np.log(np.fromfile(os.path.join(a.data, "ohlcv", "close.f64"), dtype="<f8")[:1_000_000])
        for d in (0.4, 0.1):
            w = ffd_weights(d, 1e-4)
            ts, y = timeit(lambda: np.convolve(x, w, mode="valid"), a.reps)
            report("ffd 1M d=%.1f (L=%d) numpy convolve" % (d, len(w) - 1), ts, float(y.sum()))
    if "adf" in only:
        from statsmodels.tsa.stattools import adfuller
        s = np.fromfile(os.path.join(a.data, "adf", "series.f64"), dtype="<f8")
        cases = [("adfuller 100k maxlag=12 fixed", dict(maxlag=12, autolag=None), a.reps, 1),
                 ("adfuller 100k AIC maxlag<=12", dict(maxlag=12, autolag="AIC"), a.reps, 1)]
        if a.adf_default:
            cases.append(("adfuller 100k default (AIC, maxlag=67)", dict(), 5, 0))
        for case, kw, reps, warm in cases:
            ts, r = timeit(lambda: adfuller(s, **kw), reps, warm)
            report(case + " usedlag=%d" % r[2], ts, float(r[0]))


if __name__ == "__main__":
    main()
