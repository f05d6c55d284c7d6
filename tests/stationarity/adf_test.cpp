// Augmented Dickey-Fuller: statsmodels 0.13.5 adfuller on log S&P 500 and its FFD series (the
// shared reference table), an independent long-double normal-equations implementation of the
// adfuller algorithm for the other regressions and lag rules, MacKinnon's surfaces, bad input.
#include "alpha/features/stationarity/adf.hpp"

#include "alpha/core/error.hpp"
#include "alpha/features/stationarity/ffd.hpp"
#include "alpha/features/stationarity/mackinnon.hpp"

#include "stationarity/reference.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace af = alpha::features;

namespace {

double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

// The MacKinnon p-value is a smooth function of the statistic; compare relatively, with an
// absolute floor (tiny p-values differ relatively as much as the statistics do, times |dlogp/dt|).
void expect_p(double got, double ref, const std::string& what) {
  if (ref == 0.0 || ref == 1.0) {
    EXPECT_EQ(got, ref) << what;
    return;
  }
  EXPECT_LT(rel(got, ref), 1e-8) << what << ": " << got << " vs " << ref;
}

}  // namespace

TEST(AdfReference, StatsmodelsOnLogSp500AndFfd) {
  ALPHA_REQUIRE_SHARED_FILE(series_path, "reference/adf_ffd/ffd_series_sp500_SPX.csv");
  ALPHA_REQUIRE_SHARED_FILE(results_path, "reference/adf_ffd/adf_results_sp500.csv");
  const auto series = alpha_test::read_csv(series_path);
  const auto res = alpha_test::read_csv(results_path);
  ASSERT_EQ(res.rows(), 11U);
  for (std::size_t r = 0; r < res.rows(); ++r) {
    const std::string name = res.text.at("transform")[r];
    const std::vector<double>& col = series.col(name);
    const std::vector<double> x = alpha_test::defined(col);
    ASSERT_EQ(static_cast<double>(x.size()), res.col("n_valid")[r]) << name;
    ASSERT_TRUE(col[static_cast<std::size_t>(res.col("first_valid_row")[r])] == x.front());
    // adfuller(x, regression='c', autolag='AIC')
    const af::adf_result a = af::adf_test(x);
    EXPECT_LT(rel(a.statistic, res.col("adf_aic_stat")[r]), 1e-9) << name << ": " << a.statistic;
    expect_p(a.p_value, res.col("adf_aic_pvalue")[r], name + " p-value");
    EXPECT_EQ(static_cast<double>(a.used_lag), res.col("adf_aic_usedlag")[r]) << name;
    EXPECT_EQ(static_cast<double>(a.nobs), res.col("adf_aic_nobs")[r]) << name;
    EXPECT_EQ(a.nobs, x.size() - 1 - a.used_lag);
    EXPECT_LT(rel(a.critical_values[0], res.col("adf_aic_crit1")[r]), 1e-14) << name;
    EXPECT_LT(rel(a.critical_values[1], res.col("adf_aic_crit5")[r]), 1e-14) << name;
    EXPECT_LT(rel(a.critical_values[2], res.col("adf_aic_crit10")[r]), 1e-14) << name;
    EXPECT_LT(rel(a.icbest, res.col("adf_aic_icbest")[r]), 1e-12) << name;
    // Schwert's maxlag: ceil(12 (n/100)^(1/4)) (33 for n = 5105).
    EXPECT_EQ(a.max_lag, static_cast<std::size_t>(std::ceil(
                             12.0 * std::pow(static_cast<double>(x.size()) / 100.0, 0.25))));
    // adfuller(x, maxlag=1, regression='c', autolag=None)
    const af::adf_result b = af::adf_test(
        x, {.regression = af::adf_regression::c, .autolag = af::adf_autolag::none, .maxlag = 1});
    EXPECT_LT(rel(b.statistic, res.col("adf_lag1_stat")[r]), 1e-9) << name << ": " << b.statistic;
    expect_p(b.p_value, res.col("adf_lag1_pvalue")[r], name + " lag-1 p-value");
    EXPECT_EQ(static_cast<double>(b.used_lag), res.col("adf_lag1_usedlag")[r]) << name;
    EXPECT_EQ(static_cast<double>(b.nobs), res.col("adf_lag1_nobs")[r]) << name;
    EXPECT_LT(rel(b.critical_values[0], res.col("adf_lag1_crit1")[r]), 1e-14) << name;
    EXPECT_LT(rel(b.critical_values[1], res.col("adf_lag1_crit5")[r]), 1e-14) << name;
    EXPECT_LT(rel(b.critical_values[2], res.col("adf_lag1_crit10")[r]), 1e-14) << name;
    EXPECT_TRUE(std::isnan(b.icbest));
  }
}

