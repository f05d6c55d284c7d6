// Return statistics, tail risk, win/loss and the performance_summary, each checked against a
// series worked out by hand (comments), exact-fraction values computed offline, or a naive
// long-double implementation of the documented (empyrical) formula written here.
#include "alpha/metrics/returns_stats.hpp"
#include "alpha/metrics/summary.hpp"
#include "alpha/metrics/tail_risk.hpp"
#include "alpha/metrics/trade_stats.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace m = alpha::metrics;
using ld = long double;

namespace {

constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr double inf_v = std::numeric_limits<double>::infinity();

// The hand series: r = 1 %, -2 %, 3 %, 0 %, -1 %.
//   wealth: 1.01, 0.9898, 1.019494, 1.019494, 1.00929906  -> total return 0.00929906
//   mean 0.002; deviations .008 -.022 .028 -.002 -.012, squares sum 1.48e-3, var = 3.7e-4
//   downside: min(r,0)^2 = 0, 4e-4, 0, 0, 1e-4 -> mean 1e-4 -> deviation 0.01
//   sorted: -.02 -.01 0 .01 .03; VaR95: h = 4 * .05 = .2 -> -.02 + .2 * .01 = -.018
//   VaR99: h = .04 -> -.0196; CVaR (empyrical): k = floor(4 * .05) = 0 -> mean of 1 = -.02
//   wins .01 .03 (sum .04), losses -.02 -.01 (sum -.03), one flat: win rate 2/5, PF 4/3
const std::vector<double> hand{0.01, -0.02, 0.03, 0.0, -0.01};

// Offline values: python3 with fractions.Fraction for the sums and products, math.sqrt / float
// powers for the rest, implementing empyrical's formulas (cum_returns_final, annual_return,
// sharpe_ratio, sortino_ratio) on the hand series (pandas/empyrical are not installed here).
constexpr double offline_cagr = 0.5944150547747202;
constexpr double offline_sharpe = 1.6505527329729046;
constexpr double offline_sharpe_rf_1bp = 1.5680250963242592;
constexpr double offline_sortino = 3.1749015732775088;
constexpr double offline_vol = 0.30535225559998735;

std::vector<double> random_returns(std::size_t n, unsigned seed, double nan_share = 0.0) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0004, 0.012);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> r(n);
  for (auto& x : r) x = u(gen) < nan_share ? nan_v : z(gen);
  return r;
}

std::vector<ld> clean_ld(const std::vector<double>& r) {
  std::vector<ld> out;
  for (const double x : r)
    if (!std::isnan(x)) out.push_back(x);
  return out;
}

// Naive empyrical formulas in long double.
struct naive {
  ld total, cagr, vol, sharpe, downside, sortino;
};
naive naive_stats(const std::vector<double>& r, ld ppy, ld rf, ld mar) {
  const auto c = clean_ld(r);
  const ld n = static_cast<ld>(c.size());
  ld w = 1, sum = 0, down = 0;
  for (const ld x : c) {
    w *= 1 + x;
    sum += x;
    down += std::min<ld>(x - mar, 0) * std::min<ld>(x - mar, 0);
  }
  const ld mean = sum / n;
  ld ss = 0;
  for (const ld x : c) ss += (x - mean) * (x - mean);
  const ld sd = std::sqrt(ss / (n - 1));
  naive out{};
  out.total = w - 1;
  out.cagr = std::pow(w, ppy / n) - 1;
  out.vol = sd * std::sqrt(ppy);
  out.sharpe = (mean - rf) / sd * std::sqrt(ppy);
  out.downside = std::sqrt(down / n) * std::sqrt(ppy);
  out.sortino = (mean - mar) * ppy / out.downside;
  return out;
}

