// The event-driven engine on the hand-worked 2-asset x 5-bar market (support.hpp): every number
// below is worked out step by step from the documented rules (orders sized on the equity marked
// at the decision close, 10 bp costs on |traded value|), not taken from the engine.
#include "alpha/backtest/event_driven.hpp"

#include "alpha/backtest/ledger.hpp"

#include "engines/support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace {

using namespace engines_test;
namespace bt = alpha::backtest;

constexpr double tol = 1e-9;

bt::backtest_result run(const char* fill, bt::execution_params p = {}) {
  const auto m = hand_market();
  if (p.initial_capital == 1e6) p = params_with(fill);
  p.fill = fill;
  return bt::run_event_driven(m, hand_targets(m), bps_cost({10.0}), p);
}

TEST(EventDriven, ThisCloseHandWorked) {
  const auto r = run("this_close");
  ASSERT_EQ(r.bars(), 5u);
  // Bar 0: equity 1000; A 0.5*1000/10 = 50 shares, B 500/20 = 25 shares, 0.5 + 0.5 costs.
  double cash = 1000 - 500 - 0.5 - 500 - 0.5;
  const double e0 = cash + 50 * 10 + 25 * 20;
  EXPECT_NEAR(e0, 999.0, 1e-12);
  // Bar 1: no decision.
  const double e1 = cash + 50 * 12 + 25 * 20;
  // Bar 2: marked equity; sell 50 A at 11; B to 1.0 of equity.
  const double pre2 = cash + 50 * 11 + 25 * 20;
  const double qb2 = pre2 / 20;
  const double cost2 = 50 * 11 * 1e-3 + (qb2 - 25) * 20 * 1e-3;
  cash += 50 * 11 - (qb2 - 25) * 20 - cost2;
  const double e2 = cash + qb2 * 20;
  // Bar 3: A to -0.5, B to 0.5 of the equity marked at close 3.
  const double pre3 = cash + qb2 * 21;
  const double qa3 = -0.5 * pre3 / 13, qb3 = 0.5 * pre3 / 21;
  const double cost3 = std::fabs(qa3) * 13 * 1e-3 + std::fabs(qb3 - qb2) * 21 * 1e-3;
  cash += -qa3 * 13 - (qb3 - qb2) * 21 - cost3;
  const double e3 = cash + qa3 * 13 + qb3 * 21;
  const double e4 = cash + qa3 * 14 + qb3 * 22;

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
  EXPECT_NEAR(r.cash.back(), cash, tol);
  EXPECT_NEAR(r.turnover[0], 1.0, tol);
  EXPECT_EQ(r.turnover[1], 0.0);
  EXPECT_NEAR(r.turnover[2], (550 + (qb2 - 25) * 20) / pre2, tol);
  EXPECT_NEAR(r.positions(3, 0), qa3, tol);
  EXPECT_NEAR(r.positions(4, 1), qb3, tol);
  EXPECT_NEAR(r.weights(4, 0), qa3 * 14 / e4, tol);
  EXPECT_NEAR(r.weights(2, 1), qb2 * 20 / e2, tol);
  EXPECT_EQ(r.weights(2, 0), 0.0);

  // Fills: bar 0 A, B; bar 2 A, B; bar 3 A, B; all at the closes.
  ASSERT_EQ(r.fills.size(), 6u);
  EXPECT_EQ(r.fills[2].bar, 2u);
  EXPECT_EQ(r.fills[2].asset, 0u);
  EXPECT_EQ(r.fills[2].quantity, -50.0);
  EXPECT_EQ(r.fills[2].price, 11.0);
  EXPECT_NEAR(r.fills[2].cost, 0.55, 1e-12);
  EXPECT_EQ(r.fills[2].decision_bar, 2u);

  // Trades: A long 50 @10 -> 11 (closed at bar 2); A short (open); B long (open).
  ASSERT_EQ(r.trades.size(), 3u);
  const auto& a1 = r.trades[0];
  EXPECT_EQ(a1.asset, 0u);
  EXPECT_FALSE(a1.open_at_end);
  EXPECT_EQ(a1.entry_bar, 0u);
  EXPECT_EQ(a1.exit_bar, 2u);
  EXPECT_EQ(a1.entry_time, *alpha::timestamp::from_date(2024, 1, 1));
  EXPECT_EQ(a1.exit_time, *alpha::timestamp::from_date(2024, 1, 3));
  EXPECT_DOUBLE_EQ(a1.quantity, 50.0);
  EXPECT_DOUBLE_EQ(a1.entry_price, 10.0);
  EXPECT_DOUBLE_EQ(a1.exit_price, 11.0);
  EXPECT_NEAR(a1.gross_pnl, 50.0, tol);
  EXPECT_NEAR(a1.costs, 0.5 + 0.55, tol);
  EXPECT_NEAR(a1.pnl, 50.0 - 1.05, tol);
  const auto& a2 = r.trades[1];
  EXPECT_EQ(a2.asset, 0u);
  EXPECT_TRUE(a2.open_at_end);
  EXPECT_EQ(a2.entry_bar, 3u);
  EXPECT_EQ(a2.exit_bar, 4u);
  EXPECT_NEAR(a2.quantity, qa3, tol);
  EXPECT_DOUBLE_EQ(a2.entry_price, 13.0);
  EXPECT_DOUBLE_EQ(a2.exit_price, 14.0);
  EXPECT_NEAR(a2.gross_pnl, qa3 * (14 - 13), tol);
  EXPECT_NEAR(a2.costs, std::fabs(qa3) * 13 * 1e-3, tol);
  const auto& b = r.trades[2];
  EXPECT_EQ(b.asset, 1u);
  EXPECT_TRUE(b.open_at_end);
  EXPECT_EQ(b.fills, 3u);
  EXPECT_NEAR(b.quantity, qb2, tol);
  EXPECT_NEAR(b.entry_price, 20.0, tol);
  const double sold = qb2 - qb3;
  EXPECT_NEAR(b.exit_price, (sold * 21 + qb3 * 22) / qb2, tol);
  EXPECT_NEAR(b.gross_pnl, sold * 21 + qb3 * 22 - qb2 * 20, tol);
  EXPECT_NEAR(b.costs, 0.5 + (qb2 - 25) * 20 * 1e-3 + sold * 21 * 1e-3, tol);
  // Ledger identity: final equity - initial = sum of trade PnLs (every position is in a trade).
  double pnl = 0;
  for (const auto& t : r.trades) pnl += t.pnl;
  EXPECT_NEAR(pnl, e4 - 1000, tol);
}