TEST(AdfReference, OwnFfdPipelineOnLogSp500) {
  // The whole chain from the raw prices: log(close) -> FFD (d = 0.4, tau = 1e-4) -> ADF.
  ALPHA_REQUIRE_SHARED_FILE(data, "data/sp500_ohlcv_2000_2020.csv");
  ALPHA_REQUIRE_SHARED_FILE(results_path, "reference/adf_ffd/adf_results_sp500.csv");
  const auto res = alpha_test::read_csv(results_path);
  std::vector<double> logp;
  const auto table = alpha_test::read_csv(data);  // (a named table: col() refers into it)
  for (double c : table.col("close")) logp.push_back(std::log(c));
  const auto y = alpha_test::defined(af::frac_diff_ffd_series(logp, {.d = 0.4}));
  const std::size_t r = 4;  // ffd_d0.4
  ASSERT_EQ(res.text.at("transform")[r], "ffd_d0.4");
  const af::adf_result a = af::adf_test(y);
  EXPECT_LT(rel(a.statistic, res.col("adf_aic_stat")[r]), 1e-6);  // the tolerance
  EXPECT_EQ(static_cast<double>(a.used_lag), res.col("adf_aic_usedlag")[r]);
  EXPECT_TRUE(a.rejects_at(0.01));  // -3.44 < -3.43
  EXPECT_FALSE(af::adf_test(logp).rejects_at(0.10));
}

// ---- an independent implementation --------------------------------------------------------

namespace {

using ld = long double;

// OLS by the normal equations in long double (Gauss-Jordan inverse of X'X with partial pivoting).
struct naive_ols {
  ld ssr = 0;
  std::vector<ld> beta, se;
};

naive_ols ols(const std::vector<std::vector<ld>>& cols, const std::vector<ld>& y) {
  const std::size_t p = cols.size(), n = y.size();
  std::vector<std::vector<ld>> a(p, std::vector<ld>(2 * p, 0));
  std::vector<ld> xty(p, 0);
  for (std::size_t i = 0; i < p; ++i) {
    for (std::size_t j = 0; j < p; ++j)
      for (std::size_t t = 0; t < n; ++t) a[i][j] += cols[i][t] * cols[j][t];
    a[i][p + i] = 1;
    for (std::size_t t = 0; t < n; ++t) xty[i] += cols[i][t] * y[t];
  }
  for (std::size_t c = 0; c < p; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < p; ++r)
      if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
    std::swap(a[c], a[piv]);
    const ld d = a[c][c];
    for (auto& v : a[c]) v /= d;
    for (std::size_t r = 0; r < p; ++r)
      if (r != c) {
        const ld f = a[r][c];
        for (std::size_t k = 0; k < 2 * p; ++k) a[r][k] -= f * a[c][k];
      }
  }
  naive_ols o;
  o.beta.assign(p, 0);
  for (std::size_t i = 0; i < p; ++i)
    for (std::size_t j = 0; j < p; ++j) o.beta[i] += a[i][p + j] * xty[j];
  for (std::size_t t = 0; t < n; ++t) {
    ld e = y[t];
    for (std::size_t i = 0; i < p; ++i) e -= o.beta[i] * cols[i][t];
    o.ssr += e * e;
  }
  const ld s2 = o.ssr / static_cast<ld>(n - p);
  for (std::size_t i = 0; i < p; ++i) o.se.push_back(std::sqrt(s2 * a[i][p + i]));
  return o;
}

// The regressors of lag p on rows t = start..n-2 (statsmodels' column order: deterministic terms,
// level, lags), and the response.
void dickey_fuller(const std::vector<double>& x, std::size_t start, std::size_t p, int ndet,
                   std::vector<std::vector<ld>>& cols, std::vector<ld>& y) {
  const std::size_t rows = x.size() - 1 - start;
  cols.assign(static_cast<std::size_t>(ndet) + 1 + p, std::vector<ld>(rows));
  y.assign(rows, 0);
  for (std::size_t r = 0; r < rows; ++r) {
    const std::size_t t = start + r;
    std::size_t c = 0;
    if (ndet >= 1) cols[c++][r] = 1;
    if (ndet >= 2) cols[c++][r] = static_cast<ld>(r + 1);
    cols[c++][r] = x[t];
    for (std::size_t k = 1; k <= p; ++k) cols[c++][r] = static_cast<ld>(x[t + 1 - k]) - x[t - k];
    y[r] = static_cast<ld>(x[t + 1]) - x[t];
  }
}

struct naive_adf {
  double stat = 0, icbest = alpha::nan;
  std::size_t lag = 0;
};

