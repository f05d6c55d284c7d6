// Bar indicators without a reference file: each is checked against an independent naive
// computation written here from its definition (direct loops over the window, no alpha::rolling)
// on the ttrc bars (../shared/data, when present) and on random consistent OHLCV, plus small
// hand-computed cases. NATR and ADXR are also derived from TA-Lib's atr14 / adx14 columns.
#include "alpha/features/ta/aroon.hpp"
#include "alpha/features/ta/balance_of_power.hpp"
#include "alpha/features/ta/chaikin.hpp"
#include "alpha/features/ta/directional_movement.hpp"
#include "alpha/features/ta/donchian.hpp"
#include "alpha/features/ta/ease_of_movement.hpp"
#include "alpha/features/ta/force_index.hpp"
#include "alpha/features/ta/ichimoku.hpp"
#include "alpha/features/ta/keltner.hpp"
#include "alpha/features/ta/mass_index.hpp"
#include "alpha/features/ta/mfi.hpp"
#include "alpha/features/ta/parabolic_sar.hpp"
#include "alpha/features/ta/rolling_vwap.hpp"
#include "alpha/features/ta/true_range.hpp"
#include "alpha/features/ta/ultimate_oscillator.hpp"
#include "alpha/features/ta/vortex.hpp"

#include "features/bar_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace af = alpha::features;
using alpha_test::close_all;
using alpha_test::qnan;
using namespace alpha_test::bars;

namespace {

using vec = std::vector<double>;
constexpr double tol = 1e-9;

/// The inputs of the naive checks: random bars, and the ttrc bars when the file is present.
std::vector<ohlcv> inputs() {
  std::vector<ohlcv> v{random_bars(600, 7), random_bars(300, 8)};
  if (const auto p = alpha_test::shared_file("data/ttrc_ohlcv.csv"); !p.empty())
    v.push_back(read_bars(p));
  return v;
}

/// TA-Lib-style EMA of x (NaN entries before the first defined one): SMA of the first n defined
/// values, then e += k (x - e).
vec naive_ema(const vec& x, std::size_t n, double k) {
  vec out(x.size(), qnan);
  std::size_t seen = 0;
  long double sum = 0;
  double e = qnan;
  for (std::size_t t = 0; t < x.size(); ++t) {
    if (std::isnan(x[t])) continue;
    if (seen < n) {
      sum += x[t];
      if (++seen == n) e = static_cast<double>(sum / static_cast<long double>(n));
    } else {
      e = e + k * (x[t] - e);
    }
    out[t] = e;
  }
  return out;
}

/// Sum of x[t-n+1..t] (NaN if any is NaN or t < n-1).
double window_sum(const vec& x, std::size_t t, std::size_t n) {
  if (t + 1 < n) return qnan;
  long double s = 0;
  for (std::size_t i = t + 1 - n; i <= t; ++i) s += x[i];
  return static_cast<double>(s);
}
double window_max(const vec& x, std::size_t t, std::size_t n) {
  if (t + 1 < n) return qnan;
  double m = x[t];
  for (std::size_t i = t + 1 - n; i <= t; ++i) m = std::max(m, x[i]);
  return m;
}
double window_min(const vec& x, std::size_t t, std::size_t n) {
  if (t + 1 < n) return qnan;
  double m = x[t];
  for (std::size_t i = t + 1 - n; i <= t; ++i) m = std::min(m, x[i]);
  return m;
}
vec true_ranges(const ohlcv& b) {
  vec tr(b.size(), qnan);
  for (std::size_t t = 1; t < b.size(); ++t)
    tr[t] = std::max({b.high[t] - b.low[t], std::fabs(b.high[t] - b.close[t - 1]),
                      std::fabs(b.low[t] - b.close[t - 1])});
  return tr;
}
/// Wilder ATR: mean of TR[1..n] at n, then (prev (n-1) + TR) / n.
vec naive_atr(const ohlcv& b, std::size_t n) {
  const vec tr = true_ranges(b);
  vec out(b.size(), qnan);
  if (b.size() <= n) return out;
  double a = window_sum(tr, n, n) / static_cast<double>(n);
  out[n] = a;
  for (std::size_t t = n + 1; t < b.size(); ++t) {
    a = (a * static_cast<double>(n - 1) + tr[t]) / static_cast<double>(n);
    out[t] = a;
  }
  return out;
}

}  // namespace

