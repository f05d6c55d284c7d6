// The vectorised engine on the hand-worked market (values drifting with close-to-close returns,
// worked out step by step below), its agreement with the event-driven engine at this-close
// fills, and the no-look-ahead property of both engines.
#include "alpha/backtest/vectorised.hpp"

#include "alpha/backtest/event_driven.hpp"
#include "alpha/data/synthetic.hpp"

#include "engines/support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

using namespace engines_test;
namespace bt = alpha::backtest;

constexpr double tol = 1e-9;

TEST(Vectorised, HandWorked) {
  const auto m = hand_market();
  const auto r =
      bt::run_vectorised(m, hand_targets(m), bps_cost({10.0}), params_with("this_close"));
  ASSERT_EQ(r.bars(), 5u);
  // Bar 0: 500 in each, 1.0 of costs.
  double cash = 1000 - 500 - 500 - 1.0, ha = 500, hb = 500;
  const double e0 = cash + ha + hb;
  // Bar 1: A drifts by 12/10; no decision.
  ha *= 12.0 / 10;
  const double e1 = cash + ha + hb;
  const double w1a = ha / e1;
  // Bar 2: A drifts by 11/12, then A -> 0, B -> 1.0 of E^-.
  ha *= 11.0 / 12;
  const double pre2 = cash + ha + hb;
  double da = 0 - ha, db = pre2 - hb;
  const double cost2 = (std::fabs(da) + std::fabs(db)) * 1e-3;
  cash -= da + db + cost2;
  ha = 0;
  hb = pre2;
  const double e2 = cash + ha + hb;
  // Bar 3: B drifts by 21/20, then A -> -0.5, B -> 0.5 of E^-.
  hb *= 21.0 / 20;
  const double pre3 = cash + ha + hb;
  da = -0.5 * pre3 - ha;
  db = 0.5 * pre3 - hb;
  const double cost3 = (std::fabs(da) + std::fabs(db)) * 1e-3;
  cash -= da + db + cost3;
  ha = -0.5 * pre3;
  hb = 0.5 * pre3;
  const double e3 = cash + ha + hb;
  // Bar 4: drift only.
  ha *= 14.0 / 13;
  hb *= 22.0 / 21;
  const double e4 = cash + ha + hb;

  const double eq[] = {e0, e1, e2, e3, e4};
  const double costs[] = {1.0, 0, cost2, cost3, 0};
  double prev = 1000;
  for (std::size_t t = 0; t < 5; ++t) {
    EXPECT_NEAR(r.equity[t], eq[t], tol) << t;
    EXPECT_NEAR(r.costs[t], costs[t], tol) << t;
    EXPECT_NEAR(r.net_returns[t], eq[t] / prev - 1, tol) << t;
    EXPECT_NEAR(r.gross_returns[t], (eq[t] + costs[t]) / prev - 1, tol) << t;
    prev = eq[t];
  }
  EXPECT_NEAR(r.weights(1, 0), w1a, tol);  // weights drift between rebalances
  EXPECT_NEAR(r.weights(4, 0), ha / e4, tol);
  EXPECT_NEAR(r.weights(4, 1), hb / e4, tol);
  EXPECT_NEAR(r.turnover[3], (std::fabs(da) + std::fabs(db)) / pre3, tol);
  EXPECT_NEAR(r.positions(4, 1), hb / 22, tol);
  // Fills at the closes; trades: A long closed at bar 2, A short open, B long open.
  ASSERT_EQ(r.fills.size(), 6u);
  EXPECT_EQ(r.fills[2].quantity, -50.0);  // a close-out sells exactly the shares held
  ASSERT_EQ(r.trades.size(), 3u);
  EXPECT_NEAR(r.trades[0].gross_pnl, 50.0, tol);
  EXPECT_FALSE(r.trades[0].open_at_end);
  EXPECT_TRUE(r.trades[2].open_at_end);
  double pnl = 0;
  for (const auto& t : r.trades) pnl += t.pnl;
  EXPECT_NEAR(pnl, e4 - 1000, tol);
}