naive_adf naive_adfuller(const std::vector<double>& x, int ndet, af::adf_autolag rule,
                         std::size_t maxlag) {
  naive_adf out;
  std::vector<std::vector<ld>> cols;
  std::vector<ld> y;
  std::size_t lag = maxlag;
  if (rule != af::adf_autolag::none) {
    std::vector<ld> ic(maxlag + 1), tlast(maxlag + 1);
    for (std::size_t p = 0; p <= maxlag; ++p) {
      dickey_fuller(x, maxlag, p, ndet, cols, y);  // common sample
      const naive_ols o = ols(cols, y);
      const ld n = static_cast<ld>(y.size()), k = static_cast<ld>(cols.size());
      const ld llf = -n / 2 * (std::log(2 * 3.14159265358979323846L) + std::log(o.ssr / n) + 1);
      ic[p] = -2 * llf + (rule == af::adf_autolag::aic ? 2 * k : std::log(n) * k);
      tlast[p] = o.beta.back() / o.se.back();
    }
    if (rule == af::adf_autolag::t_stat) {
      lag = 0;
      out.icbest = static_cast<double>(std::abs(tlast[0]));
      for (std::size_t p = maxlag + 1; p-- > 0;)
        if (std::abs(tlast[p]) >= 1.6448536269514722L) {
          lag = p;
          out.icbest = static_cast<double>(std::abs(tlast[p]));
          break;
        }
    } else {
      lag = static_cast<std::size_t>(std::min_element(ic.begin(), ic.end()) - ic.begin());
      out.icbest = static_cast<double>(ic[lag]);
    }
  }
  dickey_fuller(x, lag, lag, ndet, cols, y);
  const naive_ols o = ols(cols, y);
  const std::size_t level = static_cast<std::size_t>(ndet);
  out.stat = static_cast<double>(o.beta[level] / o.se[level]);
  out.lag = lag;
  return out;
}

// A stationary process around a trend: x_t = scale (100 + 0.02 t + u_t), u_t = 0.97 u_{t-1} + e_t +
// 0.3 e_{t-1} (stationary around the trend, with serial correlation for the lags to pick up).
std::vector<double> trend_ar(std::size_t n, std::uint64_t seed, double scale) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  std::vector<double> x(n);
  double u = 0, e_prev = 0;
  for (std::size_t t = 0; t < n; ++t) {
    const double e = z(gen);
    u = 0.97 * u + e + 0.3 * e_prev;
    e_prev = e;
    x[t] = scale * (0.02 * static_cast<double>(t) + u + 100.0);
  }
  return x;
}

}  // namespace

TEST(AdfNaive, EveryRegressionAndLagRule) {
  for (std::uint64_t seed : {1ULL, 2ULL})
    for (af::adf_regression reg :
         {af::adf_regression::n, af::adf_regression::c, af::adf_regression::ct})
      for (af::adf_autolag rule : {af::adf_autolag::none, af::adf_autolag::aic,
                                   af::adf_autolag::bic, af::adf_autolag::t_stat}) {
        const std::vector<double> x = trend_ar(1500, seed, seed == 1 ? 1.0 : 1e-3);
        const int ndet = reg == af::adf_regression::n ? 0 : reg == af::adf_regression::c ? 1 : 2;
        const std::size_t maxlag = 8;
        const af::adf_result got =
            af::adf_test(x, {.regression = reg, .autolag = rule, .maxlag = maxlag});
        const naive_adf ref = naive_adfuller(x, ndet, rule, maxlag);
        const std::string what = std::string(af::to_string(reg)) + " rule " +
                                 std::to_string(static_cast<int>(rule)) + " seed " +
                                 std::to_string(seed);
        EXPECT_EQ(got.used_lag, ref.lag) << what;
        EXPECT_LT(rel(got.statistic, ref.stat), 1e-9)
            << what << ": " << got.statistic << " vs " << ref.stat;
        EXPECT_EQ(got.nobs, x.size() - 1 - got.used_lag) << what;
        if (rule == af::adf_autolag::none)
          EXPECT_TRUE(std::isnan(got.icbest)) << what;
        else
          EXPECT_LT(rel(got.icbest, ref.icbest), 1e-9) << what;
        EXPECT_EQ(got.p_value, af::mackinnon_p(got.statistic, reg)) << what;
      }
}

TEST(AdfNaive, LongTrendingSeriesKeepsPrecision) {
  // 'ct' on 20,000 points: the trend column reaches 2e4 next to a level (~100 + 0.02 t) that
  // follows it closely (normal equations in double lose about twice the digits QR does).
  const std::vector<double> x = trend_ar(20000, 7, 1.0);
  const af::adf_result got = af::adf_test(
      x, {.regression = af::adf_regression::ct, .autolag = af::adf_autolag::none, .maxlag = 4});
  const naive_adf ref = naive_adfuller(x, 2, af::adf_autolag::none, 4);
  EXPECT_LT(rel(got.statistic, ref.stat), 1e-10) << got.statistic << " vs " << ref.stat;
}

