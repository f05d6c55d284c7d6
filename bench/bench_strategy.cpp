// A whole composed strategy (issue 4, Performance): 500 synthetic assets x 2,520 days, five
// features (planted signal, RSI 14, ROC 5, ROC 20, NATR 14), next-day forward-return labels,
// walk-forward ridge refit every 20 bars on a 500-bar rolling window, z-score normaliser,
// vol-target sizer, square-root impact costs, event-driven engine with next-open fills.
// items/s = asset-bars per second (features, labels, training, decisions and the book).
//
//   cmake --preset bench && cmake --build --preset bench --target bench_strategy
//   ./build/bench/bench/bench_strategy
#include "alpha/backtest/run.hpp"
#include "alpha/backtest/strategy.hpp"
#include "alpha/costs/sqrt_impact.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/features/aux_input.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/labels/forward_return.hpp"
#include "alpha/models/ridge.hpp"
#include "alpha/sizing/vol_target.hpp"

#include <benchmark/benchmark.h>

namespace {

using namespace alpha;

using ridge_strategy = strategy<with::features<features::aux_input, features::rsi, features::roc,
                                               features::roc, features::natr>,
                                with::labeler<labels::forward_return>, with::model<models::ridge>,
                                with::sizer<sizing::vol_target>, with::costs<costs::sqrt_impact>>;

const data::synthetic_market& market() {
  static const data::synthetic_market m = [] {
    data::synthetic_config c;
    c.assets = 500;
    c.days = 2520;
    c.sectors = 10;
    c.planted_ic = 0.05;
    auto out = data::generate_market(c);
    out.bars.set_aux(out.signal);
    return out;
  }();
  return m;
}

void BM_RidgeStrategyEventDriven(benchmark::State& state) {
  const auto& m = market();
  ridge_strategy s;
  read_params(s.parameters(),
              "features.2.period=5\nfeatures.3.period=20\nmodel.0.lambda=10\n"
              "walk_forward.refit_every=20\nwalk_forward.train_window=500\n"
              "sizer.dollar_neutral=true\nsizer.max_weight=0.02\ncosts.bps=1");
  backtest::execution_params exec;
  exec.initial_capital = 1e8;
  exec.record_fills = false;
  for (auto _ : state) {
    auto run = backtest::run(s, m.bars, exec);
    benchmark::DoNotOptimize(run.book.equity.back());
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(m.bars.rows() * m.bars.cols()));
}
BENCHMARK(BM_RidgeStrategyEventDriven)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
