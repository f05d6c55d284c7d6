// Cross-sectional transforms on 5,000 dates x 500 assets (issue 6), against the pandas peer
// bench/peers/cross_section_pandas.py, which reads the same values: the panel is written once to
// $ALPHA_BENCH_DIR/xs_panel.f64 (float64, date-major: row t holds the 500 assets of date t),
// standard normal from std::mt19937_64 seed 2026, 5 % NaN, 20 % of values rounded to 2 decimals
// (ties), and the sector ids (asset j -> sector j % 11) in the peer's own formula.
// See bench/RESULTS.md, "Cross-sectional transforms (issue 6)".
#include "alpha/core/panel.hpp"
#include "alpha/features/cross_section/clip.hpp"
#include "alpha/features/cross_section/neutralise.hpp"
#include "alpha/features/cross_section/rank.hpp"
#include "alpha/features/cross_section/sector_neutral.hpp"
#include "alpha/features/cross_section/standardise.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

namespace xs = alpha::features::cross_section;
constexpr std::size_t T = 5000, N = 500;

alpha::panel<double> make_panel() {
  std::vector<alpha::timestamp> days;
  for (std::size_t t = 0; t < T; ++t)
    days.push_back(alpha::timestamp(static_cast<std::int64_t>(t) * 86'400'000'000LL));
  std::vector<std::string> names;
  for (std::size_t j = 0; j < N; ++j) {
    std::string s(1, 'A');
    s += std::to_string(j);
    names.push_back(std::move(s));
  }
  alpha::panel<double> p(alpha::time_index(std::move(days)), alpha::asset_list(std::move(names)));
  std::mt19937_64 rng(2026);
  std::normal_distribution<double> g;
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (std::size_t t = 0; t < T; ++t)
    for (std::size_t j = 0; j < N; ++j) {
      double v = g(rng);
      if (u(rng) < 0.2) v = std::round(v * 100) / 100;
      if (u(rng) < 0.05) v = std::nan("");
      p(t, j) = v;
    }
  return p;
}

const alpha::panel<double>& data() {
  static const alpha::panel<double> p = [] {
    alpha::panel<double> x = make_panel();
    const char* dir = std::getenv("ALPHA_BENCH_DIR");
    const std::filesystem::path path = std::filesystem::path(dir ? dir : ".") / "xs_panel.f64";
    std::ofstream out(path, std::ios::binary);
    for (std::size_t t = 0; t < T; ++t)
      for (std::size_t j = 0; j < N; ++j) {
        const double v = x(t, j);
        out.write(reinterpret_cast<const char*>(&v), sizeof v);
      }
    return x;
  }();
  return p;
}

template <class F>
void run(benchmark::State& state, F f) {
  const alpha::panel<double>& x = data();
  for (auto _ : state) {
    alpha::panel<double> y = f(x, state.range(0) != 0);
    benchmark::DoNotOptimize(y.values().data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(T * N));
  state.SetLabel(state.range(0) != 0 ? "parallel" : "1 thread");
}

void zscore(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::zscore(x, {.parallel = par}); });
}
void demean(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::demean(x, {.parallel = par}); });
}
void min_max(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::min_max_scale(x, {.parallel = par}); });
}
void rank(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::rank(x, {.parallel = par}); });
}
void percentile(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::percentile(x, {.parallel = par}); });
}
void winsorize_quantile(benchmark::State& s) {
  run(s, [](const auto& x, bool par) {
    return xs::winsorize_quantile(x, {.lower = 0.01, .upper = 0.99, .parallel = par});
  });
}
void winsorize_sigma(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::winsorize_sigma(x, {.parallel = par}); });
}
void mad_clip(benchmark::State& s) {
  run(s, [](const auto& x, bool par) { return xs::mad_clip(x, {.parallel = par}); });
}

// Sector of asset j: j % 11 (the peer uses the same formula).
const alpha::data::sector_map& sector_map() {
  static const alpha::data::sector_map m = [] {
    std::vector<alpha::data::sector_entry> e;
    for (std::size_t j = 0; j < N; ++j) {
      std::string sec(1, 'S');
      sec += std::to_string(j % 11 + 10);  // two digits: sorted names keep the j % 11 order
      e.push_back({.symbol = data().assets()[j], .sector = sec, .industry = {}, .line = 0});
    }
    return alpha::data::sector_map(std::move(e));
  }();
  return m;
}

void sector_demean(benchmark::State& s) {
  const auto& map = sector_map();
  run(s, [&](const auto& x, bool par) { return xs::sector_demean(x, map, {.parallel = par}); });
}

// Regression on the 11 sector dummies plus two exposures (no pandas peer: a per-date
// regression is not a pandas one-liner).
void sector_residual_2_exposures(benchmark::State& s) {
  const auto& map = sector_map();
  alpha::panel<double> beta = data(), size = data();
  beta.values() = beta.values().abs().sqrt();
  size.values() = (beta.values() * 3.0).sin();
  run(s, [&](const auto& x, bool par) {
    return xs::sector_residual(x, map, {&beta, &size}, nullptr, {.parallel = par});
  });
}

void neutralise_2_factors(benchmark::State& s) {
  alpha::panel<double> f1 = data(), f2 = data();
  f1.values() = f1.values().abs().sqrt();
  f2.values() = (f1.values() * 3.0).sin();
  run(s, [&](const auto& x, bool par) {
    return xs::neutralise(x, {&f1, &f2}, {.proportion = 0.5, .parallel = par});
  });
}

// Baseline: the same z-score computed date by date on the strided rows of the column-major
// array (no block transposition), one thread.
void zscore_strided_baseline(benchmark::State& state) {
  const alpha::panel<double>& x = data();
  for (auto _ : state) {
    alpha::panel<double> y = x;
    auto& v = y.values();
    for (Eigen::Index t = 0; t < v.rows(); ++t) {
      double s = 0;
      std::size_t n = 0;
      for (Eigen::Index j = 0; j < v.cols(); ++j)
        if (std::isfinite(v(t, j))) s += v(t, j), ++n;
      const double m = s / static_cast<double>(n);
      double q = 0;
      for (Eigen::Index j = 0; j < v.cols(); ++j)
        if (std::isfinite(v(t, j))) q += (v(t, j) - m) * (v(t, j) - m);
      const double inv = 1.0 / std::sqrt(q / static_cast<double>(n - 1));
      for (Eigen::Index j = 0; j < v.cols(); ++j) v(t, j) = (v(t, j) - m) * inv;
    }
    benchmark::DoNotOptimize(v.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(T * N));
}

}  // namespace

BENCHMARK(zscore)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(zscore_strided_baseline)->Unit(benchmark::kMillisecond);
BENCHMARK(demean)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(min_max)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(rank)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(percentile)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(winsorize_quantile)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(winsorize_sigma)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(mad_clip)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(sector_demean)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(sector_residual_2_exposures)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(neutralise_2_factors)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