TEST(BarNaive, NatrFromTaLibAtrAndNaive) {
  for (const ohlcv& b : inputs()) {
    const vec atr = naive_atr(b, 14);
    vec want(b.size(), qnan);
    for (std::size_t t = 0; t < b.size(); ++t) want[t] = 100.0 * atr[t] / b.close[t];
    EXPECT_TRUE(close_all(af::run<af::natr>({.period = 14}, b.input())[0], want, tol));
    EXPECT_TRUE(close_all(af::run<af::atr>({.period = 14}, b.input())[0], atr, tol));
  }
  ALPHA_REQUIRE_SHARED_FILE(ref, "reference/indicators/indicators_talib_ttrc.csv");
  ALPHA_REQUIRE_SHARED_FILE(data, "data/ttrc_ohlcv.csv");
  auto ta = alpha_test::read_reference_csv(ref);
  const ohlcv b = read_bars(data);
  vec want(b.size());
  for (std::size_t t = 0; t < b.size(); ++t) want[t] = 100.0 * ta["atr14"][t] / b.close[t];
  EXPECT_TRUE(close_all(af::run<af::natr>({.period = 14}, b.input())[0], want, tol));
}

TEST(BarNaive, AdxrFromTaLibAdx) {
  ALPHA_REQUIRE_SHARED_FILE(ref, "reference/indicators/indicators_talib_sp500.csv");
  ALPHA_REQUIRE_SHARED_FILE(data, "data/sp500_ohlcv_2000_2020.csv");
  auto ta = alpha_test::read_reference_csv(ref);
  const ohlcv b = read_bars(data);
  const vec& adx = ta["adx14"];
  vec want(b.size(), qnan);
  for (std::size_t t = 13; t < b.size(); ++t) want[t] = (adx[t] + adx[t - 13]) / 2.0;
  const vec got = af::run<af::adxr>({.period = 14}, b.input())[0];
  EXPECT_TRUE(close_all(got, want, tol));
  EXPECT_TRUE(std::isnan(got[39]) && !std::isnan(got[40]));  // lookback 3n - 2 = 40
}

TEST(BarNaive, Aroon) {
  // Hand case, n = 2, highs 1 3 2 2: at bar 3 the window is bars 1..3, highest high 3 at bar 1
  // (2 bars ago): up = 100/2 (2 - 2) = 0; lows 1 1 1 0.5: lowest at bar 3: down = 100.
  for (const ohlcv& b : inputs())
    for (std::size_t n : {std::size_t{2}, std::size_t{14}, std::size_t{25}}) {
      vec up(b.size(), qnan), down(b.size(), qnan), osc(b.size(), qnan);
      for (std::size_t t = n; t < b.size(); ++t) {
        std::size_t hi = t - n, lo = t - n;
        for (std::size_t i = t - n; i <= t; ++i) {
          if (b.high[i] >= b.high[hi]) hi = i;
          if (b.low[i] <= b.low[lo]) lo = i;
        }
        const double f = 100.0 / static_cast<double>(n);
        up[t] = f * static_cast<double>(n - (t - hi));
        down[t] = f * static_cast<double>(n - (t - lo));
        osc[t] = up[t] - down[t];
      }
      const auto a = af::run<af::aroon>({.period = n}, b.input());
      EXPECT_TRUE(close_all(a[0], down, tol));
      EXPECT_TRUE(close_all(a[1], up, tol));
      EXPECT_TRUE(
          close_all(af::run<af::aroon_oscillator>({.period = n}, b.input())[0], osc, tol, 1.0));
    }
  ohlcv h{{1, 1, 1, 1}, {1, 3, 2, 2}, {1, 1, 1, 0.5}, {1, 1, 1, 1}, {1, 1, 1, 1}};
  const auto a = af::run<af::aroon>({.period = 2}, h.input());
  EXPECT_EQ(a[1][3], 0.0);
  EXPECT_EQ(a[0][3], 100.0);
}

