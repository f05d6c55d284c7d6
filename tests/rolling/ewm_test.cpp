// Tests of rolling::ewm_mean/ewm_var/ewm_std (pandas conventions) and rolling::ema/wilder
// (TA-Lib/TTR SMA-seeded): pandas ewm(span=20) adjust True/False, TA-Lib and TTR EMA20, TTR
// EMA20 Wilder on ttrc/sp500/msft; brute-force exponential weights in long double on random data
// with NaNs; the NaN rules; parameter validation; and the accumulator laws.
#include "alpha/rolling/ewm.hpp"

#include "alpha/rolling/batch.hpp"

#include "rolling/laws.hpp"
#include "rolling/order_ewm_support.hpp"
#include "support/shared_data.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace ar = alpha::rolling;
namespace oe = alpha_test::order_ewm;

namespace {
// Distinct types so that the laws also run on a second configuration of the same accumulator.
struct ewm_mean_recursive : ar::ewm_mean {
  using ar::ewm_mean::ewm_mean;
};
struct ewm_var_biased : ar::ewm_var {
  using ar::ewm_var::ewm_var;
};

ar::ewm_params with(ar::ewm_params p, bool adjust, std::size_t min_periods = 0,
                    bool ignore_na = false, bool bias = false) {
  p.adjust = adjust;
  p.min_periods = min_periods;
  p.ignore_na = ignore_na;
  p.bias = bias;
  return p;
}
}  // namespace

// Exponential statistics remember every value with a weight decaying geometrically: a NaN's
// effect (or a whole window of NaN) never fully leaves, so the generic window NaN law is
// replaced by Ewm.NaNRule / Ema.NaNSkipped; window() only sizes the series of the other laws.
template <>
struct alpha_test::laws_traits<ar::ewm_mean> {
  static ar::ewm_params params() { return ar::ewm_params::from_span(10); }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ewm_mean_recursive> {
  static ar::ewm_params params() { return with(ar::ewm_params::from_alpha(0.3), false, 5); }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::ewm_var> {
  static ar::ewm_params params() { return ar::ewm_params::from_halflife(5); }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ewm_var_biased> {
  static ar::ewm_params params() { return with(ar::ewm_params::from_com(3), false, 3, true, true); }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::ewm_std> {
  static ar::ewm_params params() { return with(ar::ewm_params::from_span(7), false, 4); }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::ema> {
  static ar::ema::params params() { return {.period = 10}; }
  static constexpr bool check_nan_policy = false;
};
template <>
struct alpha_test::laws_traits<ar::wilder> {
  static ar::wilder::params params() { return {.period = 14}; }
  static constexpr bool check_nan_policy = false;
};
using EwmTypes = ::testing::Types<ar::ewm_mean, ewm_mean_recursive, ar::ewm_var, ewm_var_biased,
                                  ar::ewm_std, ar::ema, ar::wilder>;
INSTANTIATE_TYPED_TEST_SUITE_P(Ewm, AccumulatorLaws, EwmTypes);

namespace {

enum class what { mean, var, std };

// Brute force: an explicit weight per valid value, in long double. Every bar (every valid bar
// if ignore_na) multiplies the existing weights by (1 - alpha); a valid value then enters with
// weight 1 (adjust) or alpha (not adjust: 1 for the very first, and the weights are then
// renormalised to sum 1). mean = sum w x / sum w; biased var = sum w (x - mean)^2 / sum w;
// unbiased = biased (sum w)^2 / ((sum w)^2 - sum w^2).
std::vector<double> brute(const std::vector<double>& x, const ar::ewm_params& p, what k) {
  const long double a = 1.0L / (1.0L + static_cast<long double>(p.com));
  std::vector<long double> w;
  std::vector<long double> v;
  std::size_t nobs = 0;
  std::vector<double> out(x.size(), NAN);
  const std::size_t mp = p.min_periods < 1 ? 1 : p.min_periods;
  for (std::size_t t = 0; t < x.size(); ++t) {
    const bool ok = !std::isnan(x[t]);
    if (!w.empty() && (ok || !p.ignore_na))
      for (auto& wi : w) wi *= (1 - a);
    if (ok) {
      ++nobs;
      const bool first = w.empty();
      w.push_back(p.adjust || first ? 1.0L : a);
      v.push_back(x[t]);
      if (!p.adjust) {
        long double s = 0;
        for (auto wi : w) s += wi;
        for (auto& wi : w) wi /= s;
      }
    }
    if (nobs < mp) continue;
    long double sw = 0, sw2 = 0, swx = 0;
    for (std::size_t i = 0; i < w.size(); ++i) {
      sw += w[i];
      sw2 += w[i] * w[i];
      swx += w[i] * v[i];
    }
    const long double m = swx / sw;
    if (k == what::mean) {
      out[t] = static_cast<double>(m);
      continue;
    }
    long double ss = 0;
    for (std::size_t i = 0; i < w.size(); ++i) ss += w[i] * (v[i] - m) * (v[i] - m);
    long double var = ss / sw;
    if (!p.bias) {
      const long double den = sw * sw - sw2;
      if (!(den > 1e-15L * sw * sw)) continue;  // pandas: NaN unless (sum w)^2 > sum w^2
      var *= sw * sw / den;
    }
    out[t] = static_cast<double>(k == what::std ? std::sqrt(var) : var);
  }
  return out;
}

template <class A>
std::vector<double> stream(const typename A::params& p, const std::vector<double>& x) {
  A a(p);
  std::vector<double> out;
  for (double v : x) {
    a.update(v);
    out.push_back(a.value());
  }
  return out;
}

}  // namespace

TEST(Ewm, HandComputed) {
  // alpha = 0.5 (com 1) over {1, NaN, 4}:
  //   adjust=True: t0 1; t1 1 (NaN repeats); t2 weights of x0, x2 = 0.25, 1 (x0 aged two bars):
  //     (0.25 + 4) / 1.25 = 3.4
  //   adjust=False: t2 weights 0.25 (aged) and 0.5 (alpha), normalised: (0.25 + 2) / 0.75 = 3
  //   ignore_na=True, adjust=True: weights 0.5, 1: (0.5 + 4) / 1.5 = 3
  //   var adjust=True, bias=False at t2: mean 3.4, biased v = (0.25 * 2.4^2 + 0.6^2) / 1.25
  //     = 1.44; correction 1.25^2 / (1.25^2 - (0.0625 + 1)) = 1.5625 / 0.5 = 3.125 -> 4.5
  const std::vector<double> x{1, NAN, 4};
  const auto p = ar::ewm_params::from_alpha(0.5);
  EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_mean>(p, x), {1, 1, 3.4}, 1e-15));
  EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_mean>(with(p, false), x), {1, 1, 3}, 1e-15));
  EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_mean>(with(p, true, 0, true), x), {1, 1, 3}, 1e-15));
  EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_var>(p, x), {NAN, NAN, 4.5}, 1e-14));
  EXPECT_TRUE(
      oe::close_from(ar::run<ar::ewm_var>(with(p, true, 0, false, true), x), {0, 0, 1.44}, 1e-14));
  EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_std>(p, x), {NAN, NAN, std::sqrt(4.5)}, 1e-15));
}