TEST(EventDriven, NextOpenHandWorked) {
  const auto r = run("next_open");
  // Bar 0: decide 50 A, 25 B at close 0; nothing fills.
  const double e0 = 1000;
  // Bar 1: fills at the opens 11 and 21.
  double cash = 1000 - 50 * 11 - 50 * 11 * 1e-3 - 25 * 21 - 25 * 21 * 1e-3;
  const double e1 = cash + 50 * 12 + 25 * 20;
  // Bar 2: decide on the close-2 equity: sell 50 A, B to 1.0; fills wait for the open of bar 3.
  const double e2 = cash + 50 * 11 + 25 * 20;
  const double ob2 = e2 / 20 - 25;
  // Bar 3: fills at opens 12 (A) and 20 (B), then decide at close 3.
  const double open3 = cash + 50 * 12 + 25 * 20;
  const double cost3 = 50 * 12 * 1e-3 + ob2 * 20 * 1e-3;
  cash += 50 * 12 - ob2 * 20 - cost3;
  const double qb = 25 + ob2;
  const double e3 = cash + qb * 21;
  const double oa3 = -0.5 * e3 / 13, ob3 = 0.5 * e3 / 21 - qb;
  // Bar 4: fills at opens 13 (A) and 22 (B).
  const double cost4 = std::fabs(oa3) * 13 * 1e-3 + std::fabs(ob3) * 22 * 1e-3;
  cash += -oa3 * 13 - ob3 * 22 - cost4;
  const double e4 = cash + oa3 * 14 + (qb + ob3) * 22;

  const double eq[] = {e0, e1, e2, e3, e4};
  const double costs[] = {0, 0.55 + 0.525, 0, cost3, cost4};
  for (std::size_t t = 0; t < 5; ++t) {
    EXPECT_NEAR(r.equity[t], eq[t], tol) << t;
    EXPECT_NEAR(r.costs[t], costs[t], tol) << t;
  }
  EXPECT_NEAR(r.turnover[1], (550 + 525) / 1000.0, tol);
  EXPECT_NEAR(r.turnover[3], (600 + ob2 * 20) / open3, tol);
  ASSERT_EQ(r.fills.size(), 6u);
  EXPECT_EQ(r.fills[0].bar, 1u);
  EXPECT_EQ(r.fills[0].decision_bar, 0u);
  EXPECT_EQ(r.fills[0].price, 11.0);
  EXPECT_EQ(r.fills[3].bar, 3u);
  EXPECT_EQ(r.fills[3].decision_bar, 2u);
  EXPECT_NEAR(r.fills[3].quantity, ob2, tol);
  EXPECT_EQ(r.fills[3].price, 20.0);
  // A: long 50 @11 -> 12 closed at bar 3; short open since bar 4 at 13, marked 14.
  ASSERT_EQ(r.trades.size(), 3u);
  EXPECT_EQ(r.trades[0].entry_bar, 1u);
  EXPECT_EQ(r.trades[0].exit_bar, 3u);
  EXPECT_NEAR(r.trades[0].pnl, 50 * (12 - 11) - 0.55 - 0.6, tol);
  EXPECT_EQ(r.trades[1].entry_bar, 4u);
  EXPECT_NEAR(r.trades[1].gross_pnl, oa3 * (14 - 13), tol);
  double pnl = 0;
  for (const auto& t : r.trades) pnl += t.pnl;
  EXPECT_NEAR(pnl, e4 - 1000, tol);
}