TEST(BarNaive, Mfi) {
  for (const ohlcv& b : inputs()) {
    const std::size_t n = 14;
    vec tp(b.size()), pos(b.size(), 0.0), neg(b.size(), 0.0), want(b.size(), qnan);
    for (std::size_t t = 0; t < b.size(); ++t) tp[t] = (b.high[t] + b.low[t] + b.close[t]) / 3;
    for (std::size_t t = 1; t < b.size(); ++t) {
      if (tp[t] > tp[t - 1]) pos[t] = tp[t] * b.volume[t];
      if (tp[t] < tp[t - 1]) neg[t] = tp[t] * b.volume[t];
    }
    for (std::size_t t = n; t < b.size(); ++t) {
      const double p = window_sum(pos, t, n), m = window_sum(neg, t, n);
      want[t] = p + m < 1.0 ? 0.0 : 100.0 * p / (p + m);
    }
    EXPECT_TRUE(close_all(af::run<af::mfi>({.period = n}, b.input())[0], want, tol));
  }
}

TEST(BarNaive, ChaikinAdAdoscCmf) {
  // Hand case: H 10, L 8, C 9.5, V 100: CLV = (1.5 - 0.5)/2 = 0.5, AD = 50.
  for (const ohlcv& b : inputs()) {
    vec mfv(b.size()), ad(b.size());
    double acc = 0;
    for (std::size_t t = 0; t < b.size(); ++t) {
      const double r = b.high[t] - b.low[t];
      mfv[t] = r > 0 ? ((b.close[t] - b.low[t]) - (b.high[t] - b.close[t])) / r * b.volume[t] : 0;
      acc += mfv[t];
      ad[t] = acc;
    }
    const double scale =
        1e-3 * std::fabs(*std::max_element(ad.begin(), ad.end(), [](double x, double y) {
          return std::fabs(x) < std::fabs(y);
        }));
    EXPECT_TRUE(close_all(af::run<af::ad_line>({}, b.input())[0], ad, tol, scale));
    // ADOSC(3, 10): EMAs seeded with AD_0
    vec osc(b.size(), qnan);
    double f = ad[0], s = ad[0];
    for (std::size_t t = 1; t < b.size(); ++t) {
      f = 0.5 * ad[t] + 0.5 * f;
      s = (2.0 / 11) * ad[t] + (9.0 / 11) * s;
      if (t >= 9) osc[t] = f - s;
    }
    EXPECT_TRUE(close_all(af::run<af::ad_oscillator>({}, b.input())[0], osc, tol, scale));
    vec cmf(b.size(), qnan);
    for (std::size_t t = 19; t < b.size(); ++t)
      cmf[t] = window_sum(mfv, t, 20) / window_sum(b.volume, t, 20);
    EXPECT_TRUE(close_all(af::run<af::chaikin_money_flow>({}, b.input())[0], cmf, tol, 1e-6));
  }
  const ohlcv h{{9}, {10}, {8}, {9.5}, {100}};
  EXPECT_EQ(af::run<af::ad_line>({}, h.input())[0][0], 50.0);
}

TEST(BarNaive, UltimateOscillator) {
  for (const ohlcv& b : inputs()) {
    vec bp(b.size(), qnan), tr = true_ranges(b), want(b.size(), qnan);
    for (std::size_t t = 1; t < b.size(); ++t)
      bp[t] = b.close[t] - std::min(b.low[t], b.close[t - 1]);
    for (std::size_t t = 28; t < b.size(); ++t) {
      auto avg = [&](std::size_t p) { return window_sum(bp, t, p) / window_sum(tr, t, p); };
      want[t] = 100.0 * (4 * avg(7) + 2 * avg(14) + avg(28)) / 7.0;
    }
    EXPECT_TRUE(close_all(af::run<af::ultimate_oscillator>({}, b.input())[0], want, tol));
    // periods are sorted (TA-Lib)
    EXPECT_TRUE(close_all(af::run<af::ultimate_oscillator>(
                              {.period1 = 28, .period2 = 7, .period3 = 14}, b.input())[0],
                          want, tol));
  }
}

