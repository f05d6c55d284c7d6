// Stationarity (issue 6): FFD on a long series and the augmented Dickey-Fuller test on 100,000
// points, against the peers of bench/peers/stationarity_peer.py (numpy convolution, statsmodels
// adfuller) on the same bytes. Inputs: the peer harness's canonical datasets (../shared/peers,
// `py/gen_data.py --only ohlcv,adf`): `ohlcv/close.f64` (first 1,000,000 values, log taken) and
// `adf/series.f64` (100,000-point random walk, seed 1005), read from $ALPHA_PEERS_DATA (default
// /work/shared/peers/build/data). When absent, the same definitions are regenerated in-process
// with another generator (std::mt19937_64): timings stay meaningful, checks do not match, and
// the label says so. Each benchmark reports its check (sum of FFD outputs, ADF statistic) as a
// counter. See bench/RESULTS.md, section "Stationarity (issue 6)".
#include "alpha/features/stationarity/adf.hpp"
#include "alpha/features/stationarity/ffd.hpp"
#include "alpha/features/stationarity/min_ffd.hpp"

#include "peers_data.hpp"

#include <benchmark/benchmark.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {
namespace af = alpha::features;

constexpr std::size_t ffd_points = 1'000'000;
constexpr std::size_t adf_points = 100'000;

struct series {
  std::vector<double> x;
  std::string source;
};

const series& log_closes() {
  static const series s = [] {
    series out;
    const std::string path = alpha_bench::peers_data_dir() + "/ohlcv/close.f64";
    std::vector<double> c = alpha_bench::read_f64(path);
    if (c.size() >= ffd_points) {
      c.resize(ffd_points);
      out.source = path + " (first 1M, log)";
    } else {
      // close = 100 cumprod(1 + r), r ~ N(0, 1) 5e-4 (another generator than numpy's PCG64)
      std::mt19937_64 gen(1001);
      std::normal_distribution<double> z(0.0, 1.0);
      c.resize(ffd_points);
      double p = 100.0;
      for (double& v : c) v = p *= 1.0 + 5e-4 * z(gen);
      out.source = "generated in-process (peer data absent)";
    }
    for (double& v : c) v = std::log(v);
    out.x = std::move(c);
    return out;
  }();
  return s;
}

const series& adf_series() {
  static const series s = [] {
    series out;
    const std::string path = alpha_bench::peers_data_dir() + "/adf/series.f64";
    out.x = alpha_bench::read_f64(path);
    if (out.x.size() == adf_points) {
      out.source = path;
      return out;
    }
    std::mt19937_64 gen(1005);
    std::normal_distribution<double> z(0.0, 1.0);
    out.x.resize(adf_points);
    double s0 = 0.0;
    for (double& v : out.x) v = s0 += z(gen);
    out.source = "generated in-process (peer data absent)";
    return out;
  }();
  return s;
}

double sum_defined(const std::vector<double>& y) {
  double s = 0.0;
  for (double v : y)
    if (v == v) s += v;
  return s;
}

// Google Benchmark's counters print negative numbers badly: the check goes into the label.
std::string check_label(double check, const std::string& source) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "check=%.10g ", check);
  return buf + source;
}

// FFD batch kernel (features::run -> frac_diff_ffd::batch) into a reused buffer.
void ffd_batch(benchmark::State& state, double d) {
  const series& in = log_closes();
  std::vector<double> out(in.x.size(), 0.0);
  const af::frac_diff_ffd::params p{.d = d, .threshold = 1e-4};
  const std::array<std::span<double>, 1> spans{out};
  for (auto _ : state) {
    af::run<af::frac_diff_ffd>(p, af::series_input::from(in.x), spans);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.x.size()));
  state.counters["L"] = static_cast<double>(af::frac_diff_ffd(p).lookback());
  state.SetLabel(check_label(sum_defined(out), in.source));
}
void BM_ffd_batch_d04(benchmark::State& s) { ffd_batch(s, 0.4); }
void BM_ffd_batch_d01(benchmark::State& s) { ffd_batch(s, 0.1); }

// The streaming form: update() then value(), one bar at a time.
void BM_ffd_streaming_d04(benchmark::State& state) {
  const series& in = log_closes();
  std::vector<double> out(in.x.size(), 0.0);
  for (auto _ : state) {
    af::frac_diff_ffd f({.d = 0.4, .threshold = 1e-4});
    for (std::size_t t = 0; t < in.x.size(); ++t) {
      f.update(in.x[t]);
      out[t] = f.value();
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.x.size()));
  state.SetLabel(check_label(sum_defined(out), in.source));
}

void adf(benchmark::State& state, const af::adf_params& p) {
  const series& in = adf_series();
  af::adf_result r;
  for (auto _ : state) {
    r = af::adf_test(in.x, p);
    benchmark::DoNotOptimize(r);  // the struct (a double alone may go through a GPR)
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.x.size()));
  state.counters["usedlag"] = static_cast<double>(r.used_lag);
  state.SetLabel(check_label(r.statistic, in.source));
}
// statsmodels adfuller(x, maxlag=12, autolag=None)
void BM_adf_fixed12(benchmark::State& s) {
  adf(s, {.autolag = af::adf_autolag::none, .maxlag = 12});
}
// adfuller(x, maxlag=12, autolag='AIC')
void BM_adf_aic12(benchmark::State& s) { adf(s, {.maxlag = 12}); }
// adfuller(x) defaults: AIC, maxlag = ceil(12 (n/100)^(1/4)) = 67
void BM_adf_default(benchmark::State& s) { adf(s, {}); }
void BM_adf_default_bic(benchmark::State& s) { adf(s, {.autolag = af::adf_autolag::bic}); }
void BM_adf_default_tstat(benchmark::State& s) { adf(s, {.autolag = af::adf_autolag::t_stat}); }

// The minimum-d grid search (step 0.01, 101 FFD + ADF runs at most) on 100,000 log closes.
void BM_min_ffd_grid(benchmark::State& state) {
  const series& in = log_closes();
  const std::span<const double> x(in.x.data(), 100'000);
  af::min_ffd_result r;
  for (auto _ : state) {
    r = af::min_ffd(x, {.step = 0.01});
    benchmark::DoNotOptimize(r);
  }
  state.counters["d"] = r.d;
  state.counters["evaluated"] = static_cast<double>(r.evaluated.size());
  state.SetLabel(in.source);
}

}  // namespace

BENCHMARK(BM_ffd_batch_d04)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ffd_batch_d01)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_ffd_streaming_d04)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_adf_fixed12)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_adf_aic12)->Unit(benchmark::kMillisecond)->MinTime(1.0);
BENCHMARK(BM_adf_default)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_adf_default_bic)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_adf_default_tstat)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_min_ffd_grid)->Unit(benchmark::kMillisecond)->Iterations(3);

BENCHMARK_MAIN();