TEST(EventDriven, WholeSharesRoundTowardZero) {
  auto p = params_with("this_close");
  p.whole_shares = true;
  const auto m = hand_market();
  alpha::panel<double> w(m.close().shared_index(), m.close().shared_assets());
  w(0, 0) = 0.333;   // 333 / 10 = 33.3 -> 33
  w(0, 1) = -0.333;  // -333 / 20 = -16.65 -> -16
  const auto r = bt::run_event_driven(m, w, bps_cost({0.0}), p);
  EXPECT_EQ(r.positions(0, 0), 33.0);
  EXPECT_EQ(r.positions(0, 1), -16.0);
  EXPECT_EQ(r.cash[0], 1000 - 330 + 320);
}

// The cost model sees daily vol and ADV over data up to the decision bar, for both timings.
TEST(EventDriven, CostInputsUseDataUpToTheDecisionBar) {
  const auto m = hand_market();
  const auto w = hand_targets(m);
  auto p = params_with("this_close");
  p.liquidity_window = 2;
  recording_cost rec({});
  (void)bt::run_event_driven(m, w, rec, p);
  // Naive: sd (ddof 1) of the last two close-to-close returns, mean of the last two close*volume.
  const auto sd2 = [](double a, double b) { return std::fabs(a - b) / std::sqrt(2.0); };
  const std::vector<alpha::costs::trade_context>& s = *rec.seen;
  ASSERT_EQ(s.size(), 6u);
  EXPECT_TRUE(std::isnan(s[0].daily_vol));  // bar 0: no return yet
  EXPECT_DOUBLE_EQ(s[0].adv, 1000.0);       // 10 x 100
  EXPECT_DOUBLE_EQ(s[0].equity, 1000.0);
  EXPECT_DOUBLE_EQ(s[0].traded_value, 500.0);
  // Bar 2, asset A: returns 12/10-1, 11/12-1; values 1200, 1100.
  EXPECT_EQ(s[2].asset, 0u);
  EXPECT_NEAR(s[2].daily_vol, sd2(0.2, 11.0 / 12 - 1), 1e-15);
  EXPECT_DOUBLE_EQ(s[2].adv, 1150.0);
  EXPECT_DOUBLE_EQ(s[2].price, 11.0);
  // Bar 3, asset B: returns 20/20-1, 21/20-1; values 1000, 1050.
  EXPECT_EQ(s[5].asset, 1u);
  EXPECT_NEAR(s[5].daily_vol, sd2(0.0, 0.05), 1e-15);
  EXPECT_DOUBLE_EQ(s[5].adv, 1025.0);

  // next_open: the fill at the open of bar 3 (decided at close 2) uses the stats through bar 2,
  // and the equity marked at the open of bar 3.
  p.fill = "next_open";
  recording_cost rec2({});
  const auto r = bt::run_event_driven(m, w, rec2, p);
  const auto& s2 = *rec2.seen;
  ASSERT_EQ(s2.size(), 6u);
  EXPECT_EQ(r.fills[2].bar, 3u);
  EXPECT_NEAR(s2[2].daily_vol, sd2(0.2, 11.0 / 12 - 1), 1e-15);
  EXPECT_DOUBLE_EQ(s2[2].adv, 1150.0);
  EXPECT_DOUBLE_EQ(s2[2].price, 12.0);
  const double cash1 = 1000 - 550 - 525;  // zero costs
  EXPECT_DOUBLE_EQ(s2[2].equity, cash1 + 50 * 12 + 25 * 20);
}