namespace {
/// TA-Lib ta_SAR.c's loop, transcribed over whole arrays (startIdx = 1).
vec talib_sar(const ohlcv& b, double acc, double maxi) {
  vec out(b.size(), qnan);
  if (b.size() < 2) return out;
  double af = acc;
  const double dm = b.low[0] - b.low[1], dp = b.high[1] - b.high[0];
  bool is_long = !(dm > 0 && dp < dm);
  double ep = is_long ? b.high[1] : b.low[1];
  double sar = is_long ? b.low[0] : b.high[0];
  double new_low = b.low[1], new_high = b.high[1];
  for (std::size_t t = 1; t < b.size(); ++t) {
    const double prev_low = new_low, prev_high = new_high;
    new_low = b.low[t];
    new_high = b.high[t];
    if (is_long) {
      if (new_low <= sar) {
        is_long = false;
        sar = std::max({ep, prev_high, new_high});
        out[t] = sar;
        af = acc;
        ep = new_low;
        sar = std::max({sar + af * (ep - sar), prev_high, new_high});
      } else {
        out[t] = sar;
        if (new_high > ep) {
          ep = new_high;
          af = std::min(af + acc, maxi);
        }
        sar = std::min({sar + af * (ep - sar), prev_low, new_low});
      }
    } else if (new_high >= sar) {
      is_long = true;
      sar = std::min({ep, prev_low, new_low});
      out[t] = sar;
      af = acc;
      ep = new_high;
      sar = std::min({sar + af * (ep - sar), prev_low, new_low});
    } else {
      out[t] = sar;
      if (new_low < ep) {
        ep = new_low;
        af = std::min(af + acc, maxi);
      }
      sar = std::max({sar + af * (ep - sar), prev_high, new_high});
    }
  }
  return out;
}
}  // namespace

TEST(BarNaive, ParabolicSar) {
  for (const ohlcv& b : inputs()) {
    EXPECT_TRUE(
        close_all(af::run<af::parabolic_sar>({}, b.input())[0], talib_sar(b, 0.02, 0.2), tol));
    EXPECT_TRUE(
        close_all(af::run<af::parabolic_sar>({.acceleration = 0.05, .maximum = 0.3}, b.input())[0],
                  talib_sar(b, 0.05, 0.3), tol));
  }
  // Hand case: H 10 11 12, L 9 10 11 (rising: -DM of bar 1 = 0 -> long). Bar 1: EP = 11,
  // SAR = L_0 = 9, output 9; new EP? H_1 = 11 = EP, no; SAR = 9 + 0.02 (11 - 9) = 9.04,
  // clamped to <= min(L_1, L_1) = 10: 9.04. Bar 2: L 11 > 9.04: output 9.04; H 12 > EP: EP =
  // 12, AF = 0.04.
  const ohlcv h{{10, 11, 12}, {10, 11, 12}, {9, 10, 11}, {10, 11, 12}, {1, 1, 1}};
  const vec s = af::run<af::parabolic_sar>({}, h.input())[0];
  EXPECT_TRUE(std::isnan(s[0]));
  EXPECT_DOUBLE_EQ(s[1], 9.0);
  EXPECT_DOUBLE_EQ(s[2], 9.04);
}

