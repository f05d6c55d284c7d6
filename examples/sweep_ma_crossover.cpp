// A parameter sweep of a moving-average crossover (issue 5), through the generic sweep API:
// fast SMA period in [2, 51] x slow SMA period in [10, 208] step 2 = 5,000 variants, on 50
// synthetic assets x 2,520 days (5 sectors), 1 bp per unit of weight traded. Prints the best
// variants and the overfitting statistics of the best (PSR, DSR, PBO, haircut Sharpe), with a
// progress bar on stderr while it runs.
//
//   sweep_ma_crossover            the full 5,000-variant grid
//   sweep_ma_crossover small      fast in [2, 11], slow in [10, 46] step 6 (the ctest)
//   sweep_ma_crossover full out   also writes out.csv and out.json (every variant's row)
#include "alpha/backtest/sweep.hpp"
#include "alpha/backtest/sweep_report.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/features/ta/sma.hpp"

#include <fmt/core.h>

#include <cstdlib>
#include <exception>
#include <fstream>
#include <string>

using namespace alpha;
namespace bt = alpha::backtest;

// The strategy type of examples/sma_crossover.cpp: two SMAs -> sign(fast - slow) -> score
// clamped to [-1, 1] -> weight = score -> costs in basis points. Every stage has an elementwise
// form (backtest/sweep_traits.hpp), so the sweep takes its fast path: each distinct SMA is
// computed once per asset and every variant runs one fused loop per asset.
using crossover =
    strategy<with::features<features::sma, features::sma>, with::model<models::sign_of_difference>,
             with::normaliser<combine::clamp_normaliser>, with::sizer<sizing::proportional>,
             with::costs<costs::bps>>;
using params = crossover::params;

int main(int argc, char** argv) try {
  const std::string size = argc > 1 ? argv[1] : "full";
  if (size != "full" && size != "small")
    throw config_error("argv[1]", "expected 'full' or 'small', got '" + size + "'");
  const bool small = size == "small";

  // 1. Data: 50 assets x 2,520 business days of the seeded synthetic market (5 sectors).
  data::synthetic_config config;
  config.assets = 50;
  config.sectors = 5;
  config.days = 2520;
  const ohlcv_panel market = data::generate_market(config).bars;

  // 2. The prototype: every param not swept keeps this value. 1 bp commission, no spread.
  crossover prototype;
  read_params(prototype.parameters(),
              "costs.commission_bps = 1\ncosts.half_spread_bps = 0\ncosts.slippage_bps = 0");

  // 3. The grid: a cartesian product over dotted param keys (the last key varies fastest):
  //    50 x 100 = 5,000 pairs. Pairs with fast >= slow are kept (they are the mirrored rule);
  //    grid.where(predicate) would drop them, e.g. `return fast(p) < slow(p);`.
  bt::sweep_grid<params> grid;
  if (small)
    grid.add_range<std::size_t>("features.0.period", 2, 11)
        .add_range<std::size_t>("features.1.period", 10, 46, 6);
  else
    grid.add_range<std::size_t>("features.0.period", 2, 51)
        .add_range<std::size_t>("features.1.period", 10, 208, 2);
  fmt::print("grid: {} variants x {} assets x {} bars\n", grid.product(), market.cols(),
             market.rows());

  // 4. The sweep: parallel over variants (results identical at any thread count), metrics
  //    streamed per variant, return curves kept for the top 10 only, PBO with S = 10 blocks.
  bt::sweep_options options;
  options.rank_by = bt::sweep_metric::sharpe;
  options.keep_top = 10;
  options.pbo_partitions = 10;
  options.progress = true;  // a bar on stderr once the sweep has run for 1.5 s
  const bt::sweep_result result = bt::sweep(prototype, grid, market, options);

  // 5. The report: best variants, then PSR / DSR / PBO / haircut Sharpe of the best.
  fmt::print("{}", result.summary(5));
  const auto best = result.top_k(1, bt::sweep_metric::sharpe);
  if (best.empty()) throw data_error({}, "no variant was evaluated");
  const auto& o = result.overfitting;
  fmt::print("best: {} = {}, {} = {}; Sharpe {:.2f}, PSR {:.3f}, DSR {:.3f}, PBO {:.3f}\n",
             result.rows[best[0]].params[0].first, result.rows[best[0]].params[0].second,
             result.rows[best[0]].params[1].first, result.rows[best[0]].params[1].second,
             result.rows[best[0]].metrics.sharpe, o.psr, o.dsr, o.pbo);
  // How to read them: PSR = P[true Sharpe > 0] for this one track record; DSR deflates it
  // for having picked the best of N trials; PBO near 0.5 or above says the in-sample winner is
  // no better than a random pick out of sample (docs/sweeps.md).
  fmt::print("{}\n", o.dsr < 0.95 || o.pbo > 0.2
                         ? "verdict: the best variant's edge does not survive the selection"
                         : "verdict: the best variant's edge survives the selection");

  // 6. Optionally every row as CSV and JSON.
  if (argc > 2) {
    std::ofstream(std::string(argv[2]) + ".csv") << bt::sweep_csv(result);
    std::ofstream(std::string(argv[2]) + ".json") << bt::sweep_json(result);
    fmt::print("wrote {}.csv and {}.json\n", argv[2], argv[2]);
  }
  fmt::print("sweep_ma_crossover ok: {} variants\n", result.evaluated());
  return EXIT_SUCCESS;
} catch (const std::exception& e) {
  fmt::print(stderr, "sweep_ma_crossover: {}\n", e.what());
  return EXIT_FAILURE;
}