// Sign flips split a fill between two episodes; partial reductions keep the episode open.
TEST(TradeLedger, PartialsAndFlip) {
  bt::trade_ledger ledger(1);
  const auto day = [](unsigned d) { return *alpha::timestamp::from_date(2024, 2, d); };
  const auto f = [&](std::size_t bar, double q, double p, double c) {
    bt::fill x;
    x.bar = bar;
    x.time = day(static_cast<unsigned>(bar + 1));
    x.quantity = q;
    x.price = p;
    x.value = q * p;
    x.cost = c;
    return x;
  };
  ledger.add(f(0, 10, 100, 1.0));
  ledger.add(f(1, 10, 110, 1.0));   // average entry 105
  ledger.add(f(2, -5, 120, 0.5));   // partial: still long 15
  ledger.add(f(3, -25, 100, 2.5));  // closes 15, opens short 10; cost split 15/25, 10/25
  ledger.add(f(4, 10, 90, 1.0));    // closes the short
  const double marks[] = {90.0};
  const auto t = ledger.trades(4, day(5), marks);
  ASSERT_EQ(t.size(), 2u);
  // Long: in 20 shares for 2100 (105), out 5 @120 + 15 @100 = 2100 (105): gross 0.
  EXPECT_DOUBLE_EQ(t[0].quantity, 20.0);
  EXPECT_DOUBLE_EQ(t[0].entry_price, 105.0);
  EXPECT_DOUBLE_EQ(t[0].exit_price, 105.0);
  EXPECT_DOUBLE_EQ(t[0].gross_pnl, 0.0);
  EXPECT_DOUBLE_EQ(t[0].costs, 1.0 + 1.0 + 0.5 + 2.5 * 15 / 25);
  EXPECT_EQ(t[0].fills, 4u);
  EXPECT_EQ(t[0].exit_bar, 3u);
  // Short 10 @100, covered @90: +100.
  EXPECT_DOUBLE_EQ(t[1].quantity, -10.0);
  EXPECT_EQ(t[1].entry_bar, 3u);
  EXPECT_DOUBLE_EQ(t[1].entry_price, 100.0);
  EXPECT_DOUBLE_EQ(t[1].exit_price, 90.0);
  EXPECT_DOUBLE_EQ(t[1].gross_pnl, 100.0);
  EXPECT_DOUBLE_EQ(t[1].costs, 2.5 * 10 / 25 + 1.0);
  EXPECT_DOUBLE_EQ(t[1].pnl, 100.0 - 2.0);
  EXPECT_FALSE(t[1].open_at_end);
}

