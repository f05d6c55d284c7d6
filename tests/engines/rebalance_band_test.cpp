// The no-trade band (execution_params::rebalance_band), worked by hand on the 2-asset market of
// support.hpp with fills at the close and no costs:
//   targets (0.5, 0.5) every bar, E0 = 1000: bar 0 buys 50 A at 10 and 25 B at 20.
//   bar 1: E = 50 x 12 + 25 x 20 = 1100; re-sizing to 0.5 would trade 50 of each (4.5 % of E).
//   bar 2 (no trade at 1): E = 50 x 11 + 500 = 1050; the re-size is 25 of each (2.4 %).
//   bar 3: E = 50 x 13 + 25 x 21 = 1175; the re-size is 62.5 of each (5.3 %).
//   bar 4 (traded at 3): A 587.5/13 sh x 14, B 587.5/21 sh x 22: the re-size is ~8.6 (0.7 %).
// With a 5 % band only bars 0 and 3 trade (4 fills); with no band every bar does (10 fills).
#include "alpha/backtest/event_driven.hpp"
#include "alpha/backtest/vectorised.hpp"

#include "engines/support.hpp"

#include <gtest/gtest.h>

namespace {

using namespace engines_test;

alpha::panel<double> half_half(const alpha::ohlcv_panel& p) {
  alpha::panel<double> w(p.close().shared_index(), p.close().shared_assets());
  for (std::size_t t = 0; t < 5; ++t) {
    w(t, 0) = 0.5;
    w(t, 1) = 0.5;
  }
  return w;
}

TEST(RebalanceBand, SkipsSmallResizesInBothEngines) {
  const auto m = hand_market();
  const auto w = half_half(m);
  auto exec = params_with("this_close");
  exec.rebalance_band = 0.0;
  const auto every = alpha::backtest::run_event_driven(m, w, bps_cost({0.0}), exec);
  EXPECT_EQ(every.fills.size(), 10u);
  exec.rebalance_band = 0.05;
  for (const auto& r : {alpha::backtest::run_event_driven(m, w, bps_cost({0.0}), exec),
                        alpha::backtest::run_vectorised(m, w, bps_cost({0.0}), exec)}) {
    ASSERT_EQ(r.fills.size(), 4u);
    EXPECT_EQ(r.fills[0].bar, 0u);
    EXPECT_EQ(r.fills[2].bar, 3u);
    EXPECT_NEAR(r.fills[2].value, -62.5, 1e-9);  // sells 62.5 of A at 13
    EXPECT_NEAR(r.fills[3].value, 62.5, 1e-9);   // buys 62.5 of B at 21
    EXPECT_NEAR(r.equity[2], 1050.0, 1e-9);
    EXPECT_NEAR(r.equity[3], 1175.0, 1e-9);
  }
}

TEST(RebalanceBand, ClosingAPositionIsNeverSkipped) {
  const auto m = hand_market();
  auto w = half_half(m);
  w(3, 0) = 0.04;  // bar 3: A down to 0.04 x 1175 = 47 (a 540.5 sale: above the band)
  w(4, 0) = 0.0;   // bar 4: A closed: 47 / 13 x 14 = 50.6 < 5 % of equity, but a close-out
  auto exec = params_with("this_close");
  exec.rebalance_band = 0.05;
  const auto r = alpha::backtest::run_event_driven(m, w, bps_cost({0.0}), exec);
  EXPECT_EQ(r.positions(4, 0), 0.0);
  ASSERT_FALSE(r.fills.empty());
  EXPECT_EQ(r.fills.back().bar, 4u);
  EXPECT_EQ(r.fills.back().asset, 0u);
  EXPECT_NEAR(r.fills.back().value, -47.0 / 13.0 * 14.0, 1e-9);
}

TEST(RebalanceBand, Validated) {
  auto exec = params_with("this_close");
  exec.rebalance_band = 1.0;
  EXPECT_THROW(alpha::backtest::validate(exec), alpha::config_error);
  exec.rebalance_band = -0.1;
  EXPECT_THROW(alpha::backtest::validate(exec), alpha::config_error);
}

}  // namespace