TEST(Vectorised, RejectsNextOpenAndWholeShares) {
  const auto m = hand_market();
  EXPECT_THROW((void)bt::run_vectorised(m, hand_targets(m), bps_cost({}), params_with("next_open")),
               alpha::config_error);
  auto p = params_with("this_close");
  p.whole_shares = true;
  EXPECT_THROW((void)bt::run_vectorised(m, hand_targets(m), bps_cost({}), p), alpha::config_error);
}

alpha::data::synthetic_market small_market() {
  alpha::data::synthetic_config c;
  c.assets = 8;
  c.days = 80;
  return alpha::data::generate_market(c);
}

/// Random targets in [-0.3, 0.3] with exact zeros (closing trades), NaN rows (no decision) and
/// NaN entries (hold one asset).
alpha::panel<double> random_targets(const alpha::ohlcv_panel& p, unsigned seed) {
  std::mt19937_64 g(seed);
  std::uniform_real_distribution<double> u(-0.3, 0.3), v(0, 1);
  alpha::panel<double> w(p.close().shared_index(), p.close().shared_assets());
  for (std::size_t t = 0; t < w.rows(); ++t) {
    if (v(g) < 0.2) continue;  // no decision
    for (std::size_t j = 0; j < w.cols(); ++j) {
      const double x = v(g);
      w(t, j) = x < 0.15 ? 0.0 : x < 0.2 ? alpha::nan : u(g);
    }
  }
  return w;
}

TEST(Vectorised, AgreesWithEventDrivenAtThisClose) {
  const auto m = small_market();
  const auto w = random_targets(m.bars, 7);
  auto p = params_with("this_close", 1e6);
  const auto e = bt::run_event_driven(m.bars, w, bps_cost({5.0}), p);
  const auto v = bt::run_vectorised(m.bars, w, bps_cost({5.0}), p);
  ASSERT_EQ(e.bars(), v.bars());
  for (std::size_t t = 0; t < e.bars(); ++t) {
    EXPECT_NEAR(v.equity[t] / e.equity[t], 1.0, 1e-12) << t;
    EXPECT_NEAR(v.costs[t], e.costs[t], 1e-9) << t;
    for (std::size_t j = 0; j < 8; ++j) EXPECT_NEAR(v.weights(t, j), e.weights(t, j), 1e-12);
  }
  ASSERT_EQ(v.fills.size(), e.fills.size());
  ASSERT_EQ(v.trades.size(), e.trades.size());
  for (std::size_t k = 0; k < e.trades.size(); ++k) {
    EXPECT_EQ(v.trades[k].entry_bar, e.trades[k].entry_bar);
    EXPECT_EQ(v.trades[k].exit_bar, e.trades[k].exit_bar);
    EXPECT_NEAR(v.trades[k].pnl, e.trades[k].pnl, 1e-6);
  }
  EXPECT_GT(e.trades.size(), 20u);
}

/// Multiplies every field of every bar after `k` by a random factor.
alpha::ohlcv_panel perturbed_after(alpha::ohlcv_panel p, std::size_t k) {
  std::mt19937_64 g(99);
  std::uniform_real_distribution<double> f(0.7, 1.3);
  for (std::size_t t = k + 1; t < p.rows(); ++t)
    for (std::size_t j = 0; j < p.cols(); ++j) {
      const auto r = static_cast<Eigen::Index>(t), c = static_cast<Eigen::Index>(j);
      p.open_values()(r, c) *= f(g);
      p.close_values()(r, c) *= f(g);
      p.high_values()(r, c) *= f(g);
      p.low_values()(r, c) *= f(g);
      p.volume_values()(r, c) *= f(g);
    }
  return p;
}

