/// @file
/// Win/loss statistics of a series of outcomes: per-period returns, or per-trade PnLs (money or
/// returns) from a trade list. The same functions serve both: pass the span you want measured.
///
/// Conventions: an outcome x > 0 is a win, x < 0 a loss, x == 0 a flat (neither); NaN values are
/// dropped; an infinite value is a data_error. win_rate divides by **every** non-NaN outcome, flats
/// included (a strategy flat half the time has a win rate of at most 50 %); `hit_rate` divides by
/// wins + losses only. pyfolio / empyrical have no win rate; this follows the common "percent
/// profitable" of trade reports (flats counted as non-wins).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/metrics_common.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Win/loss summary of a series of outcomes.
struct win_loss_stats {
  std::size_t count = 0;      ///< non-NaN outcomes
  std::size_t wins = 0;       ///< x > 0
  std::size_t losses = 0;     ///< x < 0
  std::size_t flats = 0;      ///< x == 0
  double gross_profit = 0.0;  ///< sum of wins (>= 0)
  double gross_loss = 0.0;    ///< sum of losses (<= 0)
  double win_rate = nan;      ///< wins / count; NaN if count == 0
  double hit_rate = nan;      ///< wins / (wins + losses); NaN if no win and no loss
  /// gross_profit / |gross_loss|; +inf with wins but no loss, NaN with neither (also the
  /// convention of empyrical's omega ratio at threshold 0, which is the same number on returns).
  double profit_factor = nan;
  double average_win = nan;   ///< gross_profit / wins; NaN if no win
  double average_loss = nan;  ///< gross_loss / losses (a negative number); NaN if no loss
  /// average_win / |average_loss| (payoff ratio); +inf with wins but no loss, NaN without wins.
  double win_loss_ratio = nan;
  double expectancy = nan;  ///< mean outcome, (gross_profit + gross_loss) / count
};

/// Win/loss statistics of the non-NaN outcomes. O(N).
[[nodiscard]] inline win_loss_stats win_loss(std::span<const double> outcomes) {
  win_loss_stats s;
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const double x = outcomes[i];
    ::alpha::detail::metrics::check_not_infinite(x, i, "win_loss");
    if (is_nan(x)) continue;
    ++s.count;
    if (x > 0.0) {
      ++s.wins;
      s.gross_profit += x;
    } else if (x < 0.0) {
      ++s.losses;
      s.gross_loss += x;
    } else {
      ++s.flats;
    }
  }
  constexpr double inf = std::numeric_limits<double>::infinity();
  const auto d = [](std::size_t n) { return static_cast<double>(n); };
  if (s.count > 0) {
    s.win_rate = d(s.wins) / d(s.count);
    s.expectancy = (s.gross_profit + s.gross_loss) / d(s.count);
  }
  if (s.wins + s.losses > 0) s.hit_rate = d(s.wins) / d(s.wins + s.losses);
  if (s.wins > 0) s.average_win = s.gross_profit / d(s.wins);
  if (s.losses > 0) s.average_loss = s.gross_loss / d(s.losses);
  if (s.losses > 0)
    s.profit_factor = s.gross_profit / -s.gross_loss;
  else if (s.wins > 0)
    s.profit_factor = inf;
  if (s.wins > 0) s.win_loss_ratio = s.losses > 0 ? s.average_win / -s.average_loss : inf;
  return s;
}

/// wins / non-NaN outcomes (flats count as non-wins); NaN if none. O(N).
[[nodiscard]] inline double win_rate(std::span<const double> outcomes) {
  return win_loss(outcomes).win_rate;
}
/// sum of wins / |sum of losses|; +inf with no loss, NaN with neither. O(N).
[[nodiscard]] inline double profit_factor(std::span<const double> outcomes) {
  return win_loss(outcomes).profit_factor;
}
/// Mean of the positive outcomes; NaN if none. O(N).
[[nodiscard]] inline double average_win(std::span<const double> outcomes) {
  return win_loss(outcomes).average_win;
}
/// Mean of the negative outcomes (a negative number); NaN if none. O(N).
[[nodiscard]] inline double average_loss(std::span<const double> outcomes) {
  return win_loss(outcomes).average_loss;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
