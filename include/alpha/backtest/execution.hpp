/// @file
/// Execution settings shared by the backtest engines: when orders fill, starting capital, the
/// liquidity window feeding the cost models, share rounding and bad-price handling.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cmath>
#include <cstddef>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// When an order decided at the close of bar t fills.
///   - `next_open`: at the open of bar t+1 (the default; the realistic choice for daily data)
///   - `this_close`: at the close of bar t itself (market-on-close; optimistic)
enum class fill_at { next_open, this_close };

/// What an engine does with a NaN, infinite or non-positive price where it needs one (an asset
/// with a position or a target).
///   - `error`: throw alpha::data_error naming the asset and the date (the default)
///   - `hold`: keep the position marked at its last valid price, skip (or cancel) the order, and
///     report it in backtest_result::warnings
enum class bad_price_policy { error, hold };

/// Reflected execution parameters (keys for read_params / sweeps: `fill`, `initial_capital`,
/// ...). Validated by `validate()`, which every engine calls on construction.
struct execution_params {
  /// "next_open" or "this_close" (see fill_at).
  std::string fill = "next_open";
  /// Starting cash, in currency; > 0 and finite.
  double initial_capital = 1e6;
  /// Number of most recent observations (returns, traded values) of each asset from which the
  /// cost inputs daily_vol and adv are measured, on data up to the decision bar; >= 2.
  std::size_t liquidity_window = 20;
  /// Round target positions toward zero to whole shares (default: fractional shares).
  bool whole_shares = false;
  /// "error" or "hold" (see bad_price_policy).
  std::string on_bad_price = "error";
  /// Keep the fill list and build the trade list (turn off in large sweeps to save memory).
  bool record_fills = true;
  /// No-trade band, a fraction of equity in [0, 1): an order to an asset whose value
  /// |target - held| is below rebalance_band x equity is not placed, unless it closes the
  /// position (target 0). 0 (default) trades every difference; e.g. 0.02 stops the small daily
  /// re-sizing of a held position that only drifted with prices and costs.
  double rebalance_band = 0.0;
};

/// The fill_at named by `p.fill`; config_error("fill", ...) for an unknown name. O(1).
[[nodiscard]] inline fill_at fill_timing(const execution_params& p) {
  if (p.fill == "next_open") return fill_at::next_open;
  if (p.fill == "this_close") return fill_at::this_close;
  throw config_error("fill", "'" + p.fill + "' is not a fill timing (next_open or this_close)");
}

/// The bad_price_policy named by `p.on_bad_price`; config_error for an unknown name. O(1).
[[nodiscard]] inline bad_price_policy bad_price_handling(const execution_params& p) {
  if (p.on_bad_price == "error") return bad_price_policy::error;
  if (p.on_bad_price == "hold") return bad_price_policy::hold;
  throw config_error("on_bad_price",
                     "'" + p.on_bad_price + "' is not a bad-price policy (error or hold)");
}

/// Throws config_error naming the first invalid field. O(1).
inline void validate(const execution_params& p) {
  (void)fill_timing(p);
  (void)bad_price_handling(p);
  if (!(p.initial_capital > 0.0) || !std::isfinite(p.initial_capital))
    throw config_error("initial_capital", "must be finite and > 0");
  if (p.liquidity_window < 2)
    throw config_error("liquidity_window", "must be >= 2 (a volatility needs two returns)");
  if (!(p.rebalance_band >= 0.0 && p.rebalance_band < 1.0))
    throw config_error("rebalance_band", "must be in [0, 1)");
}

}  // namespace backtest
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::backtest::execution_params, fill, initial_capital, liquidity_window,
                        whole_shares, on_bad_price, record_fills, rebalance_band);