TEST(Ewm, AgainstBruteForceWeights) {
  const std::vector<ar::ewm_params> decays{
      ar::ewm_params::from_span(20), ar::ewm_params::from_alpha(0.5),
      ar::ewm_params::from_halflife(3.5), ar::ewm_params::from_com(0.25)};
  for (const auto& d : decays) {
    for (bool adjust : {true, false}) {
      for (bool ignore_na : {false, true}) {
        for (std::size_t mp : {0u, 6u}) {
          for (double nan_fraction : {0.0, 0.2}) {
            const auto x = oe::series(400, 17 + mp, nan_fraction);
            auto p = with(d, adjust, mp, ignore_na);
            SCOPED_TRACE(testing::Message()
                         << "com=" << d.com << " adjust=" << adjust << " ignore_na=" << ignore_na
                         << " mp=" << mp << " nan=" << nan_fraction);
            EXPECT_TRUE(
                oe::close_from(ar::run<ar::ewm_mean>(p, x), brute(x, p, what::mean), 1e-13));
            EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_var>(p, x), brute(x, p, what::var), 1e-10));
            EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_std>(p, x), brute(x, p, what::std), 1e-10));
            p.bias = true;
            EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_var>(p, x), brute(x, p, what::var), 1e-10));
          }
        }
      }
    }
  }
}

