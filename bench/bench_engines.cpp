// Backtest engines: the event-driven book and the vectorised engine on 500 assets x 2,520 days
// of synthetic data with random target weights (a new decision every bar, or every 5th bar),
// square-root impact + 5 bp costs (liquidity statistics over 20 bars feed every fill). Items =
// asset-bars. See bench/RESULTS.md (Backtest engines, issue 4).
#include "alpha/backtest/event_driven.hpp"
#include "alpha/backtest/vectorised.hpp"
#include "alpha/costs/sqrt_impact.hpp"
#include "alpha/data/synthetic.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <random>

namespace {

namespace bt = alpha::backtest;

const alpha::ohlcv_panel& market() {
  static const alpha::ohlcv_panel bars = [] {
    alpha::data::synthetic_config c;
    c.assets = 500;
    c.days = 2520;
    return alpha::data::generate_market(c).bars;
  }();
  return bars;
}

/// Gross-1 random long/short weights, a decision every `every` bars (NaN rows between).
const alpha::panel<double>& targets(int every) {
  static std::map<int, alpha::panel<double>> cache;
  auto it = cache.find(every);
  if (it != cache.end()) return it->second;
  const auto& m = market();
  alpha::panel<double> w(m.close().shared_index(), m.close().shared_assets());
  std::mt19937_64 g(42);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (std::size_t t = 0; t < w.rows(); t += static_cast<std::size_t>(every)) {
    double gross = 0;
    for (std::size_t j = 0; j < w.cols(); ++j) gross += std::abs(w(t, j) = u(g));
    for (std::size_t j = 0; j < w.cols(); ++j) w(t, j) /= gross;
  }
  return cache.emplace(every, std::move(w)).first->second;
}

alpha::costs::sqrt_impact impact() {
  alpha::costs::sqrt_impact::params p;
  p.coefficient = 1.0;
  p.bps = 5.0;
  return alpha::costs::sqrt_impact(p);
}

void event_driven(benchmark::State& state) {
  const auto& m = market();
  const auto& w = targets(static_cast<int>(state.range(0)));
  bt::execution_params p;
  p.fill = state.range(1) == 0 ? "next_open" : "this_close";
  p.record_fills = state.range(2) != 0;
  std::size_t fills = 0, trades = 0;
  for (auto _ : state) {
    auto r = bt::run_event_driven(m, w, impact(), p);
    fills = r.fills.size();
    trades = r.trades.size();
    benchmark::DoNotOptimize(r.equity.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(m.rows() * m.cols()));
  state.counters["fills"] = static_cast<double>(fills);
  state.counters["trades"] = static_cast<double>(trades);
}
BENCHMARK(event_driven)
    ->ArgNames({"every", "close", "fills"})
    ->Args({1, 0, 1})
    ->Args({1, 1, 1})
    ->Args({1, 0, 0})
    ->Args({5, 0, 1})
    ->Args({5, 0, 0})
    ->Unit(benchmark::kMillisecond);

void vectorised(benchmark::State& state) {
  const auto& m = market();
  const auto& w = targets(static_cast<int>(state.range(0)));
  bt::execution_params p = bt::vectorised_params();
  p.record_fills = state.range(1) != 0;
  for (auto _ : state) {
    auto r = bt::run_vectorised(m, w, impact(), p);
    benchmark::DoNotOptimize(r.equity.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(m.rows() * m.cols()));
}
BENCHMARK(vectorised)
    ->ArgNames({"every", "fills"})
    ->Args({1, 1})
    ->Args({1, 0})
    ->Args({5, 0})
    ->Unit(benchmark::kMillisecond);

}  // namespace
BENCHMARK_MAIN();