TEST(BarNaive, IchimokuWithoutLookAhead) {
  for (const ohlcv& b : inputs()) {
    const std::size_t n = b.size();
    std::array<vec, 7> want;
    for (auto& w : want) w.assign(n, qnan);
    auto mid = [&](std::size_t t, std::size_t p) {
      return (window_max(b.high, t, p) + window_min(b.low, t, p)) / 2.0;
    };
    for (std::size_t t = 0; t < n; ++t) {
      want[0][t] = mid(t, 9);
      want[1][t] = mid(t, 26);
      want[2][t] = (want[0][t] + want[1][t]) / 2.0;
      want[3][t] = mid(t, 52);
      if (t >= 26) {
        want[4][t] =
            (mid(t - 26, 9) + mid(t - 26, 26)) / 2.0;  // computed at t-26 from bars <= t-26
        want[5][t] = mid(t - 26, 52);
        want[6][t] = b.close[t] - b.close[t - 26];
      }
    }
    const auto got = af::run<af::ichimoku>({}, b.input());
    for (std::size_t k = 0; k < 7; ++k)
      EXPECT_TRUE(close_all(got[k], want[k], tol, 1.0)) << af::ichimoku::output_names[k];
  }
}

TEST(BarNaive, KeltnerDonchianVwap) {
  for (const ohlcv& b : inputs()) {
    const std::size_t n = b.size();
    const vec mid = naive_ema(b.close, 20, 2.0 / 21), atr = naive_atr(b, 10);
    std::array<vec, 3> kel, don;
    for (auto& w : kel) w.assign(n, qnan);
    for (auto& w : don) w.assign(n, qnan);
    vec tpv(n), vwap(n, qnan);
    for (std::size_t t = 0; t < n; ++t) {
      if (t >= 19) {
        kel[0][t] = mid[t] + 2 * atr[t];
        kel[1][t] = mid[t];
        kel[2][t] = mid[t] - 2 * atr[t];
        don[0][t] = window_max(b.high, t, 20);
        don[2][t] = window_min(b.low, t, 20);
        don[1][t] = (don[0][t] + don[2][t]) / 2;
      }
      tpv[t] = (b.high[t] + b.low[t] + b.close[t]) / 3 * b.volume[t];
      if (t >= 19) vwap[t] = window_sum(tpv, t, 20) / window_sum(b.volume, t, 20);
    }
    const auto k = af::run<af::keltner>({}, b.input());
    const auto d = af::run<af::donchian>({}, b.input());
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_TRUE(close_all(k[i], kel[i], tol));
      EXPECT_TRUE(close_all(d[i], don[i], tol));
    }
    EXPECT_TRUE(close_all(af::run<af::rolling_vwap>({}, b.input())[0], vwap, tol));
  }
  // The bar's own VWAP, when given, replaces the typical price: 2 bars, n = 2:
  // (10 * 100 + 12 * 300) / 400 = 11.5.
  af::rolling_vwap v({.period = 2});
  auto make = [](double h, double l, double c, double vol, double w) {
    alpha::bar x;
    x.high = h;
    x.low = l;
    x.close = c;
    x.volume = vol;
    x.vwap = w;
    return x;
  };
  const alpha::bar b1 = make(11, 9, 10, 100, 10), b2 = make(13, 10, 13, 300, 12);
  v.update(b1);
  v.update(b2);
  EXPECT_DOUBLE_EQ(v.value(), 11.5);
  af::rolling_vwap tp({.period = 2, .use_bar_vwap = false});
  tp.update(b1);
  tp.update(b2);
  EXPECT_DOUBLE_EQ(tp.value(), (10.0 * 100 + 12.0 * 300) / 400);  // typical prices 10 and 12
}