// numpy.percentile (linear) written from its definition: virtual index (n-1) p, then
// the lower value plus the fraction of the gap.
ld naive_percentile(std::vector<ld> v, ld p) {
  std::sort(v.begin(), v.end());
  const ld idx = (static_cast<ld>(v.size()) - 1) * p;
  const auto lo = static_cast<std::size_t>(std::floor(idx));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (idx - static_cast<ld>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

TEST(MetricsReturns, HandSeries) {
  EXPECT_NEAR(m::total_return(hand), 0.00929906, 1e-15);
  EXPECT_NEAR(m::cagr(hand), offline_cagr, 1e-14);
  EXPECT_NEAR(m::annual_volatility(hand), std::sqrt(3.7e-4) * std::sqrt(252.0), 1e-15);
  EXPECT_NEAR(m::annual_volatility(hand), offline_vol, 1e-15);
  EXPECT_NEAR(m::sharpe_ratio(hand), 0.002 / std::sqrt(3.7e-4) * std::sqrt(252.0), 1e-13);
  EXPECT_NEAR(m::sharpe_ratio(hand), offline_sharpe, 1e-13);
  EXPECT_NEAR(m::sharpe_ratio(hand, {.risk_free = 1e-4}), offline_sharpe_rf_1bp, 1e-13);
  EXPECT_NEAR(m::downside_risk(hand), 0.01 * std::sqrt(252.0), 1e-15);
  // sortino = 0.002 * 252 / (0.01 sqrt(252)) = 0.2 sqrt(252)
  EXPECT_NEAR(m::sortino_ratio(hand), 0.2 * std::sqrt(252.0), 1e-13);
  EXPECT_NEAR(m::sortino_ratio(hand), offline_sortino, 1e-13);
  // Monthly annualisation: (1.00929906)^(12/5) - 1.
  EXPECT_NEAR(m::cagr(hand, {.periods_per_year = 12}), std::pow(1.00929906, 12.0 / 5.0) - 1, 1e-15);
}

TEST(MetricsReturns, RandomSeriesAgainstNaiveLongDouble) {
  for (const unsigned seed : {1u, 2u, 3u}) {
    const auto r = random_returns(1000, seed, 0.05);
    for (const double ppy : {252.0, 52.0}) {
      const double rf = 5e-5, mar = 1e-4;
      const auto nv = naive_stats(r, ppy, rf, mar);
      const m::return_options o{.periods_per_year = ppy, .risk_free = rf, .required_return = mar};
      EXPECT_NEAR(m::total_return(r), static_cast<double>(nv.total), 1e-12);
      EXPECT_NEAR(m::cagr(r, o), static_cast<double>(nv.cagr), 1e-12);
      EXPECT_NEAR(m::annual_volatility(r, o), static_cast<double>(nv.vol), 1e-13);
      EXPECT_NEAR(m::sharpe_ratio(r, o), static_cast<double>(nv.sharpe), 1e-11);
      EXPECT_NEAR(m::downside_risk(r, o), static_cast<double>(nv.downside), 1e-13);
      EXPECT_NEAR(m::sortino_ratio(r, o), static_cast<double>(nv.sortino), 1e-11);
    }
  }
}

TEST(MetricsReturns, NaNReturnsAreDroppedAndCountedOut) {
  std::vector<double> with_nan{nan_v, 0.01, -0.02, nan_v, 0.03, 0.0, -0.01, nan_v};
  EXPECT_DOUBLE_EQ(m::total_return(with_nan), m::total_return(hand));
  // N counts the 5 non-NaN returns (empyrical's annual_return would count 8).
  EXPECT_DOUBLE_EQ(m::cagr(with_nan), m::cagr(hand));
  EXPECT_DOUBLE_EQ(m::sharpe_ratio(with_nan), m::sharpe_ratio(hand));
  EXPECT_DOUBLE_EQ(m::sortino_ratio(with_nan), m::sortino_ratio(hand));
}

TEST(MetricsReturns, EmptyAllNaNAndShortSeriesGiveNaN) {
  const std::vector<double> empty, all_nan{nan_v, nan_v}, one{0.01};
  for (const auto* s : {&empty, &all_nan}) {
    EXPECT_TRUE(std::isnan(m::total_return(*s)));
    EXPECT_TRUE(std::isnan(m::cagr(*s)));
    EXPECT_TRUE(std::isnan(m::annual_volatility(*s)));
    EXPECT_TRUE(std::isnan(m::sharpe_ratio(*s)));
    EXPECT_TRUE(std::isnan(m::downside_risk(*s)));
    EXPECT_TRUE(std::isnan(m::sortino_ratio(*s)));
    EXPECT_TRUE(std::isnan(m::value_at_risk(*s)));
    EXPECT_TRUE(std::isnan(m::conditional_value_at_risk(*s)));
  }
  EXPECT_NEAR(m::total_return(one), 0.01, 1e-16);
  EXPECT_NEAR(m::cagr(one, {.periods_per_year = 1}), 0.01, 1e-16);
  EXPECT_TRUE(std::isnan(m::annual_volatility(one)));
  EXPECT_TRUE(std::isnan(m::sharpe_ratio(one)));
  // A total loss: wealth 0 gives CAGR -1; below zero has no growth rate.
  EXPECT_DOUBLE_EQ(m::cagr(std::vector<double>{0.1, -1.0}), -1.0);
  EXPECT_TRUE(std::isnan(m::cagr(std::vector<double>{0.1, -1.5})));
}

TEST(MetricsReturns, ZeroVolatilityAndNoDownside) {
  const std::vector<double> flat{0.001, 0.001, 0.001, 0.001};
  EXPECT_EQ(m::annual_volatility(flat), 0.0);  // exactly, not 1e-19
  EXPECT_TRUE(std::isnan(m::sharpe_ratio(flat)));
  // No return below the MAR and a positive mean: +inf (empyrical divides by zero).
  EXPECT_EQ(m::sortino_ratio(flat), inf_v);
  EXPECT_EQ(m::downside_risk(flat), 0.0);
  // Mean exactly at the MAR with no downside: 0 / 0 -> NaN.
  EXPECT_TRUE(std::isnan(m::sortino_ratio(flat, {.required_return = 0.001})));
  const std::vector<double> zeros(5, 0.0);
  EXPECT_TRUE(std::isnan(m::sortino_ratio(zeros)));
}

TEST(MetricsReturns, BadInputIsReported) {
  const std::vector<double> bad{0.01, inf_v};
  try {
    (void)m::sharpe_ratio(bad);
    FAIL() << "no error";
  } catch (const alpha::data_error& e) {
    EXPECT_NE(std::string(e.what()).find("position 1"), std::string::npos) << e.what();
  }
  try {
    (void)m::cagr(hand, {.periods_per_year = 0});
    FAIL() << "no error";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "periods_per_year");
  }
  EXPECT_THROW((void)m::sharpe_ratio(hand, {.risk_free = nan_v}), alpha::config_error);
  EXPECT_THROW((void)m::value_at_risk(hand, 1.0), alpha::config_error);
  EXPECT_THROW((void)m::value_at_risk(hand, 0.0), alpha::config_error);
}

TEST(MetricsTail, HandSeries) {
  EXPECT_NEAR(m::value_at_risk(hand), -0.018, 1e-15);
  EXPECT_NEAR(m::value_at_risk(hand, 0.99), -0.0196, 1e-15);
  EXPECT_DOUBLE_EQ(m::conditional_value_at_risk(hand), -0.02);
  EXPECT_DOUBLE_EQ(m::conditional_value_at_risk(hand, 0.95, m::cvar_rule::below_var), -0.02);
  // 21 returns 0, 1, ..., 20 (in %), shuffled: VaR95 at h = 20 * .05 = 1 -> exactly 1 %;
  // empyrical CVaR: k = 1 -> mean of {0, 1} = 0.5 %; below_var: r <= 1 % -> the same two.
  std::vector<double> r;
  for (int i = 20; i >= 0; --i) r.push_back(0.01 * ((i * 5) % 21));  // a permutation of 0..20
  EXPECT_NEAR(m::value_at_risk(r), 0.01, 1e-15);
  EXPECT_NEAR(m::conditional_value_at_risk(r), 0.005, 1e-15);
  EXPECT_NEAR(m::conditional_value_at_risk(r, 0.95, m::cvar_rule::below_var), 0.005, 1e-15);
}

TEST(MetricsTail, RulesDifferWhereDocumented) {
  // 30 returns -0.29, ..., 0.00: VaR95 at h = 29 * .05 = 1.45 -> -.28 + .45 * .01 = -.2755;
  // empyrical CVaR: k = floor(1.45) = 1 -> mean of the 2 smallest = -.285. At 0.9: h = 2.9,
  // VaR = -.261, k = 2 -> mean of 3 = -.28.
  std::vector<double> r;
  for (int i = 0; i < 30; ++i) r.push_back(-0.01 * (29 - i));
  EXPECT_NEAR(m::value_at_risk(r), -0.2755, 1e-14);
  EXPECT_NEAR(m::conditional_value_at_risk(r), -0.285, 1e-14);
  EXPECT_NEAR(m::value_at_risk(r, 0.9), -0.261, 1e-14);
  EXPECT_NEAR(m::conditional_value_at_risk(r, 0.9), -0.28, 1e-14);
  // 11 returns, level 0.9: numpy's cutoff 0.1 gives h = 10 * 0.1 = 1 exactly, k = 1; in binary
  // 1 - 0.9 = 0.0999..98 and 10 times that is below 1: the index is snapped to the integer.
  const std::vector<double> eleven(r.begin(), r.begin() + 11);  // -.29 .. -.19
  EXPECT_NEAR(m::value_at_risk(eleven, 0.9), -0.28, 1e-15);
  EXPECT_NEAR(m::conditional_value_at_risk(eleven, 0.9), -0.285, 1e-15);
  // Ties at the VaR: below_var takes every tied value, empyrical a fixed count.
  const std::vector<double> ties{-0.05, -0.05, -0.05, -0.05, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06};
  // VaR95: h = 9 * .05 = .45 -> -.05; empyrical k = 0 -> -.05; below_var -> mean of four -.05.
  EXPECT_DOUBLE_EQ(m::conditional_value_at_risk(ties), -0.05);
  // At 0.6: h = 3.6 -> -.05 + .6 * .06 = -.014; empyrical k = 3 -> 4 values = -.05;
  // below_var -> the same four. At 0.5: h = 4.5 -> .01 + .5 * .01 = .015; empyrical k = 4 ->
  // mean of 5 = -.038; below_var r <= .015 -> also 5 -> -.038.
  EXPECT_NEAR(m::conditional_value_at_risk(ties, 0.6), -0.05, 1e-15);
  EXPECT_NEAR(m::conditional_value_at_risk(ties, 0.5), -0.038, 1e-15);
  // Where they differ: {-.1, 0 x 8, .1}, level .85 -> p = .15, h = 9 * .15 = 1.35, VaR = 0;
  // empyrical k = 1 -> {-.1, 0} = -.05; below_var -> every r <= 0 (9 values) = -.1 / 9.
  const std::vector<double> gap{-0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0.1};
  EXPECT_NEAR(m::conditional_value_at_risk(gap, 0.85), -0.05, 1e-15);
  EXPECT_NEAR(m::conditional_value_at_risk(gap, 0.85, m::cvar_rule::below_var), -0.1 / 9, 1e-15);
}

TEST(MetricsTail, RandomAgainstNaivePercentileAndPartition) {
  const auto r = random_returns(777, 11, 0.03);
  const auto c = clean_ld(r);
  for (const double level : {0.95, 0.99}) {
    const ld p = 1.0L - static_cast<ld>(level);
    EXPECT_NEAR(m::value_at_risk(r, level), static_cast<double>(naive_percentile(c, p)), 1e-15);
    // empyrical: np.partition at k = int((N - 1) * cutoff), mean of the first k + 1.
    auto v = c;
    const auto k = static_cast<std::size_t>((static_cast<ld>(v.size()) - 1) * p);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end());
    ld s = 0;
    for (std::size_t i = 0; i <= k; ++i) s += v[i];  // the k + 1 smallest, in any order
    EXPECT_NEAR(m::conditional_value_at_risk(r, level),
                static_cast<double>(s / static_cast<ld>(k + 1)), 1e-15);
  }
}

