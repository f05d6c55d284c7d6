// Rolling accumulators (issue 3): every alpha::rolling batch kernel on 10,000,000 points, w = 20
// and 250 where the accumulator has a window, items/s counters, one preallocated output buffer
// reused across iterations, plus naive baselines (O(w) per output mean, a plain sliding-sum
// mean). Input: the peers' canonical series /work/shared/peers/build/data/ohlcv/close.f64 (and
// close2.f64 for the pair statistics) read with one fread; override the directory with
// ALPHA_PEERS_DATA=<dir containing ohlcv/>. If the files are absent the same definition is
// regenerated in-process (seeded std::mt19937_64 normals, NOT numpy's PCG64 draws: same
// distribution, different bytes) and the label says so. See bench/RESULTS.md.
#include "alpha/rolling.hpp"
#include "alpha/rolling/window_set.hpp"

#include "peers_data.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {
namespace ar = alpha::rolling;
constexpr std::size_t n_points = 10'000'000;

struct inputs {
  std::vector<double> x, y;
  std::string source;
};

const inputs& data() {
  static const inputs in = [] {
    const auto& d = alpha_bench::peers_ohlcv(n_points);
    return inputs{d.close, d.close2, d.source};
  }();
  return in;
}

std::vector<double>& out_buffer() {
  static std::vector<double> out(n_points, 0.0);  // pre-faulted, reused
  return out;
}

template <class F>
void run_bench(benchmark::State& state, F&& f) {
  const auto& in = data();
  auto& out = out_buffer();
  for (auto _ : state) {
    f(in, out);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(in.x.size()));
  state.SetLabel(in.source);
}

template <class A>
void windowed(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    ar::run<A>({.window = w}, std::span<const double>(in.x), std::span<double>(out));
  });
}

template <class A>
void paired(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    ar::run<A>({.window = w}, std::span<const double>(in.x), std::span<const double>(in.y),
               std::span<double>(out));
  });
}

void quantile90(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    ar::run<ar::quantile>({.window = w, .q = 0.9}, std::span<const double>(in.x),
                          std::span<double>(out));
  });
}

template <class A>
void ewm(benchmark::State& state) {
  const double span = static_cast<double>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    ar::ewm_params p;
    p.com = (span - 1.0) / 2.0;
    ar::run<A>(p, std::span<const double>(in.x), std::span<double>(out));
  });
}

template <class A>
void seeded(benchmark::State& state) {
  const auto period = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    ar::run<A>({.period = period}, std::span<const double>(in.x), std::span<double>(out));
  });
}

// Naive baselines: O(w) per output (what a straightforward loop does), and the textbook O(1)
// sliding sum s += x[i] - x[i-w] (one dependent add chain, drifts).
void naive_mean_ow(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    const double* x = in.x.data();
    for (std::size_t i = 0; i < w - 1; ++i) out[i] = NAN;
    for (std::size_t i = w - 1; i < in.x.size(); ++i) {
      double s = 0;
      for (std::size_t j = i + 1 - w; j <= i; ++j) s += x[j];
      out[i] = s / static_cast<double>(w);
    }
  });
}
void naive_mean_sliding(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    const double* x = in.x.data();
    double s = 0;
    for (std::size_t i = 0; i < in.x.size(); ++i) {
      s += x[i] - (i >= w ? x[i - w] : 0.0);
      out[i] = i + 1 >= w ? s / static_cast<double>(w) : NAN;
    }
  });
}
void naive_std_sliding(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  run_bench(state, [&](const inputs& in, std::vector<double>& out) {
    const double* x = in.x.data();
    double s = 0, q = 0;
    const double n = static_cast<double>(w);
    for (std::size_t i = 0; i < in.x.size(); ++i) {
      const double o = i >= w ? x[i - w] : 0.0;
      s += x[i] - o;
      q += x[i] * x[i] - o * o;
      out[i] = i + 1 >= w ? std::sqrt(std::max(0.0, (q - s * s / n) / (n - 1.0))) : NAN;
    }
  });
}

// Mean + std + min + max of one window: the one-pass window_set against the four separate
// accumulators (the issue asks the set to be cheaper). Four output buffers in both cases.
std::array<std::vector<double>, 4>& four_buffers() {
  static std::array<std::vector<double>, 4> b{
      std::vector<double>(n_points), std::vector<double>(n_points), std::vector<double>(n_points),
      std::vector<double>(n_points)};
  return b;
}
void four_stats_one_pass(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  auto& b = four_buffers();
  using set = ar::window_set<ar::stat::mean, ar::stat::std_dev, ar::stat::min, ar::stat::max>;
  run_bench(state, [&](const inputs& in, std::vector<double>&) {
    set::batch({.window = w}, in.x, {b[0], b[1], b[2], b[3]});
  });
}
void four_stats_separate(benchmark::State& state) {
  const auto w = static_cast<std::size_t>(state.range(0));
  auto& b = four_buffers();
  run_bench(state, [&](const inputs& in, std::vector<double>&) {
    const std::span<const double> x(in.x);
    ar::run<ar::mean>({.window = w}, x, std::span<double>(b[0]));
    ar::run<ar::std_dev>({.window = w}, x, std::span<double>(b[1]));
    ar::run<ar::min>({.window = w}, x, std::span<double>(b[2]));
    ar::run<ar::max>({.window = w}, x, std::span<double>(b[3]));
  });
}

#define ALPHA_W(fn) ->Arg(20)->Arg(250)->Unit(benchmark::kMillisecond)->UseRealTime()
BENCHMARK(windowed<ar::sum>) ALPHA_W();
BENCHMARK(windowed<ar::mean>) ALPHA_W();
BENCHMARK(windowed<ar::std_dev>) ALPHA_W();
BENCHMARK(windowed<ar::variance>) ALPHA_W();
BENCHMARK(windowed<ar::zscore>) ALPHA_W();
BENCHMARK(paired<ar::covariance>) ALPHA_W();
BENCHMARK(paired<ar::correlation>) ALPHA_W();
BENCHMARK(paired<ar::beta>) ALPHA_W();
BENCHMARK(windowed<ar::skewness>) ALPHA_W();
BENCHMARK(windowed<ar::kurtosis>) ALPHA_W();
BENCHMARK(windowed<ar::linreg_slope>) ALPHA_W();
BENCHMARK(windowed<ar::min>) ALPHA_W();
BENCHMARK(windowed<ar::max>) ALPHA_W();
BENCHMARK(windowed<ar::argmin>) ALPHA_W();
BENCHMARK(windowed<ar::argmax>) ALPHA_W();
BENCHMARK(windowed<ar::median>) ALPHA_W();
BENCHMARK(quantile90) ALPHA_W();
BENCHMARK(windowed<ar::percent_rank>) ALPHA_W();
BENCHMARK(ewm<ar::ewm_mean>) ALPHA_W();
BENCHMARK(ewm<ar::ewm_std>) ALPHA_W();
BENCHMARK(seeded<ar::ema>) ALPHA_W();
BENCHMARK(seeded<ar::wilder>) ALPHA_W();
BENCHMARK(naive_mean_sliding) ALPHA_W();
BENCHMARK(naive_std_sliding) ALPHA_W();
BENCHMARK(four_stats_one_pass) ALPHA_W();
BENCHMARK(four_stats_separate) ALPHA_W();
BENCHMARK(naive_mean_ow)->Arg(20)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
