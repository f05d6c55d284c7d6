// Fractional differentiation: FFD weights and series against the shared reference files
// (numpy / mlfinlab on log S&P 500), the indicator laws, AFML's expanding window against a
// transcription of its snippet, and bad input.
#include "alpha/features/stationarity/ffd.hpp"

#include "alpha/core/error.hpp"
#include "alpha/features/stationarity/frac_diff_expanding.hpp"

#include "features/laws.hpp"
#include "stationarity/reference.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace af = alpha::features;

namespace {

// The d of the reference files: 0.1, ..., 1.0, as numpy printed them (i / 10).
double ref_d(int i) { return static_cast<double>(i) / 10.0; }

std::vector<double> log_closes() {
  const auto data = alpha_test::shared_file("data/sp500_ohlcv_2000_2020.csv");
  const auto t = alpha_test::read_csv(data);
  std::vector<double> out;
  for (double c : t.col("close")) out.push_back(std::log(c));
  return out;
}

}  // namespace

TEST(FfdWeights, ByHand) {
  // d = 0.5: w_k = -w_{k-1} (0.5 - k + 1) / k: 1, -1/2, -1/8, -1/16, -5/128, -7/256 (binomial
  // series of (1 - B)^{1/2}); the next, -21/1024 ~ 0.0205, is below a threshold of 0.021.
  const std::vector<double> w = af::ffd_weights(0.5, 0.021);
  ASSERT_EQ(w.size(), 6U);
  const double expect[] = {1.0, -0.5, -0.125, -0.0625, -5.0 / 128, -7.0 / 256};
  for (std::size_t k = 0; k < w.size(); ++k) EXPECT_DOUBLE_EQ(w[k], expect[k]) << k;
  // d = 1: exactly the first difference; d = 0: the series itself.
  EXPECT_EQ(af::ffd_weights(1.0, 1e-4), (std::vector<double>{1.0, -1.0}));
  EXPECT_EQ(af::ffd_weights(0.0, 1e-4), (std::vector<double>{1.0}));
  // The dropped weight is the first below the threshold: |w_5| = 7/256 ~ 0.02734 stays at 0.0273.
  EXPECT_EQ(af::ffd_weights(0.5, 0.0273).size(), 6U);
  EXPECT_EQ(af::ffd_weights(0.5, 0.0274).size(), 5U);
}

TEST(FfdWeights, MatchReferenceFile) {
  ALPHA_REQUIRE_SHARED_FILE(path, "reference/adf_ffd/ffd_weights_tau1e-4.csv");
  const auto t = alpha_test::read_csv(path);
  // The conventions' widths: L = 502, 496, 387, 281, 199, 139, 96, 63, 37, 1 for d = 0.1..1.0.
  const std::size_t widths[] = {502, 496, 387, 281, 199, 139, 96, 63, 37, 1};
  std::size_t row = 0;
  for (int i = 1; i <= 10; ++i) {
    const std::vector<double> w = af::ffd_weights(ref_d(i), 1e-4);
    EXPECT_EQ(w.size(), widths[i - 1] + 1) << "d = " << ref_d(i);
    for (std::size_t k = 0; k < w.size(); ++k, ++row) {
      ASSERT_LT(row, t.rows());
      ASSERT_DOUBLE_EQ(t.col("d")[row], ref_d(i));
      ASSERT_EQ(t.col("k")[row], static_cast<double>(k));
      EXPECT_NEAR(w[k], t.col("weight")[row], 1e-15) << "d = " << ref_d(i) << ", k = " << k;
    }
  }
  EXPECT_EQ(row, t.rows()) << "the file has weights beyond the threshold";
}

TEST(FfdSeries, MatchReferenceOnLogSp500) {
  ALPHA_REQUIRE_SHARED_FILE(path, "reference/adf_ffd/ffd_series_sp500_SPX.csv");
  ALPHA_REQUIRE_SHARED_FILE(data, "data/sp500_ohlcv_2000_2020.csv");
  const auto t = alpha_test::read_csv(path);
  // The input is log(close) of the shared S&P 500 file (the README's 'close'; = adjclose).
  const std::vector<double> x = log_closes();
  ASSERT_EQ(x.size(), t.rows());
  for (std::size_t i = 0; i < x.size(); ++i)
    ASSERT_NEAR(x[i], t.col("logp")[i], 4e-15) << i;  // libm vs numpy log: 1 ulp
  for (int i = 1; i <= 10; ++i) {
    const std::string name = "ffd_d" + std::string(i == 10 ? "1.0" : "0." + std::to_string(i));
    const std::vector<double>& ref = t.col(name);
    const af::frac_diff_ffd::params p{.d = ref_d(i), .threshold = 1e-4};
    const std::vector<double> got = af::frac_diff_ffd_series(x, p);
    const std::size_t lookback = af::frac_diff_ffd(p).lookback();
    double worst = 0.0;
    for (std::size_t r = 0; r < x.size(); ++r) {
      ASSERT_EQ(std::isnan(got[r]), std::isnan(ref[r])) << name << " row " << r;
      ASSERT_EQ(std::isnan(got[r]), r < lookback) << name << " row " << r;
      if (!std::isnan(ref[r])) worst = std::max(worst, std::abs(got[r] - ref[r]));
    }
    EXPECT_LT(worst, 1e-12) << name;
  }
}