TEST(MetricsWinLoss, HandSeriesAndEdgeCases) {
  const auto s = m::win_loss(hand);
  EXPECT_EQ(s.count, 5u);
  EXPECT_EQ(s.wins, 2u);
  EXPECT_EQ(s.losses, 2u);
  EXPECT_EQ(s.flats, 1u);
  EXPECT_DOUBLE_EQ(s.win_rate, 0.4);
  EXPECT_DOUBLE_EQ(s.hit_rate, 0.5);
  EXPECT_NEAR(s.profit_factor, 4.0 / 3.0, 1e-15);
  EXPECT_NEAR(s.average_win, 0.02, 1e-17);
  EXPECT_NEAR(s.average_loss, -0.015, 1e-17);
  EXPECT_NEAR(s.win_loss_ratio, 0.02 / 0.015, 1e-15);
  EXPECT_NEAR(s.expectancy, 0.002, 1e-17);
  EXPECT_DOUBLE_EQ(m::win_rate(hand), 0.4);
  EXPECT_NEAR(m::profit_factor(hand), 4.0 / 3.0, 1e-15);
  // Per-trade PnLs in money: +120, -40, +30, NaN (an open trade), -10.
  const std::vector<double> pnl{120, -40, 30, nan_v, -10};
  const auto t = m::win_loss(pnl);
  EXPECT_EQ(t.count, 4u);
  EXPECT_DOUBLE_EQ(t.profit_factor, 150.0 / 50.0);
  EXPECT_DOUBLE_EQ(t.average_win, 75.0);
  EXPECT_DOUBLE_EQ(t.average_loss, -25.0);
  // No losing period: profit factor and payoff ratio +inf, average loss NaN.
  const auto up = m::win_loss(std::vector<double>{0.01, 0.0, 0.02});
  EXPECT_EQ(up.profit_factor, inf_v);
  EXPECT_EQ(up.win_loss_ratio, inf_v);
  EXPECT_TRUE(std::isnan(up.average_loss));
  EXPECT_NEAR(up.win_rate, 2.0 / 3.0, 1e-16);
  // Neither wins nor losses: NaN profit factor and hit rate, win rate 0.
  const auto flat = m::win_loss(std::vector<double>{0.0, 0.0});
  EXPECT_TRUE(std::isnan(flat.profit_factor));
  EXPECT_TRUE(std::isnan(flat.hit_rate));
  EXPECT_EQ(flat.win_rate, 0.0);
  // No outcome: NaN rates.
  EXPECT_TRUE(std::isnan(m::win_loss(std::vector<double>{}).win_rate));
  // Only losses: profit factor 0.
  EXPECT_EQ(m::profit_factor(std::vector<double>{-0.01, -0.02}), 0.0);
}