// ---- MacKinnon --------------------------------------------------------------------------------

TEST(MacKinnon, SurfacesAgreeAtTheCriticalValues) {
  // The 1994 p-value surface at the 2010 asymptotic critical values (beta_inf, MacKinnon 2010
  // Table 2: -3.43035 / -2.86154 / -2.56677 for 'c') gives back about 1 %, 5 %, 10 %: two
  // independent tables checking each other (a typo in either shows here).
  const double levels[] = {0.01, 0.05, 0.10};
  for (af::adf_regression reg :
       {af::adf_regression::n, af::adf_regression::c, af::adf_regression::ct}) {
    const auto crit = af::mackinnon_crit(reg, 0);
    for (std::size_t i = 0; i < 3; ++i)
      EXPECT_NEAR(af::mackinnon_p(crit[i], reg), levels[i], 0.02 * levels[i])
          << af::to_string(reg) << " " << levels[i];
  }
  EXPECT_EQ(af::mackinnon_crit(af::adf_regression::c, 0)[1], -2.86154);
  // Finite sample: c(T) = b_inf + b1/T + b2/T^2 + b3/T^3; 'ct' at 1 % and T = 100:
  // -3.95877 - 9.0531/100 - 28.428/1e4 - 134.155/1e6 = -4.052245...
  EXPECT_NEAR(af::mackinnon_crit(af::adf_regression::ct, 100)[0],
              -3.95877 - 0.090531 - 0.0028428 - 0.000134155, 1e-14);
  // Out of the surface's range: 1 above tau_max, 0 below tau_min; 'n' has no upper bound.
  EXPECT_EQ(af::mackinnon_p(2.75, af::adf_regression::c), 1.0);
  EXPECT_EQ(af::mackinnon_p(-18.84, af::adf_regression::c), 0.0);
  EXPECT_EQ(af::mackinnon_p(0.71, af::adf_regression::ct), 1.0);
  EXPECT_LT(af::mackinnon_p(5.0, af::adf_regression::n), 1.0);
  EXPECT_TRUE(std::isnan(af::mackinnon_p(alpha::nan, af::adf_regression::c)));
  // Monotone in the statistic, and continuous at tau_star (small-p and large-p polynomials meet
  // there to within the surfaces' accuracy).
  double prev = 0.0;
  for (double t = -18.8; t < 2.7; t += 0.01) {
    const double p = af::mackinnon_p(t, af::adf_regression::c);
    EXPECT_GE(p, prev) << t;
    prev = p;
  }
  EXPECT_NEAR(af::mackinnon_p(-1.61, af::adf_regression::c),
              af::mackinnon_p(-1.6099999, af::adf_regression::c), 2e-3);
}

// ---- bad input ---------------------------------------------------------------------------------

TEST(AdfErrors, BadInput) {
  std::vector<double> x = trend_ar(200, 3, 1.0);
  // maxlag cap: n/2 - ntrend - 1 = 98 for 'c'
  EXPECT_NO_THROW((void)af::adf_test(x, {.autolag = af::adf_autolag::none, .maxlag = 98}));
  EXPECT_THROW((void)af::adf_test(x, {.autolag = af::adf_autolag::none, .maxlag = 99}),
               alpha::config_error);
  EXPECT_THROW((void)af::adf_test(x, {.regression = af::adf_regression::ct, .maxlag = 98}),
               alpha::config_error);
  EXPECT_THROW((void)af::adf_test(std::vector<double>{1, 2, 1}), alpha::config_error);
  EXPECT_THROW((void)af::adf_test(std::vector<double>(50, 3.0)), alpha::data_error);
  std::vector<double> bad = x;
  bad[17] = alpha::nan;
  try {
    (void)af::adf_test(bad);
    ADD_FAILURE() << "no throw";
  } catch (const alpha::data_error& e) {
    EXPECT_NE(std::string(e.what()).find("value 17"), std::string::npos) << e.what();
  }
  bad[17] = std::numeric_limits<double>::infinity();
  EXPECT_THROW((void)af::adf_test(bad), alpha::data_error);
  // A straight line: the lagged differences are constant, collinear with the constant.
  std::vector<double> line(100);
  for (std::size_t i = 0; i < line.size(); ++i) line[i] = 2.0 * static_cast<double>(i);
  EXPECT_THROW((void)af::adf_test(line), alpha::data_error);
  const af::adf_result r = af::adf_test(x);
  EXPECT_THROW((void)r.rejects_at(0.02), alpha::config_error);
}
