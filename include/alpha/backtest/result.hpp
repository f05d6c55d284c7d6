/// @file
/// alpha::backtest::backtest_result: what every engine returns — the per-bar ledger (equity,
/// returns, costs, turnover), held weights and positions, the fills and the trade list.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// One execution: `quantity` shares of asset `asset` (> 0 bought, < 0 sold) at `price`.
struct fill {
  std::size_t bar = 0;           ///< row of the bar the fill happened in
  timestamp time;                ///< that bar's time
  std::size_t decision_bar = 0;  ///< row of the close at which the order was decided
  std::size_t asset = 0;         ///< column of the asset
  double quantity = 0.0;         ///< signed shares
  double price = 0.0;            ///< fill price (the open of `bar` or the close of `bar`)
  double value = 0.0;            ///< quantity x price (signed; cash moves by -value - cost)
  double cost = 0.0;             ///< cost charged by the cost model (>= 0)
};

/// One trade: a position episode of one asset, from flat to flat.
///
/// Definition. An episode opens with the first fill that takes the asset's position away from
/// zero, and closes with the fill that brings it back to exactly zero. Fills in the episode's
/// direction add to it; fills against it reduce it. A fill that crosses zero (a sign flip) is
/// split: the part that brings the position to zero closes this episode, the rest opens a new
/// one in the other direction, and the fill's cost is split between them in proportion to the
/// shares. Every fill's cost is attributed to the episode(s) it belongs to.
///
///   entry_price = sum |q| p over adding fills / sum |q| over adding fills (volume-weighted)
///   exit_price  = the same over reducing fills
///   quantity    = direction x sum |q| over adding fills (the shares entered, signed)
///   gross_pnl   = direction x (sum |q| p over reducing fills - sum |q| p over adding fills),
///                 the episode's cash flows, i.e. the realised PnL (equal to
///                 quantity x (exit_price - entry_price) for a closed trade, whatever the order
///                 of adds and reductions)
///   pnl         = gross_pnl - costs
/// An episode still open after the last bar is reported with `open_at_end = true`: its remaining
/// shares count as sold at the last valid price (the mark), exit_bar/exit_time are the last bar.
struct trade {
  std::size_t asset = 0;      ///< column of the asset
  std::size_t entry_bar = 0;  ///< bar of the opening fill
  std::size_t exit_bar = 0;   ///< bar of the closing fill (last bar if open_at_end)
  timestamp entry_time;       ///< time of entry_bar
  timestamp exit_time;        ///< time of exit_bar
  double quantity = 0.0;      ///< signed shares entered (> 0 long, < 0 short)
  double entry_price = 0.0;   ///< volume-weighted price of the adding fills
  double exit_price = 0.0;    ///< volume-weighted price of the reducing fills (and the mark)
  double gross_pnl = 0.0;     ///< realised PnL before costs, in currency
  double costs = 0.0;         ///< costs attributed to the episode
  double pnl = 0.0;           ///< gross_pnl - costs
  std::size_t fills = 0;      ///< fills touching the episode (a flip counts in both)
  bool open_at_end = false;   ///< still open after the last bar (marked to the last price)
};

/// The output of a backtest over T bars and N assets. Row t of every series is the state at the
/// close of bar t, after that bar's fills and costs.
///
///   equity[t]        = cash[t] + sum_j positions(t, j) x mark(t, j)   (mark = last valid close)
///   net_returns[t]   = equity[t] / equity[t-1] - 1, with equity[-1] = initial_capital
///   gross_returns[t] = (equity[t] + costs[t]) / equity[t-1] - 1  (the bar's return before its
///                      own costs; net = gross - costs[t] / equity[t-1])
///   costs[t]         = sum of the costs of the fills of bar t
///   traded_value[t]  = sum |value| of the fills of bar t
///   turnover[t]      = traded_value[t] / the equity the trades were sized on (two-way: a full
///                      switch from one asset to another is 2)
///   weights(t, j)    = positions(t, j) x mark(t, j) / equity[t]   (held, after trading)
struct backtest_result {
  std::shared_ptr<const time_index> index;   ///< the T bar times
  std::shared_ptr<const asset_list> assets;  ///< the N assets
  double initial_capital = 0.0;
  std::vector<double> equity, cash, net_returns, gross_returns, costs, traded_value, turnover;
  panel<double> weights;      ///< held weights (fractions of equity), T x N
  panel<double> positions;    ///< held shares, T x N
  std::vector<fill> fills;    ///< in execution order (empty if record_fills is off)
  std::vector<trade> trades;  ///< closed trades in closing order, then the open ones by asset
  /// Reported handling of bad prices (execution_params::on_bad_price = "hold") and ruin; one
  /// line each, naming the asset and the date.
  std::vector<std::string> warnings;

  [[nodiscard]] std::size_t bars() const noexcept { return equity.size(); }
  /// Sum of all costs. O(T).
  [[nodiscard]] double total_costs() const noexcept {
    double s = 0.0;
    for (const double c : costs) s += c;
    return s;
  }
};

}  // namespace backtest
ALPHA_END_NAMESPACE
