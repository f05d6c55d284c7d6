// Indicators (issue 3, Performance): EMA(20), RSI(14), MACD(12,26,9), Bollinger(20, 2) and
// ATR(14) through alpha::features::run (their static batch kernels) on the peers' 10,000,000
// OHLC bars, the workload (b) of the peer harness (/work/shared/peers, cpp/indicators.cpp runs
// TA-Lib C and Tulip on the same bytes). Outputs are preallocated, pre-faulted and reused across
// iterations; items/s = bars/s. Input: <dir>/ohlcv/{high,low,close}.f64 read with one fread,
// <dir> = $ALPHA_PEERS_DATA or /work/shared/peers/build/data. If the files are absent the same
// definition is regenerated in-process (seeded std::mt19937_64 normals, NOT numpy's PCG64 draws:
// same distribution, different bytes, so the check cannot match TA-Lib's) and the label says so.
//
// The label carries `check`, the harness's checksum: the sum (long double, per output, then
// added) over bars t >= 1000 of the indicator's outputs. For Bollinger that is upper + middle +
// lower (TA-Lib's three outputs; our kernel also writes percent_b and bandwidth, which are
// computed and timed but not summed). See bench/RESULTS.md, "Indicators (issue 3)".
#include "alpha/features/ta/bbands.hpp"
#include "alpha/features/ta/ema.hpp"
#include "alpha/features/ta/macd.hpp"
#include "alpha/features/ta/rsi.hpp"
#include "alpha/features/ta/run.hpp"
#include "alpha/features/ta/true_range.hpp"

#include "peers_data.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {
namespace af = alpha::features;
constexpr std::size_t n_bars = 10'000'000;

struct inputs {
  std::vector<double> high, low, close;
  std::string source;
};

const inputs& data() {
  static const inputs in = [] {
    const auto& d = alpha_bench::peers_ohlcv(n_bars);
    return inputs{d.high, d.low, d.close, d.source};
  }();
  return in;
}

/// Up to 5 output buffers of n_bars, pre-faulted once and reused by every benchmark.
std::array<std::vector<double>, 5>& out_buffers() {
  static std::array<std::vector<double>, 5> out = [] {
    std::array<std::vector<double>, 5> o;
    for (auto& v : o) v.assign(n_bars, 0.0);
    return o;
  }();
  return out;
}

/// The harness's check: per output, the long-double sum over bars t >= 1000; then added.
long double check_of(std::span<const double> y) {
  long double s = 0;
  for (std::size_t t = 1000; t < y.size(); ++t) s += y[t];
  return s;
}

template <class I>
void indicator(benchmark::State& state, const typename I::params& p, std::size_t checked_outputs) {
  const auto& d = data();
  af::series_input in;
  in.high = d.high;
  in.low = d.low;
  in.close = d.close;
  auto& buf = out_buffers();
  std::array<std::span<double>, af::output_count<I>> out;
  for (std::size_t k = 0; k < out.size(); ++k) out[k] = std::span<double>(buf[k]);
  for (auto _ : state) {
    af::run<I>(p, in, out);
    benchmark::DoNotOptimize(buf[0].data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.close.size()));
  long double chk = 0;
  for (std::size_t k = 0; k < checked_outputs; ++k) chk += check_of(out[k]);
  char label[96];
  std::snprintf(label, sizeof label, "check=%.17g ", static_cast<double>(chk));
  state.SetLabel(label + d.source);
}

void ema20(benchmark::State& s) { indicator<af::ema>(s, {.period = 20}, 1); }
void rsi14(benchmark::State& s) { indicator<af::rsi>(s, {.period = 14}, 1); }
void macd_12_26_9(benchmark::State& s) {
  indicator<af::macd>(s, {.fast_period = 12, .slow_period = 26, .signal_period = 9}, 3);
}
void bbands_20_2(benchmark::State& s) {
  indicator<af::bbands>(s, {.period = 20, .nbdev_up = 2.0, .nbdev_dn = 2.0}, 3);
}
void atr14(benchmark::State& s) { indicator<af::atr>(s, {.period = 14}, 1); }

#define ALPHA_IND ->Unit(benchmark::kMillisecond)->UseRealTime()
BENCHMARK(ema20) ALPHA_IND;
BENCHMARK(rsi14) ALPHA_IND;
BENCHMARK(macd_12_26_9) ALPHA_IND;
BENCHMARK(bbands_20_2) ALPHA_IND;
BENCHMARK(atr14) ALPHA_IND;

}  // namespace

BENCHMARK_MAIN();