TEST(FfdSeries, FirstDifferenceAndIdentity) {
  const auto bars = alpha_test::random_bars(300, 5);
  const auto d1 = af::frac_diff_ffd_series(bars.close, {.d = 1.0});
  const auto d0 = af::frac_diff_ffd_series(bars.close, {.d = 0.0});
  EXPECT_TRUE(std::isnan(d1[0]));
  for (std::size_t t = 1; t < 300; ++t) EXPECT_EQ(d1[t], bars.close[t] - bars.close[t - 1]);
  for (std::size_t t = 0; t < 300; ++t) EXPECT_EQ(d0[t], bars.close[t]);
}

TEST(FfdSeries, NaiveConvolutionAndNanWindows) {
  // Direct sum_k w_k x_{t-k} (newest first, long double) on a series with a NaN: the NaN makes
  // exactly the L + 1 outputs whose window holds it NaN.
  auto bars = alpha_test::random_bars(400, 9);
  bars.close[150] = alpha::nan;
  const af::frac_diff_ffd::params p{.d = 0.45, .threshold = 1e-3};
  const std::vector<double> w = af::ffd_weights(p.d, p.threshold);
  const std::size_t L = w.size() - 1;
  const auto got = af::frac_diff_ffd_series(bars.close, p);
  for (std::size_t t = 0; t < 400; ++t) {
    if (t < L || (t >= 150 && t <= 150 + L)) {
      EXPECT_TRUE(std::isnan(got[t])) << t;
      continue;
    }
    long double s = 0;
    for (std::size_t k = 0; k <= L; ++k) s += static_cast<long double>(w[k]) * bars.close[t - k];
    EXPECT_NEAR(got[t], static_cast<double>(s), 1e-12) << t;
  }
}