TEST(Ewm, NaNRule) {
  auto x = oe::series(600, 3, 0.0);
  const auto p = ar::ewm_params::from_span(10);
  const auto clean_mean = ar::run<ar::ewm_mean>(p, x);
  const auto clean_var = ar::run<ar::ewm_var>(p, x);
  // Leading NaN bars: NaN output, then the statistic starts at the first valid value.
  std::vector<double> lead(3, NAN);
  lead.insert(lead.end(), x.begin(), x.end());
  const auto lead_mean = ar::run<ar::ewm_mean>(p, lead);
  EXPECT_TRUE(std::isnan(lead_mean[2]));
  EXPECT_TRUE(
      oe::close_from(std::vector<double>(lead_mean.begin() + 3, lead_mean.end()), clean_mean, 0));
  // A NaN bar repeats the previous output (mean and var).
  const std::size_t q = 100;
  x[q] = NAN;
  const auto holed_mean = ar::run<ar::ewm_mean>(p, x);
  const auto holed_var = ar::run<ar::ewm_var>(p, x);
  EXPECT_EQ(holed_mean[q], holed_mean[q - 1]);
  EXPECT_EQ(holed_var[q], holed_var[q - 1]);
  // ... and its effect decays geometrically: (9/11)^k, below 1e-9 relative after ~150 bars.
  EXPECT_TRUE(oe::close_from(holed_mean, clean_mean, 1e-9, q + 150));
  EXPECT_TRUE(oe::close_from(holed_var, clean_var, 1e-8, q + 150));
  EXPECT_FALSE(oe::close_from(holed_mean, clean_mean, 1e-9, q + 1));
  // min_periods counts valid values only.
  const std::vector<double> y{NAN, 1, NAN, 2, 3};
  EXPECT_TRUE(oe::close_from(
      ar::run<ar::ewm_mean>(with(p, true, 2), y),
      {NAN, NAN, NAN, ar::run<ar::ewm_mean>(p, y)[3], ar::run<ar::ewm_mean>(p, y)[4]}, 0));
}

TEST(Ewm, WarmUp) {
  const auto p = ar::ewm_params::from_span(5);
  EXPECT_EQ(ar::ewm_mean(p).lookback(), 0u);
  EXPECT_EQ(ar::ewm_var(p).lookback(), 1u);
  EXPECT_EQ(ar::ewm_var(with(p, true, 0, false, true)).lookback(), 0u);
  EXPECT_EQ(ar::ewm_std(with(p, true, 7)).lookback(), 6u);
  EXPECT_EQ(ar::ewm_mean(with(p, false, 7)).lookback(), 6u);
}

TEST(Ewm, Parameterisations) {
  EXPECT_DOUBLE_EQ(ar::ewm_params::from_span(20).alpha(), 2.0 / 21.0);
  EXPECT_DOUBLE_EQ(ar::ewm_params::from_com(9.5).alpha(), 1.0 / 10.5);
  EXPECT_DOUBLE_EQ(ar::ewm_params::from_alpha(0.3).alpha(), 0.3);
  EXPECT_DOUBLE_EQ(ar::ewm_params::from_halflife(10).alpha(), 1 - std::pow(0.5, 0.1));
  // halflife h: a weight halves every h bars.
  const double a = ar::ewm_params::from_halflife(4).alpha();
  EXPECT_NEAR(std::pow(1 - a, 4), 0.5, 1e-15);
  EXPECT_EQ(ar::ewm_params::from_span(1).com, 0.0);
  EXPECT_EQ(ar::ewm_params::from_alpha(1).com, 0.0);
}

TEST(Ewm, BadParameters) {
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_span(0.5), "span");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_span(NAN), "span");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_alpha(0), "alpha");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_alpha(1.5), "alpha");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_alpha(NAN), "alpha");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_com(-0.1), "com");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_com(INFINITY), "com");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_halflife(0), "halflife");
  ALPHA_EXPECT_CONFIG_ERROR((void)ar::ewm_params::from_halflife(-2), "halflife");
  ALPHA_EXPECT_CONFIG_ERROR(ar::ewm_mean(ar::ewm_params{}), "com");  // no factory used
  ar::ewm_params bad;
  bad.com = -1;
  ALPHA_EXPECT_CONFIG_ERROR(ar::ewm_var{bad}, "com");
  ALPHA_EXPECT_CONFIG_ERROR(ar::ema({.period = 0}), "period");
  ALPHA_EXPECT_CONFIG_ERROR(ar::wilder({.period = 0}), "period");
}