TEST(MetricsSummary, MatchesTheSingleFunctions) {
  const auto r = random_returns(600, 5, 0.02);
  const m::return_options o{.periods_per_year = 252, .risk_free = 1e-5, .required_return = 2e-5};
  const auto s = m::summarize(r, o);
  EXPECT_EQ(s.periods, clean_ld(r).size());
  const auto nv = naive_stats(r, 252, 1e-5, 2e-5);
  EXPECT_NEAR(s.total_return, static_cast<double>(nv.total), 1e-12);
  EXPECT_NEAR(s.cagr, static_cast<double>(nv.cagr), 1e-12);
  EXPECT_NEAR(s.annual_volatility, static_cast<double>(nv.vol), 1e-13);
  EXPECT_NEAR(s.sharpe, static_cast<double>(nv.sharpe), 1e-11);
  EXPECT_NEAR(s.sortino, static_cast<double>(nv.sortino), 1e-11);
  EXPECT_NEAR(s.downside_risk, static_cast<double>(nv.downside), 1e-13);
  EXPECT_EQ(s.max_drawdown, m::max_drawdown(r));
  EXPECT_EQ(s.calmar, m::calmar_ratio(r, o));
  EXPECT_EQ(s.var_95, m::value_at_risk(r, 0.95));
  EXPECT_EQ(s.cvar_99, m::conditional_value_at_risk(r, 0.99));
  EXPECT_EQ(s.profit_factor, m::profit_factor(r));
  const auto c = clean_ld(r);
  EXPECT_EQ(s.best, static_cast<double>(*std::max_element(c.begin(), c.end())));
  EXPECT_EQ(s.worst, static_cast<double>(*std::min_element(c.begin(), c.end())));
  const auto info = m::max_drawdown_info(r);
  EXPECT_EQ(s.max_drawdown_duration, info.spell.duration);
  EXPECT_EQ(s.longest_drawdown, info.longest.duration);
}

