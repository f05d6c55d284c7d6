// Drawdowns and Calmar: hand-worked series (comments) and a brute-force O(N^2) long-double
// search on random series; no-look-ahead of the drawdown curve.
#include "alpha/metrics/drawdown.hpp"

#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace m = alpha::metrics;
using ld = long double;

namespace {
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t npos = m::drawdown_spell::npos;

std::vector<double> random_returns(std::size_t n, unsigned seed, double nan_share) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0003, 0.015);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  std::vector<double> r(n);
  for (auto& x : r) x = u(gen) < nan_share ? nan_v : z(gen);
  return r;
}

// Wealth points W_0 = 1, W_k = W_{k-1} (1 + r_{k-1}), NaN rows carried.
std::vector<ld> wealth(const std::vector<double>& r) {
  std::vector<ld> w{1.0L};
  for (const double x : r) w.push_back(std::isnan(x) ? w.back() : w.back() * (1.0L + x));
  return w;
}
}  // namespace

TEST(MetricsDrawdown, HandSeries) {
  // r = 1 %, -2 %, 3 %, 0 %, -1 %; wealth points 0..5: 1, 1.01, .9898, 1.019494, 1.019494,
  // 1.00929906. Spell 1: peak point 1 (1.01), trough point 2 (.9898 / 1.01 - 1 = -2 %),
  // recovered at point 3 -> duration 2. Spell 2: the peak is point 4 (equal to point 3, the last
  // point at the running maximum), trough point 5 (-1 %), never recovered -> duration 5 - 4 = 1.
  const std::vector<double> r{0.01, -0.02, 0.03, 0.0, -0.01};
  const auto spells = m::drawdown_spells(r);
  ASSERT_EQ(spells.size(), 2u);
  EXPECT_EQ(spells[0].peak, 1u);
  EXPECT_EQ(spells[0].trough, 2u);
  EXPECT_EQ(spells[0].recovery, 3u);
  EXPECT_TRUE(spells[0].recovered);
  EXPECT_EQ(spells[0].duration, 2u);
  EXPECT_EQ(spells[0].peak_to_trough(), 1u);
  EXPECT_NEAR(spells[0].depth, -0.02, 1e-15);
  EXPECT_EQ(spells[1].peak, 4u);
  EXPECT_EQ(spells[1].trough, 5u);
  EXPECT_EQ(spells[1].recovery, npos);
  EXPECT_FALSE(spells[1].recovered);
  EXPECT_EQ(spells[1].duration, 1u);
  EXPECT_NEAR(spells[1].depth, -0.01, 1e-15);
  const auto info = m::max_drawdown_info(r);
  EXPECT_NEAR(info.max_drawdown, -0.02, 1e-15);
  EXPECT_EQ(info.spell.peak, 1u);
  EXPECT_EQ(info.longest.peak, 1u);
  EXPECT_EQ(info.spells, 2u);
  // Points are dated by rows: point 1 is the wealth after row 0.
  EXPECT_EQ(m::row_of_point(1), std::optional<std::size_t>(0));
  EXPECT_FALSE(m::row_of_point(0).has_value());
  // On a calendar of 5 days (day d at d * 86400 s): peak point 1 = row 0, trough point 2 =
  // row 1, recovery point 3 = row 2; the open spell has no recovery date.
  std::vector<alpha::timestamp> days;
  for (std::int64_t d = 0; d < 5; ++d) days.emplace_back(d * 86'400'000'000);
  const alpha::time_index cal(days);
  const auto dates = m::dates_of(spells[0], cal);
  EXPECT_EQ(dates.peak, days[0]);
  EXPECT_EQ(dates.trough, days[1]);
  EXPECT_EQ(dates.recovery, days[2]);
  EXPECT_FALSE(m::dates_of(spells[1], cal).recovery.has_value());
  EXPECT_THROW((void)m::dates_of(spells[1], alpha::time_index(std::vector<alpha::timestamp>(
                                                days.begin(), days.begin() + 3))),
               alpha::shape_error);
  const auto dd = m::drawdown_series(r);
  ASSERT_EQ(dd.size(), 5u);
  EXPECT_EQ(dd[0], 0.0);
  EXPECT_NEAR(dd[1], -0.02, 1e-15);
  EXPECT_EQ(dd[2], 0.0);
  EXPECT_EQ(dd[3], 0.0);
  EXPECT_NEAR(dd[4], -0.01, 1e-15);
  // Calmar = CAGR / 2 % (the CAGR itself is checked in returns_test).
  EXPECT_NEAR(m::calmar_ratio(r), m::cagr(r) / 0.02, 1e-12);
}

TEST(MetricsDrawdown, FirstPeriodLossAndNeverRecovered) {
  // The initial capital is a peak: a first-day loss of 10 % is a drawdown from point 0; 1.2 * .9
  // = 1.08 recovers at point 2.
  const auto a = m::max_drawdown_info(std::vector<double>{-0.1, 0.2});
  EXPECT_NEAR(a.max_drawdown, -0.1, 1e-15);
  EXPECT_EQ(a.spell.peak, 0u);
  EXPECT_EQ(a.spell.recovery, 2u);
  EXPECT_EQ(a.spell.duration, 2u);
  std::vector<alpha::timestamp> days{alpha::timestamp(0), alpha::timestamp(86'400'000'000)};
  EXPECT_FALSE(m::dates_of(a.spell, alpha::time_index(days)).peak.has_value());  // the start
  // +10 %, -5 %, -5 %: peak point 1 (1.1), trough point 3 (1.1 * .95 * .95 = .99275 -> -9.75 %),
  // never recovered: duration to the end = 3 - 1 = 2, flagged.
  const auto b = m::max_drawdown_info(std::vector<double>{0.1, -0.05, -0.05});
  EXPECT_NEAR(b.max_drawdown, 0.95 * 0.95 - 1, 1e-15);
  EXPECT_EQ(b.spell.peak, 1u);
  EXPECT_EQ(b.spell.trough, 3u);
  EXPECT_FALSE(b.spell.recovered);
  EXPECT_EQ(b.spell.recovery, npos);
  EXPECT_EQ(b.spell.duration, 2u);
}

TEST(MetricsDrawdown, NaNRowsCarryWealthAndCountInDurations) {
  // 10 %, NaN, -20 %, NaN, 50 %: points 1.1, 1.1, .88, .88, 1.32. Peak point 2 (the NaN row
  // carries 1.1 and is the last point at the maximum), trough point 3, recovery point 5:
  // duration 3 rows, one of them a NaN row.
  const std::vector<double> r{0.1, nan_v, -0.2, nan_v, 0.5};
  const auto info = m::max_drawdown_info(r);
  EXPECT_NEAR(info.max_drawdown, -0.2, 1e-15);
  EXPECT_EQ(info.spell.peak, 2u);
  EXPECT_EQ(info.spell.trough, 3u);
  EXPECT_EQ(info.spell.recovery, 5u);
  EXPECT_EQ(info.spell.duration, 3u);
  const auto dd = m::drawdown_series(r);
  EXPECT_NEAR(dd[3], -0.2, 1e-15);  // the NaN row repeats the drawdown
}

TEST(MetricsDrawdown, NoDrawdownAndEmpty) {
  const auto up = m::max_drawdown_info(std::vector<double>{0.01, 0.0, 0.02});
  EXPECT_EQ(up.max_drawdown, 0.0);
  EXPECT_EQ(up.spells, 0u);
  EXPECT_EQ(up.spell.duration, 0u);
  EXPECT_TRUE(std::isnan(m::calmar_ratio(std::vector<double>{0.01, 0.02})));  // empyrical: NaN
  EXPECT_TRUE(std::isnan(m::max_drawdown(std::vector<double>{})));
  EXPECT_TRUE(std::isnan(m::max_drawdown(std::vector<double>{nan_v, nan_v})));
  EXPECT_TRUE(std::isnan(m::calmar_ratio(std::vector<double>{})));
  EXPECT_THROW(
      (void)m::max_drawdown(std::vector<double>{0.1, -std::numeric_limits<double>::infinity()}),
      alpha::data_error);
}

TEST(MetricsDrawdown, RandomAgainstBruteForce) {
  for (const unsigned seed : {7u, 8u, 9u}) {
    const auto r = random_returns(400, seed, 0.05);
    const auto w = wealth(r);
    const std::size_t n = r.size();
    // Brute force: deepest W_j / W_i - 1 over i <= j, first (i, j) in j order.
    ld best = 0;
    std::size_t bj = 0;
    for (std::size_t j = 0; j <= n; ++j)
      for (std::size_t i = 0; i <= j; ++i) {
        const ld d = w[j] / w[i] - 1;
        if (d < best - 1e-18L) {
          best = d;
          bj = j;
        }
      }
    const auto info = m::max_drawdown_info(r);
    EXPECT_NEAR(info.max_drawdown, static_cast<double>(best), 1e-13);
    EXPECT_EQ(info.spell.trough, bj);
    // Underwater flags from the running maximum; spells = runs of underwater points; a run of
    // length L that ends before the series ends lasted L + 1 periods from its peak.
    std::size_t longest = 0, runs = 0, run = 0;
    ld peak = w[0];
    for (std::size_t k = 1; k <= n; ++k) {
      if (w[k] < peak) {
        if (run == 0) ++runs;
        ++run;
      } else {
        if (run > 0) longest = std::max(longest, run + 1);
        run = 0;
        peak = w[k];
      }
    }
    if (run > 0) longest = std::max(longest, run);
    EXPECT_EQ(info.spells, runs);
    EXPECT_EQ(info.longest.duration, longest);
    // The drawdown curve.
    const auto dd = m::drawdown_series(r);
    ld mx = 1;
    for (std::size_t k = 1; k <= n; ++k) {
      mx = std::max(mx, w[k]);
      EXPECT_NEAR(dd[k - 1], static_cast<double>(w[k] / mx - 1), 1e-13);
    }
  }
}

TEST(MetricsDrawdown, CurveDoesNotLookAhead) {
  auto r = random_returns(300, 21, 0.0);
  const auto before = m::drawdown_series(r);
  for (std::size_t t = 150; t < r.size(); ++t) r[t] = -r[t] * 3;
  const auto after = m::drawdown_series(r);
  for (std::size_t t = 0; t < 150; ++t) EXPECT_EQ(before[t], after[t]) << t;
}

TEST(MetricsDrawdown, SP500ClosesMatchTheKnownBearMarkets) {
  // S&P 500 daily closes 2000-2020: the 2007-09 bear market ran from the close of 1565.15 on
  // 2007-10-09 to 676.53 on 2009-03-09 (-56.8 %, the figure every index history quotes), and the
  // index first closed above 1565.15 again on 2013-03-28 (1569.19). The 2000-02 bear market
  // (1527.46 on 2000-03-24 to 776.76 on 2002-10-09, -49.1 %) recovered on 2007-05-30: the
  // longest spell, 1803 trading days.
  ALPHA_REQUIRE_SHARED_FILE(path, "data/sp500_ohlcv_2000_2020.csv");
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // header: date,open,high,low,close,adjclose,volume
  std::vector<std::string> dates;
  std::vector<double> close;
  while (std::getline(in, line)) {
    std::stringstream ss(line);
    std::string f[5];
    for (auto& x : f) std::getline(ss, x, ',');
    dates.push_back(f[0]);
    close.push_back(std::stod(f[4]));
  }
  ASSERT_GT(close.size(), 5000u);
  std::vector<double> r(close.size(), nan_v);  // row 0 has no return
  for (std::size_t t = 1; t < close.size(); ++t) r[t] = close[t] / close[t - 1] - 1;
  const auto info = m::max_drawdown_info(r);
  const auto date = [&dates](std::size_t point) { return dates[*m::row_of_point(point)]; };
  EXPECT_EQ(date(info.spell.peak), "2007-10-09");
  EXPECT_EQ(date(info.spell.trough), "2009-03-09");
  ASSERT_TRUE(info.spell.recovered);
  EXPECT_EQ(date(info.spell.recovery), "2013-03-28");
  EXPECT_NEAR(info.max_drawdown, 676.530029 / 1565.150024 - 1, 1e-12);
  EXPECT_NEAR(info.max_drawdown, -0.568, 5e-4);
  EXPECT_EQ(date(info.longest.peak), "2000-03-24");
  EXPECT_EQ(date(info.longest.trough), "2002-10-09");
  EXPECT_EQ(date(info.longest.recovery), "2007-05-30");
  EXPECT_EQ(info.longest.duration, 1803u);
  EXPECT_NEAR(info.longest.depth, 776.76 / 1527.46 - 1, 1e-5);
}
