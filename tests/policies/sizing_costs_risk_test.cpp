// Sizers, cost models and risk controls against hand-worked numbers.
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/costs/bps.hpp"
#include "alpha/costs/composite.hpp"
#include "alpha/costs/sqrt_impact.hpp"
#include "alpha/risk/drawdown_derisk.hpp"
#include "alpha/risk/max_position.hpp"
#include "alpha/sizing/proportional.hpp"
#include "alpha/sizing/vol_target.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

namespace {

using alpha::nan;

void expect_weights(const std::vector<double>& w, const std::vector<double>& expected,
                    double tol = 1e-12) {
  ASSERT_EQ(w.size(), expected.size());
  for (std::size_t i = 0; i < w.size(); ++i) EXPECT_NEAR(w[i], expected[i], tol) << "asset " << i;
}

// Three assets whose returns over bars 1..3 are (a, -a, 0): mean 0, sample std exactly a, with
// a = 0.01, 0.02, 0.005.
struct vol_fixture {
  std::vector<double> close{100, 50, 20};
  std::vector<double> held{0, 0, 0};
  std::vector<std::vector<double>> returns{
      {nan, nan, nan}, {0.01, 0.02, 0.005}, {-0.01, -0.02, -0.005}, {0, 0, 0}};
  alpha::sizing::sizing_context ctx(std::size_t t) const {
    return {
        .bar = t, .close = close, .returns = returns[t], .current_weights = held, .equity = 1e6};
  }
  // target 0.16 a year at 256 bars a year: 0.01 a bar.
  static alpha::sizing::vol_target::params params() {
    return {.target_vol = 0.16,
            .periods_per_year = 256,
            .window = 3,
            .max_weight = 0.5,
            .gross_cap = 1.0};
  }
};

std::vector<double> size_at(alpha::sizing::vol_target& s, const vol_fixture& f,
                            const std::vector<double>& score, std::size_t t) {
  const std::vector<double> conf(score.size(), 1.0);
  std::vector<double> w(score.size(), 99.0);
  s.size({score, conf, 1}, f.ctx(t), w);
  return w;
}

TEST(VolTarget, HandWorkedWeights) {
  const vol_fixture f;
  const std::vector<double> score{1.0, -0.5, 0.8};
  alpha::sizing::vol_target s(vol_fixture::params(), 3);
  EXPECT_EQ(s.lookback(), 3u);
  for (std::size_t t = 0; t < 3; ++t) {
    s.observe(f.ctx(t));
    expect_weights(size_at(s, f, score, t), {0, 0, 0});  // warm-up: no volatility yet
  }
  s.observe(f.ctx(3));
  EXPECT_NEAR(s.volatility(0), 0.01, 1e-15);
  EXPECT_NEAR(s.volatility(1), 0.02, 1e-15);
  EXPECT_NEAR(s.volatility(2), 0.005, 1e-15);
  // w = score x 0.01 / vol / 3: 1/3, -0.5 x 0.5 / 3 = -1/12, 0.8 x 2 / 3 = 0.533 -> clamp 0.5;
  // gross 11/12 < 1.
  expect_weights(size_at(s, f, score, 3), {1.0 / 3, -1.0 / 12, 0.5});
  // NaN score on asset 1: two active assets, w = 1 x 1 / 2 = 0.5, 0.8 x 2 / 2 -> 0.5.
  expect_weights(size_at(s, f, {1.0, nan, 0.8}, 3), {0.5, 0, 0.5});

  // Gross cap 0.5: 11/12 scaled by 6/11 -> 2/11, -1/22, 3/11.
  auto p = vol_fixture::params();
  p.gross_cap = 0.5;
  alpha::sizing::vol_target capped(p, 3);
  for (std::size_t t = 0; t < 4; ++t) capped.observe(f.ctx(t));
  expect_weights(size_at(capped, f, score, 3), {2.0 / 11, -1.0 / 22, 3.0 / 11});

  // Dollar neutral: clamped 1/3, -1/12, 1/2 have mean 1/4 -> 1/12, -1/3, 1/4 (net 0).
  p = vol_fixture::params();
  p.dollar_neutral = true;
  alpha::sizing::vol_target neutral(p, 3);
  for (std::size_t t = 0; t < 4; ++t) neutral.observe(f.ctx(t));
  const auto wn = size_at(neutral, f, score, 3);
  expect_weights(wn, {1.0 / 12, -1.0 / 3, 0.25});
  EXPECT_NEAR(wn[0] + wn[1] + wn[2], 0.0, 1e-15);

  // A NaN close makes the asset inactive; reset() forgets the volatilities.
  vol_fixture g;
  g.close[2] = nan;
  expect_weights(size_at(s, g, score, 3), {0.5, -0.125, 0});
  s.reset();
  expect_weights(size_at(s, f, score, 3), {0, 0, 0});
}

TEST(VolTarget, NoLookAhead) {
  // Two histories equal up to bar T, different after: weights up to T are identical.
  std::mt19937_64 g(4);
  std::normal_distribution<double> z(0.0, 0.01);
  const std::size_t bars = 80, T = 50;
  std::vector<std::vector<double>> ra(bars, std::vector<double>(3)), rb;
  for (auto& row : ra)
    for (auto& x : row) x = z(g);
  rb = ra;
  for (std::size_t t = T + 1; t < bars; ++t)
    for (auto& x : rb[t]) x = 3.0 * z(g);
  const std::vector<double> close{10, 20, 30}, held(3, 0.0), score{0.7, -0.2, 0.4}, conf(3, 1.0);
  auto run = [&](const std::vector<std::vector<double>>& r) {
    alpha::sizing::vol_target s({.window = 10, .dollar_neutral = true}, 3);
    std::vector<std::vector<double>> out;
    for (std::size_t t = 0; t < bars; ++t) {
      const alpha::sizing::sizing_context ctx{
          .bar = t, .close = close, .returns = r[t], .current_weights = held, .equity = 1.0};
      s.observe(ctx);
      std::vector<double> w(3);
      s.size({score, conf, 1}, ctx, w);
      out.push_back(w);
    }
    return out;
  };
  const auto wa = run(ra), wb = run(rb);
  for (std::size_t t = 0; t <= T; ++t) EXPECT_EQ(wa[t], wb[t]) << "bar " << t;
  EXPECT_NE(wa[T + 1], wb[T + 1]);
  EXPECT_NE(wa[20][0], 0.0);  // warm after 10 returns
}

TEST(VolTarget, Errors) {
  auto p = vol_fixture::params();
  p.window = 1;
  EXPECT_THROW(alpha::sizing::vol_target(p, 3), alpha::config_error);
  p = vol_fixture::params();
  p.target_vol = -0.1;
  EXPECT_THROW(alpha::sizing::vol_target(p, 3), alpha::config_error);
  p = vol_fixture::params();
  p.gross_cap = nan;
  EXPECT_THROW(alpha::sizing::vol_target(p, 3), alpha::config_error);
  alpha::sizing::vol_target s(vol_fixture::params(), 2);
  const vol_fixture f;
  EXPECT_THROW(s.observe(f.ctx(1)), alpha::shape_error);
}

TEST(Proportional, ClampAndGrossCap) {
  alpha::sizing::proportional s({.scale = 0.4, .max_weight = 0.3, .gross_cap = 0.5}, 5);
  const std::vector<double> score{0.5, -1.0, nan, 0.9, 1.0}, conf(5, 1.0);
  const std::vector<double> close{10, 10, 10, 10, nan}, ret(5, 0.0), held(5, 0.0);
  const alpha::sizing::sizing_context ctx{
      .bar = 0, .close = close, .returns = ret, .current_weights = held, .equity = 1.0};
  std::vector<double> w(5);
  s.observe(ctx);
  s.size({score, conf, 1}, ctx, w);
  // 0.2, -0.4 -> -0.3, 0 (NaN score), 0.36 -> 0.3, 0 (NaN close); gross 0.8 -> x 0.625.
  expect_weights(w, {0.125, -0.1875, 0, 0.1875, 0});
  EXPECT_THROW(alpha::sizing::proportional({.scale = 0.0}, 5), alpha::config_error);
  std::vector<double> w4(4);
  EXPECT_THROW(s.size({score, conf, 1}, ctx, w4), alpha::shape_error);
}

TEST(Costs, BasisPoints) {
  const alpha::costs::bps c({.commission_bps = 1.0, .half_spread_bps = 2.0, .slippage_bps = 0.5});
  // 20,000 x 3.5 bps = 7.
  EXPECT_NEAR(c.cost({.asset = 0, .traded_value = -20000.0}), 7.0, 1e-12);
  EXPECT_NEAR(c.cost({.asset = 0, .traded_value = 20000.0}), 7.0, 1e-12);
  EXPECT_EQ(c.cost({}), 0.0);
  EXPECT_THROW(alpha::costs::bps({.commission_bps = -1.0}), alpha::config_error);
  EXPECT_THROW(alpha::costs::bps({.slippage_bps = nan}), alpha::config_error);
}

TEST(Costs, SquareRootImpact) {
  const alpha::costs::sqrt_impact c({.coefficient = 0.8, .bps = 1.0});
  // 0.8 x 0.02 x sqrt(1e6 / 4e7) x 1e6 = 0.016 x 0.158113883008419 x 1e6 = 2529.822128134704,
  // plus 1 bp of 1e6 = 100.
  const alpha::costs::trade_context t{
      .asset = 3, .traded_value = -1e6, .price = 50, .daily_vol = 0.02, .adv = 4e7};
  EXPECT_NEAR(c.cost(t), 2629.822128134704, 1e-9);
  auto no_adv = t;
  no_adv.adv = nan;
  EXPECT_NEAR(c.cost(no_adv), 100.0, 1e-12);  // bps_only fallback
  no_adv.adv = 0.0;
  EXPECT_NEAR(c.cost(no_adv), 100.0, 1e-12);
  auto zero = t;
  zero.traded_value = 0.0;
  EXPECT_EQ(c.cost(zero), 0.0);
  const alpha::costs::sqrt_impact strict({.missing_liquidity = "error"});
  no_adv.daily_vol = nan;
  EXPECT_THROW((void)strict.cost(no_adv), alpha::data_error);
  EXPECT_THROW(alpha::costs::sqrt_impact({.missing_liquidity = "ignore"}), alpha::config_error);
  EXPECT_THROW(alpha::costs::sqrt_impact({.coefficient = -0.1}), alpha::config_error);

  using both = alpha::costs::sum_of<alpha::costs::bps, alpha::costs::sqrt_impact>;
  static_assert(alpha::costs::CostModel<both>);
  both::params p;
  p.first = {.commission_bps = 2.0, .half_spread_bps = 0.0, .slippage_bps = 0.0};
  p.second = {.coefficient = 0.8, .bps = 1.0};
  // 2 bp of 1e6 = 200, plus the impact above.
  EXPECT_NEAR(both(p).cost(t), 2829.822128134704, 1e-9);
}

TEST(Risk, MaxPosition) {
  alpha::risk::max_position r({.max_weight = 0.3, .gross_cap = 0.5}, 4);
  std::vector<double> w{0.4, -0.1, nan, -0.6};
  r.apply(w, {});
  // clamp -> 0.3, -0.1, 0, -0.3; gross 0.7 -> x 5/7.
  expect_weights(w, {1.5 / 7, -0.5 / 7, 0, -1.5 / 7});
  std::vector<double> small{0.1, -0.1, 0, 0};
  r.apply(small, {});
  expect_weights(small, {0.1, -0.1, 0, 0}, 0.0);
  EXPECT_THROW(alpha::risk::max_position({.max_weight = 0.0}, 4), alpha::config_error);
  std::vector<double> w3(3);
  EXPECT_THROW(r.apply(w3, {}), alpha::shape_error);
}

TEST(Risk, DrawdownDerisk) {
  alpha::risk::drawdown_derisk r({.start = 0.1, .limit = 0.2}, 2);
  auto at = [&](double equity) {
    std::vector<double> w{0.4, -0.2};
    r.apply(w, {.bar = 10, .equity = equity, .peak_equity = 100.0, .current_weights = {}});
    return w;
  };
  expect_weights(at(100.0), {0.4, -0.2});  // at the peak
  expect_weights(at(95.0), {0.4, -0.2});   // dd 5 % < start
  expect_weights(at(85.0), {0.2, -0.1});   // dd 15 %: k = (0.2 - 0.15) / 0.1 = 0.5
  expect_weights(at(80.0), {0.0, 0.0});    // at the limit
  expect_weights(at(60.0), {0.0, 0.0});
  expect_weights(at(nan), {0.0, 0.0});  // unknown equity: flat
  alpha::risk::drawdown_derisk hard({.start = 0.2, .limit = 0.2}, 2);
  EXPECT_EQ(hard.scale({.bar = 0, .equity = 80.1, .peak_equity = 100.0, .current_weights = {}}),
            1.0);
  EXPECT_EQ(hard.scale({.bar = 0, .equity = 80.0, .peak_equity = 100.0, .current_weights = {}}),
            0.0);
  EXPECT_THROW(alpha::risk::drawdown_derisk({.start = 0.3, .limit = 0.2}, 2), alpha::config_error);
  EXPECT_THROW(alpha::risk::drawdown_derisk({.start = 0.0, .limit = 0.0}, 2), alpha::config_error);
  EXPECT_THROW(alpha::risk::drawdown_derisk({.start = 0.1, .limit = 1.5}, 2), alpha::config_error);
}

}  // namespace