TEST(MetricsSummary, HandSeriesFieldsAndFormatting) {
  const auto s = m::summarize(hand);
  EXPECT_EQ(s.periods, 5u);
  EXPECT_NEAR(s.sharpe, offline_sharpe, 1e-13);
  EXPECT_DOUBLE_EQ(s.max_drawdown, 0.9898 / 1.01 - 1);  // -2 %, see drawdown_test
  EXPECT_EQ(s.max_drawdown_duration, 2u);
  EXPECT_TRUE(s.max_drawdown_recovered);
  EXPECT_NEAR(s.var_95, -0.018, 1e-15);
  // Generic iteration: every field once, in declaration order, with its value.
  std::vector<std::string> names;
  std::map<std::string, double> values;
  m::for_each_field(s, [&](std::string_view name, const auto& v) {
    names.emplace_back(name);
    values[std::string(name)] = static_cast<double>(v);
  });
  ASSERT_EQ(names.size(), 22u);
  EXPECT_EQ(names.front(), "periods");
  EXPECT_EQ(names[4], "sharpe");
  EXPECT_EQ(names.back(), "worst");
  EXPECT_EQ(values["win_rate"], 0.4);
  EXPECT_EQ(values["max_drawdown_recovered"], 1.0);
  const std::string text = fmt::format("{}", s);
  EXPECT_NE(text.find("sharpe                  1.65055"), std::string::npos) << text;
  EXPECT_NE(text.find("max_drawdown_recovered  true"), std::string::npos) << text;
  EXPECT_NE(text.find("periods                 5"), std::string::npos) << text;
  // An empty series still summarises (NaN fields print as nan).
  const auto e = m::summarize(std::vector<double>{});
  EXPECT_EQ(e.periods, 0u);
  EXPECT_TRUE(std::isnan(e.sharpe));
  EXPECT_NE(fmt::format("{}", e).find("cagr                    nan"), std::string::npos);
}