// Perturbing every bar after k leaves everything up to bar k unchanged (bit for bit); with
// next-open fills, the orders decided at close k keep their quantity (their price is the open of
// k + 1, legitimately new data).
TEST(NoLookAhead, BothEnginesBothTimings) {
  const auto m = small_market();
  const auto w = random_targets(m.bars, 11);
  for (const std::size_t k : {0u, 17u, 40u, 78u}) {
    const auto moved = perturbed_after(m.bars, k);
    for (const char* fill : {"next_open", "this_close"}) {
      const auto p = params_with(fill, 1e6);
      const auto a = bt::run_event_driven(m.bars, w, bps_cost({5.0}), p);
      const auto b = bt::run_event_driven(moved, w, bps_cost({5.0}), p);
      std::vector<bt::backtest_result> runs;
      runs.push_back(a);
      runs.push_back(b);
      if (std::string(fill) == "this_close") {
        runs.push_back(bt::run_vectorised(m.bars, w, bps_cost({5.0}), p));
        runs.push_back(bt::run_vectorised(moved, w, bps_cost({5.0}), p));
      }
      for (std::size_t r = 0; r < runs.size(); r += 2) {
        const auto& x = runs[r];
        const auto& y = runs[r + 1];
        for (std::size_t t = 0; t <= k; ++t) {
          EXPECT_EQ(x.equity[t], y.equity[t]) << fill << " k=" << k << " t=" << t;
          EXPECT_EQ(x.costs[t], y.costs[t]);
          for (std::size_t j = 0; j < 8; ++j) EXPECT_EQ(x.positions(t, j), y.positions(t, j));
        }
        std::size_t nx = 0;
        while (nx < x.fills.size() && x.fills[nx].bar <= k) ++nx;
        ASSERT_LE(nx, y.fills.size());
        for (std::size_t f = 0; f < nx; ++f) {
          EXPECT_EQ(x.fills[f].quantity, y.fills[f].quantity);
          EXPECT_EQ(x.fills[f].price, y.fills[f].price);
          EXPECT_EQ(x.fills[f].cost, y.fills[f].cost);
        }
        if (nx < y.fills.size()) {
          EXPECT_GT(y.fills[nx].bar, k);
        }
        if (std::string(fill) == "next_open" && k + 1 < m.bars.rows()) {
          // The fills of bar k+1 were decided at close k: same assets and quantities.
          for (std::size_t f = nx; f < x.fills.size() && x.fills[f].bar == k + 1; ++f) {
            ASSERT_LT(f, y.fills.size());
            EXPECT_EQ(x.fills[f].decision_bar, k);
            EXPECT_EQ(x.fills[f].asset, y.fills[f].asset);
            EXPECT_EQ(x.fills[f].quantity, y.fills[f].quantity);
          }
        }
      }
      // And the perturbation does change the future (the test can see a leak).
      if (k + 2 < m.bars.rows()) {
        EXPECT_NE(a.equity.back(), b.equity.back());
      }
    }
  }
}

}  // namespace

namespace {

// The per-bar book: marking at the close before deciding gives the drifted equity and weights.
TEST(Vectorised, BookMarksBeforeDeciding) {
  const auto m = hand_market();
  bt::vector_book<bps_cost> book(m.close().shared_assets(), bps_cost({10.0}),
                                 params_with("this_close"));
  alpha::backtest::market_row row(2);
  auto s = row.load(m, 0);
  book.open_bar(s);
  const double w0[] = {0.5, 0.5};
  book.decide(s, w0);
  book.close_bar(s);
  s = row.load(m, 1);
  book.open_bar(s);
  // Hand: cash -1, A 500 -> 600 (close 10 -> 12), B 500.
  EXPECT_DOUBLE_EQ(book.mark_to_close(s), 1099.0);
  EXPECT_DOUBLE_EQ(book.marked_weights()[0], 600.0 / 1099.0);
  EXPECT_DOUBLE_EQ(book.marked_weights()[1], 500.0 / 1099.0);
  book.close_bar(s);
  EXPECT_DOUBLE_EQ(book.equity(), 1099.0);
  EXPECT_DOUBLE_EQ(book.positions()[0], 50.0);
}

}  // namespace