TEST(Ewm, MatchesPandasEwmSpan20) {
  for (const char* name : {"ttrc", "sp500", "msft"}) {
    const std::string rel = std::string("reference/indicators/indicators_pandas_") + name + ".csv";
    SCOPED_TRACE(rel);
    ALPHA_REQUIRE_SHARED_FILE(path, rel);
    const auto cols = oe::read_reference(path);
    const auto& close = cols.at("close");
    const auto p = ar::ewm_params::from_span(20);
    EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_mean>(with(p, false), close),
                               cols.at("ema20_adjust_false"), 1e-9));
    EXPECT_TRUE(oe::close_from(ar::run<ar::ewm_mean>(with(p, true), close),
                               cols.at("ema20_adjust_true"), 1e-9));
    EXPECT_EQ(oe::first_defined(cols.at("ema20_adjust_true")), 0u);
  }
}

TEST(Ema, MatchesTaLibAndTtrEma20) {
  for (const char* lib : {"talib", "ttr"}) {
    for (const char* name : {"ttrc", "sp500", "msft"}) {
      const std::string rel =
          std::string("reference/indicators/indicators_") + lib + "_" + name + ".csv";
      SCOPED_TRACE(rel);
      ALPHA_REQUIRE_SHARED_FILE(path, rel);
      const auto cols = oe::read_reference(path);
      const auto& close = cols.at("close");
      const auto& want = cols.at("ema20");
      ASSERT_EQ(oe::first_defined(want), 19u);
      const auto got = ar::run<ar::ema>({.period = 20}, close);
      EXPECT_TRUE(oe::close_from(got, want, 1e-9));  // NaN pattern (rows 0..18) included
      EXPECT_TRUE(oe::close_from(stream<ar::ema>({.period = 20}, close), got, 0));
      if (std::string(lib) == "talib") {
        // Same operations as TA-Lib: the printed 17 digits round-trip.
        EXPECT_TRUE(oe::close_from(got, want, 1e-15));
      } else {
        const auto& want_wilder = cols.at("ema20_wilder");
        ASSERT_EQ(oe::first_defined(want_wilder), 19u);
        EXPECT_TRUE(oe::close_from(ar::run<ar::wilder>({.period = 20}, close), want_wilder, 1e-9));
      }
    }
  }
}

TEST(Ema, HandComputed) {
  // period 3 (k = 0.5) over {1, 2, 3, 5, NaN, 1}: t0, t1 NaN; t2 seed (1+2+3)/3 = 2;
  // t3 2 + 0.5 (5 - 2) = 3.5; t4 NaN skipped -> 3.5; t5 3.5 + 0.5 (1 - 3.5) = 2.25.
  // wilder period 2 (k = 0.5) over the same: t1 1.5; t2 2.25; t3 3.625; t4 3.625; t5 2.3125.
  const std::vector<double> x{1, 2, 3, 5, NAN, 1};
  EXPECT_TRUE(oe::close_from(ar::run<ar::ema>({.period = 3}, x), {NAN, NAN, 2, 3.5, 3.5, 2.25}, 0));
  EXPECT_TRUE(oe::close_from(ar::run<ar::wilder>({.period = 2}, x),
                             {NAN, 1.5, 2.25, 3.625, 3.625, 2.3125}, 0));
  EXPECT_EQ(ar::ema({.period = 3}).lookback(), 2u);
  EXPECT_EQ(ar::wilder({.period = 14}).lookback(), 13u);
}

TEST(Ema, NaNSkipped) {
  // NaN bars do not count towards the seed and repeat the previous output: the result equals the
  // NaN-free run over the valid values, spread back onto their bars.
  const auto x = oe::series(500, 12, 0.25);
  std::vector<double> valid;
  for (double v : x)
    if (!std::isnan(v)) valid.push_back(v);
  for (std::size_t n : {1u, 5u, 20u}) {
    const auto dense = ar::run<ar::ema>({.period = n}, valid);
    std::vector<double> want(x.size(), NAN);
    std::size_t j = 0;
    double last = NAN;
    for (std::size_t t = 0; t < x.size(); ++t) {
      if (!std::isnan(x[t])) last = dense[j++];
      want[t] = last;
    }
    EXPECT_TRUE(oe::close_from(ar::run<ar::ema>({.period = n}, x), want, 0)) << "n=" << n;
  }
}
