// Cross-sectional transforms (rank, percentile, z-score, demean, min-max, winsorising, MAD
// clipping) against pandas values computed offline and against naive per-date loops written
// independently here (long double sums, O(N^2) counting ranks, full sorts for quantiles).
#include "alpha/features/cross_section/clip.hpp"
#include "alpha/features/cross_section/rank.hpp"
#include "alpha/features/cross_section/standardise.hpp"

#include "cross_section/support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <vector>

namespace xs = alpha::features::cross_section;
using alpha_test::xs::expect_panels;
using alpha_test::xs::expect_rows;
using alpha_test::xs::from_rows;
using alpha_test::xs::random_panel;

namespace {

constexpr double NaN = std::numeric_limits<double>::quiet_NaN();

// The small panel of the pandas checks: ties, -0.0 vs 0.0, NaNs, a one-value date, a large
// common offset (1e9 + k).
const std::vector<std::vector<double>> small{{3.0, 1.0, 4.0, 1.0, 5.0, 9.0},
                                             {2.0, NaN, 2.0, 2.0, -1.0, 0.5},
                                             {NaN, NaN, 7.0, NaN, NaN, NaN},
                                             {-0.0, 0.0, 1.5, -2.5, 100.0, 1.5},
                                             {1e9 + 1, 1e9 + 2, 1e9 + 3, 1e9 + 4, NaN, 1e9 + 5}};

// ---- naive references (one date at a time) ------------------------------------------------

std::vector<double> finite(const alpha::panel<double>& x, std::size_t t) {
  std::vector<double> v;
  for (std::size_t j = 0; j < x.cols(); ++j)
    if (std::isfinite(x(t, j))) v.push_back(x(t, j));
  return v;
}

// Applies `f(row values, finite values) -> output row` to each date.
alpha::panel<double> per_date(const alpha::panel<double>& x,
                              const std::function<std::vector<double>(
                                  const std::vector<double>&, const std::vector<double>&)>& f) {
  alpha::panel<double> out(x.shared_index(), x.shared_assets());
  for (std::size_t t = 0; t < x.rows(); ++t) {
    std::vector<double> row(x.cols());
    for (std::size_t j = 0; j < x.cols(); ++j) row[j] = x(t, j);
    const std::vector<double> y = f(row, finite(x, t));
    for (std::size_t j = 0; j < x.cols(); ++j) out(t, j) = y[j];
  }
  return out;
}

long double mean_ld(const std::vector<double>& v) {
  long double s = 0;
  for (double a : v) s += a;
  return s / static_cast<long double>(v.size());
}
long double sd_ld(const std::vector<double>& v, std::size_t ddof) {
  const long double m = mean_ld(v);
  long double s = 0;
  for (double a : v) s += (a - m) * (a - m);
  return std::sqrt(s / static_cast<long double>(v.size() - ddof));
}
// Sort-based linear quantile (numpy 'linear').
double quantile_sorted(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const double h = q * static_cast<double>(v.size() - 1);
  const auto k = static_cast<std::size_t>(std::floor(h));
  if (k + 1 >= v.size()) return v.back();
  return v[k] + (h - static_cast<double>(k)) * (v[k + 1] - v[k]);
}
double median_sorted(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

std::vector<double> nan_row(std::size_t n) { return std::vector<double>(n, NaN); }

alpha::panel<double> naive_zscore(const alpha::panel<double>& x, std::size_t ddof,
                                  std::size_t min_count) {
  return per_date(x, [&](const std::vector<double>& row, const std::vector<double>& v) {
    if (v.size() < min_count) return nan_row(row.size());
    const long double m = mean_ld(v), s = sd_ld(v, ddof);
    std::vector<double> y(row.size(), NaN);
    if (s == 0) return y;
    for (std::size_t j = 0; j < row.size(); ++j)
      if (std::isfinite(row[j])) y[j] = static_cast<double>((row[j] - m) / s);
    return y;
  });
}

alpha::panel<double> naive_rank(const alpha::panel<double>& x, bool pct, bool ascending) {
  return per_date(x, [&](const std::vector<double>& row, const std::vector<double>& v) {
    std::vector<double> y(row.size(), NaN);
    for (std::size_t j = 0; j < row.size(); ++j) {
      if (!std::isfinite(row[j])) continue;
      double less = 0, equal = 0;  // O(N^2) counting: average rank = less + (equal + 1) / 2
      for (double a : v) {
        less += ascending ? (a < row[j]) : (a > row[j]);
        equal += (a == row[j]);
      }
      y[j] = (less + (equal + 1) / 2) / (pct ? static_cast<double>(v.size()) : 1.0);
    }
    return y;
  });
}

}  // namespace

// ---- pandas 1.5.3 values --------------------------------------------------------------------
// Computed offline with /usr/bin/python3 (pandas 1.5.3) on `small`:
//   df.rank(axis=1), df.rank(axis=1, pct=True), df.rank(axis=1, ascending=False),
//   df.sub(df.mean(axis=1), axis=0).div(df.std(axis=1[, ddof=0]), axis=0),
//   df.clip(df.quantile(0.1, axis=1), df.quantile(0.85, axis=1), axis=0).
// Differences: a one-value date is NaN for pandas' z-score (std of one value is NaN) and here
// (min_count 2); the clip of the one-value date keeps the value in both.

TEST(CrossSectionPandas, RankAverageTies) {
  expect_rows(xs::rank(from_rows(small)),
              {{3.0, 1.5, 4.0, 1.5, 5.0, 6.0},
               {4.0, NaN, 4.0, 4.0, 1.0, 2.0},
               {NaN, NaN, 1.0, NaN, NaN, NaN},
               {2.5, 2.5, 4.5, 1.0, 6.0, 4.5},
               {1.0, 2.0, 3.0, 4.0, NaN, 5.0}},
              0);
  expect_rows(xs::rank(from_rows(small), {.ascending = false}),
              {{4.0, 5.5, 3.0, 5.5, 2.0, 1.0},
               {2.0, NaN, 2.0, 2.0, 5.0, 4.0},
               {NaN, NaN, 1.0, NaN, NaN, NaN},
               {4.5, 4.5, 2.5, 6.0, 1.0, 2.5},
               {5.0, 4.0, 3.0, 2.0, NaN, 1.0}},
              0);
}

TEST(CrossSectionPandas, Percentile) {
  expect_rows(xs::percentile(from_rows(small)),
              {{0.5, 0.25, 0.6666666666666666, 0.25, 0.8333333333333334, 1.0},
               {0.8, NaN, 0.8, 0.8, 0.2, 0.4},
               {NaN, NaN, 1.0, NaN, NaN, NaN},
               {0.4166666666666667, 0.4166666666666667, 0.75, 0.16666666666666666, 1.0, 0.75},
               {0.2, 0.4, 0.6, 0.8, NaN, 1.0}},
              1e-15);
}

TEST(CrossSectionPandas, Zscore) {
  expect_rows(xs::zscore(from_rows(small)),
              {{-0.27829361439251193, -0.9461982889345404, 0.05565872287850232, -0.9461982889345404,
                0.3896110601495166, 1.7254204092335734},
               {0.6708203932499368, NaN, 0.6708203932499368, 0.6708203932499368,
                -1.5652475842498528, -0.447213595499958},
               {NaN, NaN, NaN, NaN, NaN, NaN},
               {-0.4104362891270875, -0.4104362891270875, -0.37368080054854236, -0.4716954367579961,
                2.039929616109256, -0.37368080054854236},
               {-1.2649110640673518, -0.6324555320336759, 0.0, 0.6324555320336759, NaN,
                1.2649110640673518}},
              1e-14);
  expect_rows(
      xs::zscore(from_rows(small), {.ddof = 0}),
      {{-0.3048553804248463, -1.0365082934444771, 0.06097107608496919, -1.0365082934444771,
        0.42679753259478465, 1.8901033586340463},
       {0.75, NaN, 0.75, 0.75, -1.7500000000000002, -0.5000000000000001},
       {NaN, NaN, NaN, NaN, NaN, NaN},
       {-0.4496104279472364, -0.4496104279472364, -0.409346807534051, -0.516716461969212,
        2.2346309329317866, -0.409346807534051},
       {-1.414213562373095, -0.7071067811865475, 0.0, 0.7071067811865475, NaN, 1.414213562373095}},
      1e-14);
}

TEST(CrossSectionPandas, WinsorizeQuantile) {
  expect_rows(xs::winsorize_quantile(from_rows(small), {.lower = 0.1, .upper = 0.85}),
              {{3.0, 1.0, 4.0, 1.0, 5.0, 6.0},
               {2.0, NaN, 2.0, 2.0, -0.3999999999999999, 0.5},
               {NaN, NaN, 7.0, NaN, NaN, NaN},
               {-0.0, 0.0, 1.5, -1.25, 26.125, 1.5},
               {1000000001.4, 1000000002.0, 1000000003.0, 1000000004.0, NaN, 1000000004.4}},
              1e-15);
}

// ---- naive references on random panels --------------------------------------------------------
// 1100 x 64 cells: more than one block of dates, above the parallel threshold, N >= 48 (radix
// sort path); 10 % NaN and 20 % values rounded to one decimal (ties).

class CrossSectionNaive : public ::testing::TestWithParam<std::size_t> {
 protected:
  alpha::panel<double> x = random_panel(1100, GetParam(), 42 + GetParam());
};

TEST_P(CrossSectionNaive, DemeanAndZscore) {
  expect_panels(xs::demean(x),
                per_date(x,
                         [](const auto& row, const auto& v) {
                           std::vector<double> y(row.size(), NaN);
                           if (v.empty()) return y;
                           const long double m = mean_ld(v);
                           for (std::size_t j = 0; j < row.size(); ++j)
                             if (std::isfinite(row[j])) y[j] = static_cast<double>(row[j] - m);
                           return y;
                         }),
                1e-13);
  expect_panels(xs::zscore(x), naive_zscore(x, 1, 2), 1e-13);
  expect_panels(xs::zscore(x, {.ddof = 0, .min_count = 5}), naive_zscore(x, 0, 5), 1e-13);
}

TEST_P(CrossSectionNaive, MinMax) {
  expect_panels(xs::min_max_scale(x),
                per_date(x,
                         [](const auto& row, const auto& v) {
                           std::vector<double> y(row.size(), NaN);
                           if (v.size() < 2) return y;
                           const double lo = *std::min_element(v.begin(), v.end());
                           const double hi = *std::max_element(v.begin(), v.end());
                           if (hi == lo) return y;
                           for (std::size_t j = 0; j < row.size(); ++j)
                             if (std::isfinite(row[j])) y[j] = (row[j] - lo) / (hi - lo);
                           return y;
                         }),
                1e-15);
}

TEST_P(CrossSectionNaive, RankAndPercentile) {
  expect_panels(xs::rank(x), naive_rank(x, false, true), 0);
  expect_panels(xs::rank(x, {.ascending = false}), naive_rank(x, false, false), 0);
  expect_panels(xs::percentile(x), naive_rank(x, true, true), 1e-15);
}

TEST_P(CrossSectionNaive, WinsorizeQuantile) {
  for (const auto& [lo, hi] :
       {std::pair{0.01, 0.99}, std::pair{0.25, 0.5}, std::pair{0.0, 1.0}, std::pair{0.3, 0.3}}) {
    expect_panels(xs::winsorize_quantile(x, {.lower = lo, .upper = hi}),
                  per_date(x,
                           [&](const auto& row, const auto& v) {
                             std::vector<double> y(row.size(), NaN);
                             if (v.empty()) return y;
                             const double a = quantile_sorted(v, lo), b = quantile_sorted(v, hi);
                             for (std::size_t j = 0; j < row.size(); ++j)
                               if (std::isfinite(row[j])) y[j] = std::clamp(row[j], a, b);
                             return y;
                           }),
                  1e-15);
  }
}

TEST_P(CrossSectionNaive, WinsorizeSigmaAndMad) {
  expect_panels(xs::winsorize_sigma(x, {.k = 1.5}),
                per_date(x,
                         [](const auto& row, const auto& v) {
                           std::vector<double> y(row.size(), NaN);
                           if (v.size() < 2) return y;
                           const auto m = static_cast<double>(mean_ld(v));
                           const auto s = static_cast<double>(sd_ld(v, 1));
                           for (std::size_t j = 0; j < row.size(); ++j)
                             if (std::isfinite(row[j]))
                               y[j] = std::clamp(row[j], m - 1.5 * s, m + 1.5 * s);
                           return y;
                         }),
                1e-14);
  for (const double scale : {1.4826, 1.0})
    expect_panels(xs::mad_clip(x, {.k = 2.0, .scale = scale}),
                  per_date(x,
                           [&](const auto& row, const auto& v) {
                             std::vector<double> y(row.size(), NaN);
                             if (v.empty()) return y;
                             const double med = median_sorted(v);
                             std::vector<double> dev;
                             for (double a : v) dev.push_back(std::fabs(a - med));
                             const double h = 2.0 * scale * median_sorted(dev);
                             for (std::size_t j = 0; j < row.size(); ++j)
                               if (std::isfinite(row[j]))
                                 y[j] = h > 0 ? std::clamp(row[j], med - h, med + h) : row[j];
                             return y;
                           }),
                  1e-15);
}

INSTANTIATE_TEST_SUITE_P(Widths, CrossSectionNaive, ::testing::Values(7, 64, 301));

// ---- forms, determinism, NaN and count rules ---------------------------------------------------

TEST(CrossSectionForms, InPlaceEqualsCopyAndSerialEqualsParallel) {
  const alpha::panel<double> x = random_panel(2100, 40, 7);
  const auto check = [&](auto copy_fn, auto in_place_fn, auto params) {
    alpha::panel<double> y = x;
    in_place_fn(y, params);
    auto serial = params;
    serial.parallel = false;
    const alpha::panel<double> a = copy_fn(x, params), b = copy_fn(x, serial);
    EXPECT_TRUE(a.same_shape(x));
    expect_panels(y, a, 0);
    expect_panels(b, a, 0);  // bit-equal whatever the schedule
  };
  check([](const auto& p, auto q) { return xs::zscore(p, q); },
        [](auto& p, auto q) { xs::zscore_in_place(p, q); }, xs::zscore_params{});
  check([](const auto& p, auto q) { return xs::demean(p, q); },
        [](auto& p, auto q) { xs::demean_in_place(p, q); }, xs::demean_params{});
  check([](const auto& p, auto q) { return xs::min_max_scale(p, q); },
        [](auto& p, auto q) { xs::min_max_scale_in_place(p, q); }, xs::min_max_params{});
  check([](const auto& p, auto q) { return xs::rank(p, q); },
        [](auto& p, auto q) { xs::rank_in_place(p, q); }, xs::rank_params{});
  check([](const auto& p, auto q) { return xs::percentile(p, q); },
        [](auto& p, auto q) { xs::percentile_in_place(p, q); }, xs::rank_params{});
  check([](const auto& p, auto q) { return xs::winsorize_quantile(p, q); },
        [](auto& p, auto q) { xs::winsorize_quantile_in_place(p, q); }, xs::quantile_clip_params{});
  check([](const auto& p, auto q) { return xs::winsorize_sigma(p, q); },
        [](auto& p, auto q) { xs::winsorize_sigma_in_place(p, q); }, xs::sigma_clip_params{});
  check([](const auto& p, auto q) { return xs::mad_clip(p, q); },
        [](auto& p, auto q) { xs::mad_clip_in_place(p, q); }, xs::mad_clip_params{});
}

TEST(CrossSectionRules, NanDoesNotDistortTheOthers) {
  // A NaN (or inf) cell gives the same results for the other assets as dropping that asset.
  const std::vector<std::vector<double>> with{{1, NaN, 4, 2, 8}, {5, 3, INFINITY, -1, 0}};
  const std::vector<std::vector<double>> without{{1, 4, 2, 8}, {5, 3, -1, 0}};
  const auto a = xs::zscore(from_rows(with)), b = xs::zscore(from_rows(without));
  const auto ra = xs::rank(from_rows(with)), rb = xs::rank(from_rows(without));
  for (std::size_t t = 0; t < 2; ++t) {
    const std::size_t skip = t == 0 ? 1 : 2;
    EXPECT_TRUE(std::isnan(a(t, skip)));
    EXPECT_TRUE(std::isnan(ra(t, skip)));
    for (std::size_t j = 0, k = 0; j < 5; ++j) {
      if (j == skip) continue;
      EXPECT_EQ(a(t, j), b(t, k));
      EXPECT_EQ(ra(t, j), rb(t, k));
      ++k;
    }
  }
}

TEST(CrossSectionRules, MinCountBlanksTheDate) {
  const auto x = from_rows({{1, 2, NaN, NaN}, {1, 2, 3, NaN}, {NaN, NaN, NaN, NaN}});
  const auto r = xs::rank(x, {.min_count = 3});
  for (std::size_t j = 0; j < 4; ++j) {
    EXPECT_TRUE(std::isnan(r(0, j)));
    EXPECT_TRUE(std::isnan(r(2, j)));
  }
  EXPECT_EQ(r(1, 0), 1.0);
  EXPECT_EQ(r(1, 2), 3.0);
  const auto z = xs::zscore(x, {.min_count = 3});
  EXPECT_TRUE(std::isnan(z(0, 0)));
  EXPECT_DOUBLE_EQ(z(1, 0), -1.0);  // (1 - 2) / 1
  const auto m = xs::demean(x);     // min_count 1: the 2-value date is kept
  EXPECT_EQ(m(0, 0), -0.5);
  EXPECT_TRUE(std::isnan(m(2, 0)));
}

TEST(CrossSectionRules, DegenerateDates) {
  const auto x = from_rows({{2, 2, 2, NaN}, {1, 1, 1, 50}});
  const auto z = xs::zscore(x);
  const auto mm = xs::min_max_scale(x);
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_TRUE(std::isnan(z(0, j)));   // sd 0 -> NaN (0/0, as pandas)
    EXPECT_TRUE(std::isnan(mm(0, j)));  // range 0 -> NaN
  }
  // MAD of {1, 1, 1, 50} is 0: the date is left unchanged (documented), sigma clip clips.
  const auto c = xs::mad_clip(x);
  EXPECT_EQ(c(1, 3), 50.0);
  const auto s = xs::winsorize_sigma(x, {.k = 1.0});
  // mean 13.25, sample sd 24.5 -> upper bound 37.75 (hand computation).
  EXPECT_DOUBLE_EQ(s(1, 3), 13.25 + 24.5);
  EXPECT_EQ(s(1, 0), 1.0);
}

