// Test support for the engines: a basis-point cost model, a cost model that records what it is
// given, and the hand-worked 2-asset x 5-bar market.
#pragma once

#include "alpha/backtest/execution.hpp"
#include "alpha/backtest/market.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/costs/concept.hpp"

#include <cmath>
#include <memory>
#include <vector>

namespace engines_test {

/// cost = |traded value| x bps / 10^4 (written here so the tests do not depend on the policies).
struct bps_cost {
  struct params {
    double bps = 10.0;
  };
  explicit bps_cost(const params& p) : p_(p) {}
  [[nodiscard]] double cost(const alpha::costs::trade_context& t) const {
    return std::fabs(t.traded_value) * p_.bps / 1e4;
  }
  params p_;
};

/// Records every trade_context it is asked about; charges nothing.
struct recording_cost {
  struct params {};
  explicit recording_cost(const params&)
      : seen(std::make_shared<std::vector<alpha::costs::trade_context>>()) {}
  [[nodiscard]] double cost(const alpha::costs::trade_context& t) const {
    seen->push_back(t);
    return 0.0;
  }
  std::shared_ptr<std::vector<alpha::costs::trade_context>> seen;
};

/// Returns a NaN cost (to test the engine's check).
struct nan_cost {
  struct params {};
  explicit nan_cost(const params&) {}
  [[nodiscard]] double cost(const alpha::costs::trade_context&) const { return alpha::nan; }
};

inline alpha::time_index five_days() {
  std::vector<alpha::timestamp> t;
  for (unsigned d = 1; d <= 5; ++d) t.push_back(*alpha::timestamp::from_date(2024, 1, d));
  return alpha::time_index(std::move(t));
}

/// Assets A and B over 2024-01-01 .. 2024-01-05:
///   A open 10 11 12 12 13, close 10 12 11 13 14, volume 100
///   B open 20 21 19 20 22, close 20 20 20 21 22, volume 50
inline alpha::ohlcv_panel hand_market() {
  alpha::ohlcv_panel p(five_days(), alpha::asset_list({"A", "B"}));
  const double oa[] = {10, 11, 12, 12, 13}, ca[] = {10, 12, 11, 13, 14};
  const double ob[] = {20, 21, 19, 20, 22}, cb[] = {20, 20, 20, 21, 22};
  for (int t = 0; t < 5; ++t) {
    p.open_values()(t, 0) = oa[t];
    p.close_values()(t, 0) = ca[t];
    p.open_values()(t, 1) = ob[t];
    p.close_values()(t, 1) = cb[t];
    for (int j = 0; j < 2; ++j) {
      p.high_values()(t, j) = std::max(p.open_values()(t, j), p.close_values()(t, j));
      p.low_values()(t, j) = std::min(p.open_values()(t, j), p.close_values()(t, j));
    }
    p.volume_values()(t, 0) = 100;
    p.volume_values()(t, 1) = 50;
  }
  return p;
}

/// Targets: bar 0 (0.5, 0.5), bar 1 none, bar 2 (0, 1), bar 3 (-0.5, 0.5), bar 4 none.
inline alpha::panel<double> hand_targets(const alpha::ohlcv_panel& p) {
  alpha::panel<double> w(p.close().shared_index(), p.close().shared_assets());
  w(0, 0) = 0.5;
  w(0, 1) = 0.5;
  w(2, 0) = 0.0;
  w(2, 1) = 1.0;
  w(3, 0) = -0.5;
  w(3, 1) = 0.5;
  return w;
}

inline alpha::backtest::execution_params params_with(const char* fill, double capital = 1000.0) {
  alpha::backtest::execution_params p;
  p.fill = fill;
  p.initial_capital = capital;
  return p;
}

}  // namespace engines_test
