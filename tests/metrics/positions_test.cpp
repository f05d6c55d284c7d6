// Turnover, exposure, holding periods (weights panels) and gross vs net: hand-worked panels
// (comments) and naive loops.
#include "alpha/metrics/exposure.hpp"
#include "alpha/metrics/gross_net.hpp"
#include "alpha/metrics/turnover.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace m = alpha::metrics;

namespace {
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();

// Rows (dates) x 2 assets:
//   t0: 0.5   0.5
//   t1: 1.0   0.0
//   t2: 0.0  -1.0
//   t3: NaN  -1.0     (NaN = no position)
Eigen::ArrayXXd hand_weights() {
  Eigen::ArrayXXd w(4, 2);
  w << 0.5, 0.5, 1.0, 0.0, 0.0, -1.0, nan_v, -1.0;
  return w;
}
}  // namespace

TEST(MetricsTurnover, HandPanel) {
  // sum |dw|: t1 |.5| + |-.5| = 1; t2 |-1| + |-1| = 2; t3 0 + 0 = 0. One-way halves them:
  // .5, 1, 0 -> average .5, annual .5 * 252 = 126.
  const auto w = hand_weights();
  const auto tau = m::turnover_series(w);
  ASSERT_EQ(tau.size(), 4u);
  EXPECT_TRUE(std::isnan(tau[0]));
  EXPECT_DOUBLE_EQ(tau[1], 0.5);
  EXPECT_DOUBLE_EQ(tau[2], 1.0);
  EXPECT_DOUBLE_EQ(tau[3], 0.0);
  const auto s = m::turnover(w);
  EXPECT_EQ(s.periods, 3u);
  EXPECT_DOUBLE_EQ(s.average, 0.5);
  EXPECT_DOUBLE_EQ(s.annual, 126.0);
  // Two-way doubles; the build-up from cash adds row 0: sum |w_0| = 1 -> one-way .5, so the
  // one-way average over 4 rows is (.5 + .5 + 1 + 0) / 4 = .5.
  EXPECT_DOUBLE_EQ(m::turnover(w, {.side = m::turnover_side::two_way}).average, 1.0);
  const auto init = m::turnover(w, {.include_initial = true, .periods_per_year = 12});
  EXPECT_EQ(init.periods, 4u);
  EXPECT_DOUBLE_EQ(init.average, 0.5);
  EXPECT_DOUBLE_EQ(init.annual, 6.0);
}