TEST(CrossSectionRules, BadParameters) {
  const auto x = from_rows({{1, 2, 3}});
  EXPECT_THROW((void)xs::zscore(x, {.ddof = 2, .min_count = 2}), alpha::config_error);
  EXPECT_THROW((void)xs::demean(x, {.min_count = 0}), alpha::config_error);
  EXPECT_THROW((void)xs::rank(x, {.min_count = 0}), alpha::config_error);
  EXPECT_THROW((void)xs::winsorize_quantile(x, {.lower = 0.6, .upper = 0.4}), alpha::config_error);
  EXPECT_THROW((void)xs::winsorize_quantile(x, {.lower = -0.1}), alpha::config_error);
  EXPECT_THROW((void)xs::winsorize_quantile(x, {.upper = NaN}), alpha::config_error);
  EXPECT_THROW((void)xs::winsorize_sigma(x, {.k = 0}), alpha::config_error);
  EXPECT_THROW((void)xs::mad_clip(x, {.scale = -1}), alpha::config_error);
  EXPECT_THROW((void)xs::min_max_scale(x, {.min_count = 1}), alpha::config_error);
}

TEST(CrossSectionRules, EmptyPanels) {
  const alpha::panel<double> e(alpha_test::xs::days(0), alpha_test::xs::assets(3));
  EXPECT_EQ(xs::rank(e).rows(), 0u);
  const alpha::panel<double> f(alpha_test::xs::days(4), alpha_test::xs::assets(0));
  EXPECT_EQ(xs::zscore(f).cols(), 0u);
}