TEST(EventDriven, BadInputErrors) {
  const auto m = hand_market();
  const auto w = hand_targets(m);
  // Mismatched shapes.
  alpha::panel<double> other(m.close().shared_index(), std::make_shared<const alpha::asset_list>(
                                                           alpha::asset_list({"A", "C"})));
  EXPECT_THROW((void)bt::run_event_driven(m, other, bps_cost({}), params_with("next_open")),
               alpha::shape_error);
  // NaN close on a held asset (A is held from bar 0).
  auto bad = m;
  bad.close_values()(1, 0) = alpha::nan;
  try {
    (void)bt::run_event_driven(bad, w, bps_cost({}), params_with("this_close"));
    ADD_FAILURE() << "no throw";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "A");
    EXPECT_EQ(e.where().date, "2024-01-02");
  }
  // Non-positive close where a target is set.
  auto neg = m;
  neg.close_values()(0, 1) = -1.0;
  EXPECT_THROW((void)bt::run_event_driven(neg, w, bps_cost({}), params_with("this_close")),
               alpha::data_error);
  // NaN open when an order is pending.
  auto no_open = m;
  no_open.open_values()(1, 1) = alpha::nan;
  try {
    (void)bt::run_event_driven(no_open, w, bps_cost({}), params_with("next_open"));
    ADD_FAILURE() << "no throw";
  } catch (const alpha::data_error& e) {
    EXPECT_EQ(e.where().asset, "B");
    EXPECT_EQ(e.where().date, "2024-01-02");
  }
  // Infinite target; NaN cost.
  auto inf_w = w;
  inf_w(2, 1) = INFINITY;
  EXPECT_THROW((void)bt::run_event_driven(m, inf_w, bps_cost({}), params_with("this_close")),
               alpha::data_error);
  EXPECT_THROW((void)bt::run_event_driven(m, w, nan_cost({}), params_with("this_close")),
               alpha::data_error);
  // Parameters.
  auto p = params_with("bogus");
  EXPECT_THROW((void)bt::run_event_driven(m, w, bps_cost({}), p), alpha::config_error);
  p = params_with("next_open", 0.0);
  EXPECT_THROW((void)bt::run_event_driven(m, w, bps_cost({}), p), alpha::config_error);
  p = params_with("next_open");
  p.liquidity_window = 1;
  EXPECT_THROW((void)bt::run_event_driven(m, w, bps_cost({}), p), alpha::config_error);
  p.liquidity_window = 20;
  p.on_bad_price = "ignore";
  EXPECT_THROW((void)bt::run_event_driven(m, w, bps_cost({}), p), alpha::config_error);
}

TEST(EventDriven, ProtocolMisuseIsReported) {
  const auto m = hand_market();
  bt::event_book<bps_cost> book(m.close().shared_assets(), bps_cost({}), params_with("next_open"));
  alpha::backtest::market_row row(2);
  const auto s0 = row.load(m, 0);
  const double w[] = {0.5, 0.5};
  EXPECT_THROW(book.decide(s0, w), alpha::data_error);  // before open_bar
  book.open_bar(s0);
  EXPECT_THROW(book.open_bar(s0), alpha::data_error);  // twice
  book.decide(s0, w);
  EXPECT_THROW(book.decide(s0, w), alpha::data_error);  // twice
  const double short_row[] = {0.5};
  EXPECT_THROW(book.close_bar(row.load(m, 1)), alpha::data_error);  // another bar
  book.close_bar(s0);
  EXPECT_EQ(book.pending_orders()[0], 50.0);
  EXPECT_THROW(book.open_bar(s0), alpha::data_error);  // time does not advance
  const auto s1 = row.load(m, 1);
  book.open_bar(s1);
  EXPECT_THROW(book.decide(s1, short_row), alpha::shape_error);
  EXPECT_EQ(book.positions()[0], 50.0);
  EXPECT_EQ(book.pending_orders()[0], 0.0);
}