TEST(FfdSeries, BadParameters) {
  for (double d : {-0.01, 1.01, 2.0, alpha::nan}) {
    EXPECT_THROW((void)af::ffd_weights(d, 1e-4), alpha::config_error) << d;
    EXPECT_THROW(af::frac_diff_ffd({.d = d}), alpha::config_error) << d;
    EXPECT_THROW((void)af::frac_diff_expanding(std::vector<double>{1, 2, 3}, {.d = d}),
                 alpha::config_error);
  }
  for (double tau : {0.0, -1e-4, alpha::nan, std::numeric_limits<double>::infinity()}) {
    EXPECT_THROW((void)af::ffd_weights(0.5, tau), alpha::config_error) << tau;
    EXPECT_THROW((void)af::frac_diff_expanding(std::vector<double>{1, 2, 3}, {.threshold = tau}),
                 alpha::config_error);
  }
  EXPECT_THROW((void)af::frac_diff_expanding(std::vector<double>{1, 2, 3}, {.threshold = 1.5}),
               alpha::config_error);
  try {
    (void)af::ffd_weights(1.5, 1e-4);
    ADD_FAILURE() << "no throw";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), "d");
  }
  // A threshold so small that the window would be huge.
  EXPECT_THROW((void)af::ffd_weights(0.3, 1e-12, 10'000), alpha::config_error);
  // A series no longer than the window (L = 37 at d = 0.9): no output at all.
  EXPECT_THROW((void)af::frac_diff_ffd_series(std::vector<double>(37, 1.0), {.d = 0.9}),
               alpha::config_error);
}

// ---- the indicator laws ------------------------------------------------------------------

template <>
struct alpha_test::indicator_traits<af::frac_diff_ffd> {
  static af::frac_diff_ffd::params params() { return {.d = 0.35, .threshold = 1e-3}; }
};
static_assert(af::SeriesIndicator<af::frac_diff_ffd>);
using FfdTypes = ::testing::Types<af::frac_diff_ffd>;
INSTANTIATE_TYPED_TEST_SUITE_P(Stationarity, IndicatorLaws, FfdTypes);

TEST(FfdStreaming, BitEqualToBatchOnLongWindow) {
  // Reference-width window (d = 0.1, L = 502) and a length that is not a multiple of the block.
  const auto bars = alpha_test::random_bars(2000 + 7, 77);
  const af::frac_diff_ffd::params p{.d = 0.1};
  const auto batch = af::frac_diff_ffd_series(bars.close, p);
  af::frac_diff_ffd s(p);
  EXPECT_EQ(s.lookback(), 502U);
  for (std::size_t t = 0; t < bars.size(); ++t) {
    s.update(bars.close[t]);
    if (std::isnan(batch[t]))
      ASSERT_TRUE(std::isnan(s.value())) << t;
    else
      ASSERT_EQ(s.value(), batch[t]) << t;
  }
  EXPECT_EQ(s.weights(), af::ffd_weights(0.1, 1e-4));
}

// ---- expanding window (AFML snippet 5.2) --------------------------------------------------

namespace {

// Transcription of AFML's fracDiff loop: weights for the whole length, reversed (oldest first);
// w_ = cumsum(|w|) / last; skip = count(w_ > thres); for iloc >= skip, the dot product of the last
// iloc + 1 reversed weights with the forward-filled series up to iloc (rows with a NaN input
// skipped). Leading NaNs are dropped by dropna().
std::vector<double> afml_frac_diff(const std::vector<double>& x, double d, double thres) {
  std::vector<double> out(x.size(), alpha::nan);
  std::vector<std::size_t> idx;  // positions kept after ffill + dropna
  std::vector<double> f;
  double last = alpha::nan;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isnan(x[i])) last = x[i];
    if (!std::isnan(last)) {
      idx.push_back(i);
      f.push_back(last);
    }
  }
  const std::size_t m = f.size();
  std::vector<double> w{1.0};
  for (std::size_t k = 1; k < m; ++k)
    w.push_back(-w.back() / static_cast<double>(k) * (d - static_cast<double>(k) + 1));
  const std::vector<double> wr(w.rbegin(), w.rend());
  std::vector<double> cum(m);
  double acc = 0;
  for (std::size_t i = 0; i < m; ++i) cum[i] = acc += std::abs(wr[i]);
  std::size_t skip = 0;
  for (std::size_t i = 0; i < m; ++i)
    if (cum[i] / cum[m - 1] > thres) ++skip;
  for (std::size_t iloc = skip; iloc < m; ++iloc) {
    if (std::isnan(x[idx[iloc]])) continue;
    long double dot = 0;  // w[-(iloc+1):] . f[0..iloc]
    for (std::size_t j = 0; j <= iloc; ++j)
      dot += static_cast<long double>(wr[m - 1 - iloc + j]) * f[j];
    out[idx[iloc]] = static_cast<double>(dot);
  }
  return out;
}

}  // namespace

TEST(FracDiffExpanding, MatchesAfmlSnippet) {
  auto bars = alpha_test::random_bars(600, 3);
  // log closes with two leading NaNs (dropped) and three inside (forward-filled, output NaN)
  std::vector<double> x(bars.size(), alpha::nan);
  for (std::size_t i = 2; i < x.size(); ++i)
    if (i != 100 && i != 101 && i != 350) x[i] = std::log(bars.close[i]);
  for (double d : {0.0, 0.2, 0.5, 0.8, 1.0})
    for (double thres : {0.01, 0.05, 0.2, 1.0}) {
      const auto got = af::frac_diff_expanding(x, {.d = d, .threshold = thres});
      const auto ref = afml_frac_diff(x, d, thres);
      ASSERT_EQ(got.size(), ref.size());
      for (std::size_t i = 0; i < x.size(); ++i) {
        ASSERT_EQ(std::isnan(got[i]), std::isnan(ref[i]))
            << "d " << d << " thres " << thres << " at " << i;
        if (!std::isnan(ref[i])) {
          EXPECT_NEAR(got[i], ref[i], 1e-11) << d << " " << thres << " " << i;
        }
      }
    }
  // threshold = 1 skips nothing; d = 1 is then the first difference after the first value.
  const auto one = af::frac_diff_expanding(bars.close, {.d = 1.0, .threshold = 1.0});
  EXPECT_EQ(one[0], bars.close[0]);
  for (std::size_t t = 1; t < 600; ++t)
    EXPECT_NEAR(one[t], bars.close[t] - bars.close[t - 1], 1e-12);
  EXPECT_TRUE(af::frac_diff_expanding(std::vector<double>(5, alpha::nan), {}).size() == 5);
}