TEST(CrossSectionRules, RankExtremeRows) {
  // Rows that defeat bucketing: one huge outlier (every other value in one bucket), a range that
  // overflows a double, a subnormal range, all ties, many ties; 40+ values (bucket path).
  std::vector<std::vector<double>> rows(5, std::vector<double>(60));
  for (std::size_t j = 0; j < 60; ++j) {
    const double u = std::sin(static_cast<double>(j) * 1.7);  // distinct values in [-1, 1]
    rows[0][j] = j == 7 ? 1e300 : u;
    rows[1][j] = j == 3 ? -1.7e308 : (j == 9 ? 1.7e308 : u);
    rows[2][j] = std::numeric_limits<double>::denorm_min() * static_cast<double>(j % 13);
    rows[3][j] = 2.5;
    rows[4][j] = std::round(u * 3);
  }
  const auto x = from_rows(rows);
  expect_panels(xs::rank(x), naive_rank(x, false, true), 0);
  expect_panels(xs::percentile(x, {.ascending = false}), naive_rank(x, true, false), 1e-15);
}

TEST(CrossSectionRules, QuantileAndMadOnExtremeRows) {
  // 80-value rows (histogram selection path) with one huge outlier, an overflowing range, many
  // ties and a subnormal range, against full sorts.
  std::vector<std::vector<double>> rows(4, std::vector<double>(80));
  for (std::size_t j = 0; j < 80; ++j) {
    const double u = std::cos(static_cast<double>(j) * 2.3);
    rows[0][j] = j == 11 ? 1e300 : u;
    rows[1][j] = j == 5 ? -1.7e308 : (j == 6 ? 1.7e308 : u);
    rows[2][j] = std::round(u * 2);
    rows[3][j] = std::numeric_limits<double>::denorm_min() * static_cast<double>(j % 7);
  }
  const auto x = from_rows(rows);
  const auto wq = xs::winsorize_quantile(x, {.lower = 0.13, .upper = 0.77});
  const auto mc = xs::mad_clip(x, {.k = 1.0});
  for (std::size_t t = 0; t < 4; ++t) {
    const double a = quantile_sorted(rows[t], 0.13), b = quantile_sorted(rows[t], 0.77);
    const double med = median_sorted(rows[t]);
    std::vector<double> dev;
    for (double v : rows[t]) dev.push_back(std::fabs(v - med));
    const double h = 1.4826 * median_sorted(dev);
    for (std::size_t j = 0; j < 80; ++j) {
      EXPECT_TRUE(alpha_test::xs::near(wq(t, j), std::clamp(rows[t][j], a, b), 1e-15)) << t;
      const double e = h > 0 ? std::clamp(rows[t][j], med - h, med + h) : rows[t][j];
      EXPECT_TRUE(alpha_test::xs::near(mc(t, j), e, 1e-15)) << t << " " << j;
    }
  }
}