TEST(BarNaive, BopForceEmvMassVortex) {
  for (const ohlcv& b : inputs()) {
    const std::size_t n = b.size();
    vec bop(n), force(n, qnan), emv(n, qnan), emv_ma(n, qnan), range(n), mass(n, qnan);
    for (std::size_t t = 0; t < n; ++t) {
      const double r = b.high[t] - b.low[t];
      bop[t] = r < 1e-8 ? 0.0 : (b.close[t] - b.open[t]) / r;
      range[t] = r;
      if (t >= 1) {
        force[t] = (b.close[t] - b.close[t - 1]) * b.volume[t];
        const double dm = (b.high[t] + b.low[t]) / 2 - (b.high[t - 1] + b.low[t - 1]) / 2;
        emv[t] = dm * r / (b.volume[t] / 10000.0);
      }
    }
    vec emv_shifted(emv.begin() + 1, emv.end());
    for (std::size_t t = 9; t < n; ++t) emv_ma[t] = window_sum(emv_shifted, t - 1, 9) / 9;
    const vec e1 = naive_ema(range, 9, 0.2), e2 = naive_ema(e1, 9, 0.2);
    vec ratio(n, qnan);
    for (std::size_t t = 16; t < n; ++t) ratio[t] = e1[t] / e2[t];
    for (std::size_t t = 40; t < n; ++t) mass[t] = window_sum(ratio, t, 25);
    EXPECT_TRUE(close_all(af::run<af::balance_of_power>({}, b.input())[0], bop, tol, 1e-3));
    EXPECT_TRUE(close_all(af::run<af::force_index>({.period = 1}, b.input())[0], force, tol, 1.0));
    const vec fsm = naive_ema(force, 13, 2.0 / 14);
    EXPECT_TRUE(close_all(af::run<af::force_index>({}, b.input())[0], fsm, tol, 1.0));
    const auto em = af::run<af::ease_of_movement>({}, b.input());
    vec emv_from_9 = emv;
    for (std::size_t t = 0; t < 9 && t < n; ++t) emv_from_9[t] = t == 0 ? qnan : emv[t];
    EXPECT_TRUE(close_all(em[0], emv_from_9, tol, 1e-3));
    EXPECT_TRUE(close_all(em[1], emv_ma, tol, 1e-3));
    EXPECT_TRUE(close_all(af::run<af::mass_index>({}, b.input())[0], mass, tol));
    vec vip(n, qnan), vim(n, qnan), pp(n, qnan), mm(n, qnan);
    const vec tr = true_ranges(b);
    for (std::size_t t = 1; t < n; ++t) {
      pp[t] = std::fabs(b.high[t] - b.low[t - 1]);
      mm[t] = std::fabs(b.low[t] - b.high[t - 1]);
    }
    for (std::size_t t = 14; t < n; ++t) {
      vip[t] = window_sum(pp, t, 14) / window_sum(tr, t, 14);
      vim[t] = window_sum(mm, t, 14) / window_sum(tr, t, 14);
    }
    const auto vx = af::run<af::vortex>({}, b.input());
    EXPECT_TRUE(close_all(vx[0], vip, tol));
    EXPECT_TRUE(close_all(vx[1], vim, tol));
  }
}

TEST(BarNaive, MissingBarsAreSkipped) {
  // A bar with NaN fields is skipped: the output repeats, and the result equals the run on the
  // series with that bar removed.
  ohlcv b = random_bars(200, 3);
  ohlcv holed = b;
  const std::size_t hole = 60;
  holed.high.insert(holed.high.begin() + hole, qnan);
  holed.low.insert(holed.low.begin() + hole, qnan);
  holed.close.insert(holed.close.begin() + hole, qnan);
  holed.open.insert(holed.open.begin() + hole, qnan);
  holed.volume.insert(holed.volume.begin() + hole, qnan);
  auto check = [&](auto tag, auto params) {
    using I = decltype(tag);
    const auto base = af::run<I>(params, b.input());
    const auto got = af::run<I>(params, holed.input());
    for (std::size_t k = 0; k < base.size(); ++k) {
      vec expect = base[k];
      expect.insert(expect.begin() + hole, expect[hole - 1]);
      EXPECT_TRUE(bit_equal(got[k], expect)) << I::output_names[k];
    }
  };
  check(af::atr{{}}, af::atr::params{});
  check(af::adx{{}}, af::adx::params{});
  check(af::ichimoku{{}}, af::ichimoku::params{});
  check(af::parabolic_sar{{}}, af::parabolic_sar::params{});
  check(af::mfi{{}}, af::mfi::params{});
  check(af::vortex{{}}, af::vortex::params{});
}