// on_bad_price = "hold": the position keeps its last price, orders are skipped, all reported.
TEST(EventDriven, HoldPolicyKeepsLastPriceAndReports) {
  auto m = hand_market();
  m.close_values()(1, 0) = alpha::nan;  // A has no close on bar 1
  m.close_values()(2, 0) = alpha::nan;  // nor on bar 2, when the book wants to sell it
  auto p = params_with("this_close");
  p.on_bad_price = "hold";
  const auto r = bt::run_event_driven(m, hand_targets(m), bps_cost({10.0}), p);
  // Bar 1: A marked at 10 (its last close).
  const double cash = 1000 - 500 - 0.5 - 500 - 0.5;
  EXPECT_NEAR(r.equity[1], cash + 50 * 10 + 25 * 20, tol);
  // Bar 2: the sale of A is skipped; B is sized on the equity with A at 10.
  const double pre2 = cash + 50 * 10 + 25 * 20;
  EXPECT_NEAR(r.positions(2, 0), 50.0, tol);
  EXPECT_NEAR(r.positions(2, 1), pre2 / 20, tol);
  ASSERT_EQ(r.warnings.size(), 2u);  // gap start on bar 1, skipped order on bar 2
  EXPECT_NE(r.warnings[0].find("2024-01-02"), std::string::npos);
  EXPECT_NE(r.warnings[0].find("'A'"), std::string::npos);
  EXPECT_NE(r.warnings[1].find("2024-01-03"), std::string::npos);
}

}  // namespace

namespace {

// Equity <= 0 at a decision: the book liquidates and reports it.
TEST(EventDriven, RuinLiquidates) {
  const auto m = hand_market();
  alpha::panel<double> w(m.close().shared_index(), m.close().shared_assets());
  w(0, 0) = -10.0;  // short 1000 A at 10: cash 11000
  w(1, 0) = -10.0;  // close 12: equity 11000 - 12000 = -1000 at the decision
  const auto r = bt::run_event_driven(m, w, bps_cost({0.0}), params_with("this_close"));
  EXPECT_DOUBLE_EQ(r.positions(0, 0), -1000.0);
  EXPECT_DOUBLE_EQ(r.positions(1, 0), 0.0);
  EXPECT_DOUBLE_EQ(r.equity[1], -1000.0);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(r.warnings[0].find("2024-01-02"), std::string::npos);
}

}  // namespace

namespace {

// A book with no bars gives an empty result of the right width; a streamed book (no reserve)
// gives the same records as the batch run.
TEST(EventDriven, EmptyAndStreamedBooks) {
  const auto m = hand_market();
  bt::event_book<bps_cost> empty(m.close().shared_assets(), bps_cost({}), params_with("next_open"));
  const auto e = std::move(empty).result();
  EXPECT_EQ(e.bars(), 0u);
  EXPECT_EQ(e.weights.cols(), 2u);
  EXPECT_EQ(e.weights.rows(), 0u);

  const auto w = hand_targets(m);
  const auto batch = bt::run_event_driven(m, w, bps_cost({10.0}), params_with("next_open"));
  bt::event_book<bps_cost> book(m.close().shared_assets(), bps_cost({10.0}),
                                params_with("next_open"));
  alpha::backtest::market_row row(2);
  for (std::size_t t = 0; t < 5; ++t) {
    const auto s = row.load(m, t);
    book.open_bar(s);
    const double wt[] = {w(t, 0), w(t, 1)};
    book.decide(s, wt);  // an all-NaN row is no decision
    book.close_bar(s);
  }
  const auto streamed = std::move(book).result();
  ASSERT_EQ(streamed.bars(), 5u);
  for (std::size_t t = 0; t < 5; ++t) {
    EXPECT_EQ(streamed.equity[t], batch.equity[t]);
    for (std::size_t j = 0; j < 2; ++j) {
      EXPECT_EQ(streamed.weights(t, j), batch.weights(t, j));
      EXPECT_EQ(streamed.positions(t, j), batch.positions(t, j));
    }
  }
  EXPECT_EQ(streamed.trades.size(), batch.trades.size());
}

}  // namespace
