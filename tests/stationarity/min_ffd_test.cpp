// Minimum-d search: on log S&P 500 against the reference ADF table (statsmodels on the FFD series
// of d = 0.1..1.0), bisection against the grid, trivial cases, bad input.
#include "alpha/features/stationarity/min_ffd.hpp"

#include "alpha/core/error.hpp"

#include "stationarity/reference.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

namespace af = alpha::features;

namespace {
std::vector<double> log_closes(const std::filesystem::path& data) {
  std::vector<double> out;
  const auto table = alpha_test::read_csv(data);  // (a named table: col() refers into it)
  for (double c : table.col("close")) out.push_back(std::log(c));
  return out;
}
double rel(double a, double b) { return std::abs(a - b) / std::abs(b); }
}  // namespace

TEST(MinFfd, GridOnLogSp500MatchesReferenceTable) {
  ALPHA_REQUIRE_SHARED_FILE(data, "data/sp500_ohlcv_2000_2020.csv");
  ALPHA_REQUIRE_SHARED_FILE(results_path, "reference/adf_ffd/adf_results_sp500.csv");
  const auto ref = alpha_test::read_csv(results_path);
  const std::vector<double> x = log_closes(data);
  // In the reference table the AIC statistic first drops below the 5 % critical value at d = 0.4
  // (-3.436 < -2.862; d = 0.3 gives -2.313): with a grid of step 0.1 the answer is 0.4.
  for (af::min_ffd_criterion crit :
       {af::min_ffd_criterion::critical_value, af::min_ffd_criterion::p_value}) {
    const af::min_ffd_result r = af::min_ffd(x, {.step = 0.1, .criterion = crit});
    ASSERT_TRUE(r.found);
    EXPECT_NEAR(r.d, 0.4, 1e-15);
    ASSERT_EQ(r.evaluated.size(), 5U);  // 0, 0.1, 0.2, 0.3, 0.4
    for (std::size_t i = 0; i < r.evaluated.size(); ++i) {
      const af::min_ffd_point& pt = r.evaluated[i];
      // reference row i: d = i / 10 (row 0 is log p itself, d = 0)
      EXPECT_EQ(static_cast<double>(pt.n_valid), ref.col("n_valid")[i]) << i;
      EXPECT_EQ(static_cast<double>(pt.lookback), ref.col("first_valid_row")[i]) << i;
      EXPECT_LT(rel(pt.adf.statistic, ref.col("adf_aic_stat")[i]), 1e-6) << i;
      EXPECT_EQ(static_cast<double>(pt.adf.used_lag), ref.col("adf_aic_usedlag")[i]) << i;
      EXPECT_LT(std::abs(pt.correlation - ref.col("corr_with_logp")[i]), 1e-12) << i;
      EXPECT_EQ(pt.passes, i == 4) << i;
    }
    EXPECT_LT(rel(r.correlation, ref.col("corr_with_logp")[4]), 1e-12);
    EXPECT_LT(rel(r.adf.statistic, ref.col("adf_aic_stat")[4]), 1e-6);
  }
  // Bisection to a width of 0.01 lands in (0.3, 0.4], on a d that passes while d - 0.01 does not.
  const af::min_ffd_result b =
      af::min_ffd(x, {.step = 0.01, .search = af::min_ffd_search::bisection});
  ASSERT_TRUE(b.found);
  EXPECT_GT(b.d, 0.3);
  EXPECT_LE(b.d, 0.4);
  EXPECT_LT(b.adf.statistic, b.adf.critical_values[1]);
  const af::min_ffd_point below = af::min_ffd_evaluate(x, b.d - 0.01, {});
  EXPECT_FALSE(below.passes) << below.d << " " << below.adf.statistic;
  EXPECT_LE(b.evaluated.size(), 2U + 7U);  // 0, 1, then ceil(log2(100)) halvings
}

TEST(MinFfd, StationaryAndShortSeries) {
  // An AR(1) with phi = 0.5 is stationary: d = 0 passes at once (correlation 1 with itself).
  std::mt19937_64 gen(4);
  std::normal_distribution<double> z;
  std::vector<double> ar(1000);
  double u = 0;
  for (double& v : ar) v = u = 0.5 * u + z(gen);
  const af::min_ffd_result r = af::min_ffd(ar);
  ASSERT_TRUE(r.found);
  EXPECT_EQ(r.d, 0.0);
  EXPECT_NEAR(r.correlation, 1.0, 1e-12);
  EXPECT_EQ(r.evaluated.size(), 1U);
  // 300 values: d in [0.01, ~0.6] need windows longer than the series (L = 502 at 0.1) or leave
  // too few values: recorded as not testable, and the search moves on.
  std::vector<double> rw(300);
  double s = 0;
  for (double& v : rw) v = s += z(gen);
  const af::min_ffd_result q = af::min_ffd(rw, {.step = 0.1});
  bool some_untestable = false;
  for (const auto& pt : q.evaluated) some_untestable |= pt.n_valid == 0 && !pt.passes;
  EXPECT_TRUE(some_untestable);
  EXPECT_TRUE(q.found);  // a random walk's first difference is white noise
  EXPECT_TRUE(q.evaluated.back().passes);
}

TEST(MinFfd, BadInput) {
  const std::vector<double> x(100, 1.0);
  EXPECT_THROW((void)af::min_ffd(x, {.step = 0.0}), alpha::config_error);
  EXPECT_THROW((void)af::min_ffd(x, {.step = 1.5}), alpha::config_error);
  EXPECT_THROW((void)af::min_ffd(x, {.significance = 0.07}), alpha::config_error);
  EXPECT_THROW(
      (void)af::min_ffd(x, {.criterion = af::min_ffd_criterion::p_value, .significance = 1.0}),
      alpha::config_error);
  EXPECT_THROW((void)af::min_ffd(x, {.threshold = 0.0}), alpha::config_error);
  std::vector<double> y(100, 1.0);
  y[3] = alpha::nan;
  EXPECT_THROW((void)af::min_ffd(y), alpha::data_error);
}