TEST(MetricsTurnover, RandomPanelAgainstNaiveLoopAndPanelOverload) {
  std::mt19937_64 gen(3);
  std::normal_distribution<double> z(0.0, 0.1);
  const Eigen::Index rows = 50, cols = 7;
  Eigen::ArrayXXd w(rows, cols);
  for (Eigen::Index t = 0; t < rows; ++t)
    for (Eigen::Index j = 0; j < cols; ++j) w(t, j) = z(gen);
  long double total = 0;
  for (Eigen::Index t = 1; t < rows; ++t)
    for (Eigen::Index j = 0; j < cols; ++j)
      total += std::fabs(static_cast<long double>(w(t, j)) - w(t - 1, j));
  const double expected = static_cast<double>(total / 2 / (rows - 1));
  EXPECT_NEAR(m::turnover(w).average, expected, 1e-15);
  std::vector<std::string> ids;
  std::vector<alpha::timestamp> times;
  for (Eigen::Index j = 0; j < cols; ++j) ids.push_back(fmt::format("A{}", j));
  for (Eigen::Index t = 0; t < rows; ++t) times.emplace_back(std::int64_t{86'400'000'000} * t);
  const alpha::panel<double> p(alpha::time_index(times), alpha::asset_list(ids), w);
  EXPECT_EQ(m::turnover(p).average, m::turnover(w).average);
}

TEST(MetricsTurnover, BadInput) {
  Eigen::ArrayXXd w = hand_weights();
  w(2, 1) = std::numeric_limits<double>::infinity();
  try {
    (void)m::turnover(w);
    FAIL() << "no error";
  } catch (const alpha::data_error& e) {
    EXPECT_NE(std::string(e.what()).find("row 2, column 1"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)m::turnover(hand_weights(), {.periods_per_year = -1}), alpha::config_error);
  EXPECT_TRUE(std::isnan(m::turnover(Eigen::ArrayXXd(1, 3).setZero()).average));  // no row 1
}

TEST(MetricsExposure, HandPanel) {
  // gross per row: 1, 1, 1, 1; net: 1, 1, -1, -1; long: 1, 1, 0, 0; short: 0, 0, -1, -1.
  // Non-zero cells: asset 0 rows 0, 1 (2 of 4), asset 1 rows 0, 2, 3 (3 of 4) -> 5 / 8.
  const auto e = m::exposure(hand_weights());
  EXPECT_EQ(e.periods, 4u);
  EXPECT_DOUBLE_EQ(e.time_in_market, 1.0);
  EXPECT_DOUBLE_EQ(e.asset_time_in_market, 5.0 / 8.0);
  EXPECT_DOUBLE_EQ(e.average_gross, 1.0);
  EXPECT_DOUBLE_EQ(e.average_net, 0.0);
  EXPECT_DOUBLE_EQ(e.average_long, 0.5);
  EXPECT_DOUBLE_EQ(e.average_short, -0.5);
  EXPECT_DOUBLE_EQ(e.max_gross, 1.0);
  // A single asset in the market 2 rows of 5, at 0.5 and -1.5.
  Eigen::ArrayXXd one(5, 1);
  one << 0, 0.5, 0, -1.5, 0;
  const auto f = m::exposure(one);
  EXPECT_DOUBLE_EQ(f.time_in_market, 0.4);
  EXPECT_DOUBLE_EQ(f.average_gross, 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(f.average_net, -1.0 / 5.0);
  EXPECT_DOUBLE_EQ(f.max_gross, 1.5);
  EXPECT_TRUE(std::isnan(m::exposure(Eigen::ArrayXXd(0, 3)).average_gross));
}

TEST(MetricsHoldingPeriods, HandPanelAndSignFlips) {
  // Asset 0: long rows 0-1 (2 periods), then flat: closed. Asset 1: long row 0 (1 period),
  // flat row 1, short rows 2-3 (2 periods, open at the end). Holdings 2, 1, 2 -> average 5/3;
  // closed ones 2, 1 -> 1.5; one open; longest 2.
  const auto h = m::holding_periods(hand_weights());
  EXPECT_EQ(h.holdings, 3u);
  EXPECT_EQ(h.open_holdings, 1u);
  EXPECT_DOUBLE_EQ(h.average, 5.0 / 3.0);
  EXPECT_DOUBLE_EQ(h.average_closed, 1.5);
  EXPECT_EQ(h.longest, 2u);
  // Resizing keeps a holding; a sign flip closes it and opens another on the same row:
  // .5, 1 (resized), -.5 (flip), -.2, 0 -> holdings of 2 and 2, both closed.
  Eigen::ArrayXXd flip(5, 1);
  flip << 0.5, 1.0, -0.5, -0.2, 0.0;
  const auto f = m::holding_periods(flip);
  EXPECT_EQ(f.holdings, 2u);
  EXPECT_EQ(f.open_holdings, 0u);
  EXPECT_DOUBLE_EQ(f.average, 2.0);
  // Never in the market: NaN averages.
  const auto none = m::holding_periods(Eigen::ArrayXXd::Zero(4, 2));
  EXPECT_EQ(none.holdings, 0u);
  EXPECT_TRUE(std::isnan(none.average));
  EXPECT_TRUE(std::isnan(none.average_closed));
}

TEST(MetricsGrossNet, HandSeries) {
  // gross 2 %, 1 %, -1 %; net 1.5 %, .5 %, -1.2 %:
  // gross total 1.02 * 1.01 * .99 - 1 = .019898; net 1.015 * 1.005 * .988 - 1 = 1.020075 * .988 - 1
  // = .0078341;
  // efficiency .0078341 / .019898; mean cost (.005 + .005 + .002) / 3 = .004.
  const std::vector<double> g{0.02, 0.01, -0.01}, n{0.015, 0.005, -0.012};
  const auto s = m::gross_vs_net(g, n);
  EXPECT_EQ(s.periods, 3u);
  EXPECT_NEAR(s.gross_total, 0.019898, 1e-15);
  EXPECT_NEAR(s.net_total, 0.0078341, 1e-15);
  EXPECT_NEAR(s.cost_drag, 0.019898 - 0.0078341, 1e-15);
  EXPECT_NEAR(s.cost_efficiency, 0.0078341 / 0.019898, 1e-13);
  EXPECT_NEAR(s.mean_cost, 0.004, 1e-16);
  EXPECT_NEAR(s.gross_cagr, std::pow(1.019898, 252.0 / 3) - 1, 1e-11);
  EXPECT_NEAR(s.net_cagr, std::pow(1.0078341, 252.0 / 3) - 1, 1e-11);
  // A NaN in either series drops the row from both.
  const std::vector<double> g2{0.02, nan_v, 0.01, -0.01}, n2{0.015, 0.3, 0.005, -0.012};
  EXPECT_DOUBLE_EQ(m::gross_vs_net(g2, n2).net_total, s.net_total);
  // A gross loss: efficiency undefined.
  const std::vector<double> gl{-0.01, 0.0}, nl{-0.012, -0.001};
  EXPECT_TRUE(std::isnan(m::gross_vs_net(gl, nl).cost_efficiency));
  EXPECT_THROW((void)m::gross_vs_net(g, g2), alpha::shape_error);
  EXPECT_TRUE(std::isnan(m::gross_vs_net(std::vector<double>{}, std::vector<double>{}).net_total));
}
