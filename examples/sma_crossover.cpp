// A single-asset moving-average crossover with basis-point costs, as a composed strategy:
// long (weight +1) while the fast SMA is above the slow one, short (-1) below, filled at the
// next open, paying 1 bp commission + 1 bp half spread on every fill.
//
//   sma_crossover                     the first asset of the bundled synthetic market
//   sma_crossover prices.csv [f s]    a single-asset OHLCV CSV, optional fast/slow periods
//
// Prints the strategy's params, the performance summary and the last trades.
#include "alpha/backtest/run.hpp"
#include "alpha/backtest/strategy.hpp"
#include "alpha/core/format.hpp"
#include "alpha/costs/bps.hpp"
#include "alpha/data/read_ohlcv.hpp"
#include "alpha/data/synthetic.hpp"
#include "alpha/features/ta/reflect.hpp"
#include "alpha/metrics/summary.hpp"
#include "alpha/models/rule.hpp"
#include "alpha/sizing/proportional.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cstdlib>
#include <exception>

using namespace alpha;

// The strategy as a type: two SMAs -> sign(fast - slow) -> score clamped to [-1, 1] ->
// weight = score -> 1 bp + 1 bp per fill. (A rule model needs no labeler.)
using crossover =
    strategy<with::features<features::sma, features::sma>, with::model<models::sign_of_difference>,
             with::normaliser<combine::clamp_normaliser>, with::sizer<sizing::proportional>,
             with::costs<costs::bps>>;

int main(int argc, char** argv) try {
  // 1. Data: a CSV from the command line, or one asset of the synthetic market.
  ohlcv_panel market;
  if (argc > 1) {
    market = data::read_ohlcv_csv(argv[1], {.require_volume = false}).data;
  } else {
    data::synthetic_config config;
    config.assets = 1;
    config.sectors = 1;
    market = data::generate_market(config).bars;
  }

  // 2. Parameters: every policy's numbers, by name (defaults elsewhere).
  crossover s;
  read_params(s.parameters(), "features.0.period = 20\nfeatures.1.period = 100");
  if (argc > 3) {
    set_param(s.parameters(), "features.0.period", argv[2]);
    set_param(s.parameters(), "features.1.period", argv[3]);
  }
  fmt::print("strategy: {}\n", format_params(s.parameters()));

  // 3. Backtest: decisions at each close, fills at the next open; a held position is not
  //    re-sized for drifts under 5 % of equity (the no-trade band).
  const auto run = backtest::run(
      s, market, {.fill = "next_open", .initial_capital = 1e6, .rebalance_band = 0.05});

  // 4. Results.
  const auto summary = metrics::summarize(run.book.net_returns);
  fmt::print("{} bars of {}, {} fills, {} trades, costs {:.0f}\n", market.rows(),
             market.assets()[0], run.book.fills.size(), run.book.trades.size(),
             run.book.total_costs());
  fmt::print("total return {:.2f} %, CAGR {:.2f} %, Sharpe {:.2f}, max drawdown {:.2f} %\n",
             100 * summary.total_return, 100 * summary.cagr, summary.sharpe,
             100 * summary.max_drawdown);
  const std::size_t shown = std::min<std::size_t>(run.book.trades.size(), 3);
  for (std::size_t k = run.book.trades.size() - shown; k < run.book.trades.size(); ++k) {
    const auto& t = run.book.trades[k];
    fmt::print("  trade {} -> {}: {:+.0f} shares at {:.2f} -> {:.2f}, pnl {:.0f}\n", t.entry_time,
               t.exit_time, t.quantity, t.entry_price, t.exit_price, t.pnl);
  }
  fmt::print("sma_crossover ok\n");
  return EXIT_SUCCESS;
} catch (const std::exception& e) {
  fmt::print(stderr, "sma_crossover: {}\n", e.what());
  return EXIT_FAILURE;
}
