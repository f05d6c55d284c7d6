// Multiple-testing p-value adjustments against hand-worked lists, and haircut Sharpe ratios
// against an independent computation (Student t by Simpson integration of its density and
// bisection, tests/overfitting/reference.hpp; no Boost.Math).
#include "alpha/metrics/haircut_sharpe.hpp"

#include "overfitting/reference.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace {

using alpha::metrics::multiple_testing;
namespace ref = overfitting_ref;

void expect_all_near(const std::vector<double>& got, const std::vector<double>& want, double tol) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], tol) << "i = " << i;
}

TEST(AdjustPValues, HandWorkedList) {
  // p = {0.01, 0.04, 0.03, 0.005}, M = 4; sorted: 0.005 (#3), 0.01 (#0), 0.03 (#2), 0.04 (#1).
  const std::vector<double> p{0.01, 0.04, 0.03, 0.005};
  // Bonferroni: 4 p.
  expect_all_near(alpha::metrics::adjust_p_values(p, multiple_testing::bonferroni),
                  {0.04, 0.16, 0.12, 0.02}, 1e-15);
  // Holm: multipliers 4, 3, 2, 1 on the sorted list -> 0.02, 0.03, 0.06, 0.04; running max
  // -> 0.02, 0.03, 0.06, 0.06 (the last one raised by the max).
  expect_all_near(alpha::metrics::adjust_p_values(p, multiple_testing::holm),
                  {0.03, 0.06, 0.06, 0.02}, 1e-15);
  // BHY: c(4) = 1 + 1/2 + 1/3 + 1/4 = 25/12, M c = 25/3; terms (25/3) p_(k) / k:
  // 0.041667, 0.041667, 0.083333, 0.083333; step-up minimum from the top changes nothing.
  expect_all_near(alpha::metrics::adjust_p_values(p, multiple_testing::bhy),
                  {25.0 / 3.0 * 0.01 / 2.0, 25.0 / 3.0 * 0.04 / 4.0, 25.0 / 3.0 * 0.03 / 3.0,
                   25.0 / 3.0 * 0.005},
                  1e-15);
}

TEST(AdjustPValues, StepUpMinimumAndCaps) {
  // p = {0.013, 0.01, 0.012, 0.011}: BHY terms on the sorted list (25/3) p_(k) / k =
  // 0.083333, 0.045833, 0.033333, 0.027083; the step-up minimum from the top gives all four
  // the last one, 0.013 * 25/12 = 0.0270833.
  const std::vector<double> p{0.013, 0.01, 0.012, 0.011};
  expect_all_near(alpha::metrics::adjust_p_values(p, multiple_testing::bhy),
                  std::vector<double>(4, 0.013 * 25.0 / 12.0), 1e-15);
  // Holm: 4 * 0.01 = 0.04, 3 * 0.011 = 0.033 -> max 0.04, 2 * 0.012 = 0.024 -> 0.04,
  // 1 * 0.013 -> 0.04.
  expect_all_near(alpha::metrics::adjust_p_values(p, multiple_testing::holm),
                  std::vector<double>(4, 0.04), 1e-15);
  // Caps at 1, and Holm stays monotone with ties: p = {0.5, 0.5, 0.2}.
  const std::vector<double> q{0.5, 0.5, 0.2};
  expect_all_near(alpha::metrics::adjust_p_values(q, multiple_testing::bonferroni), {1.0, 1.0, 0.6},
                  1e-15);
  expect_all_near(alpha::metrics::adjust_p_values(q, multiple_testing::holm), {1.0, 1.0, 0.6},
                  1e-15);
  // BHY c(3) = 11/6: terms 3 (11/6) 0.2 = 1.1, 3 (11/6) 0.5 / 2 = 1.375, 3 (11/6) 0.5 / 3 =
  // 0.9167; step-up from the top: 0.9167, 0.9167, min(0.9167, 1.1) = 0.9167.
  expect_all_near(alpha::metrics::adjust_p_values(q, multiple_testing::bhy),
                  std::vector<double>(3, 11.0 / 6.0 * 0.5), 1e-15);
  EXPECT_TRUE(alpha::metrics::adjust_p_values({}, multiple_testing::holm).empty());
  const std::vector<double> bad{0.1, 1.5};
  EXPECT_THROW((void)alpha::metrics::adjust_p_values(bad, multiple_testing::holm),
               alpha::data_error);
}

// Independent haircut: p from the Simpson t tail, adjusted p given, inverted by bisection.
struct ref_haircut {
  double t, p, sr_h;
};
ref_haircut reference_haircut(double sr, double n_obs, double ppy, double p_adj_of_p(double)) {
  const double years = n_obs / ppy;
  const double t = sr * std::sqrt(years);
  const double p = 2.0 * ref::t_upper_tail(t, n_obs - 1.0);
  const double pa = p_adj_of_p(p);
  const double sr_h =
      pa >= 1.0 ? 0.0 : ref::t_upper_quantile(pa / 2.0, n_obs - 1.0) / std::sqrt(years);
  return {t, p, sr_h};
}

TEST(HaircutSharpe, BonferroniAgainstIndependentComputation) {
  // An annualised SR of 0.92 over 120 months (t = 0.92 sqrt(10) = 2.909), 200 tests: the
  // single-test p-value (t, 119 dof, two-sided) is about 0.0043; Bonferroni gives
  // min(1, 200 p) ~ 0.87 and a haircut SR near 0.05 (a haircut of ~94%).
  const alpha::metrics::haircut_input in{0.92, 120, 12.0, 200};
  const auto h = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::bonferroni);
  const auto r =
      reference_haircut(0.92, 120.0, 12.0, [](double p) { return std::min(1.0, 200.0 * p); });
  EXPECT_NEAR(h.t_statistic, 0.92 * std::sqrt(10.0), 1e-14);
  EXPECT_NEAR(h.p_value, r.p, 1e-9);
  EXPECT_NEAR(h.adjusted_p_value, std::min(1.0, 200.0 * r.p), 2e-7);
  EXPECT_NEAR(h.haircut_sharpe, r.sr_h, 1e-6);
  EXPECT_NEAR(h.haircut, (0.92 - r.sr_h) / 0.92, 1e-6);
  EXPECT_NEAR(h.p_value, 0.0043, 1e-4);
  EXPECT_GT(h.haircut, 0.9);

  // A strong strategy keeps most of its Sharpe ratio: SR 2 over 20 years, 300 tests.
  const alpha::metrics::haircut_input strong{2.0, 240, 12.0, 300};
  const auto hs = alpha::metrics::haircut_sharpe_ratio(strong, multiple_testing::bonferroni);
  const auto rs =
      reference_haircut(2.0, 240.0, 12.0, [](double p) { return std::min(1.0, 300.0 * p); });
  EXPECT_NEAR(hs.haircut_sharpe, rs.sr_h, 1e-6);
  EXPECT_LT(hs.haircut, 0.5);
}

TEST(HaircutSharpe, OthersUnknownHolmEqualsBonferroniBhyIsRankOneBound) {
  const alpha::metrics::haircut_input in{1.0, 120, 12.0, 50};
  const auto b = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::bonferroni);
  const auto h = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::holm);
  const auto y = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::bhy);
  EXPECT_EQ(h.adjusted_p_value, b.adjusted_p_value);
  EXPECT_EQ(h.haircut_sharpe, b.haircut_sharpe);
  double c = 0.0;
  for (int i = 1; i <= 50; ++i) c += 1.0 / i;
  EXPECT_NEAR(y.adjusted_p_value, std::min(1.0, 50.0 * c * b.p_value), 1e-15);
  const auto r = reference_haircut(1.0, 120.0, 12.0, [](double p) {
    double cc = 0.0;
    for (int i = 1; i <= 50; ++i) cc += 1.0 / i;
    return std::min(1.0, 50.0 * cc * p);
  });
  EXPECT_NEAR(y.haircut_sharpe, r.sr_h, 1e-6);
}

TEST(HaircutSharpe, HolmAndBhyWithTheOtherTests) {
  // M = 4 tests over 10 years of monthly data: ours SR 1.2, others 1.5, 0.3, -0.9 (two-sided,
  // so -0.9 counts by |t|). Reference p-values by Simpson; Holm and BHY from their definitions
  // applied by brute force to the sorted list.
  const std::vector<double> others{1.5, 0.3, -0.9};
  const alpha::metrics::haircut_input in{1.2, 120, 12.0, 4};
  std::vector<double> p;
  for (const double sr : {1.2, 1.5, 0.3, -0.9})
    p.push_back(2.0 * ref::t_upper_tail(std::fabs(sr) * std::sqrt(10.0), 119.0));
  std::vector<double> sorted = p;
  std::sort(sorted.begin(), sorted.end());
  const auto k_ours =
      static_cast<std::size_t>(std::find(sorted.begin(), sorted.end(), p[0]) - sorted.begin());
  double holm = 0.0;
  for (std::size_t j = 0; j <= k_ours; ++j)
    holm = std::max(holm, (4.0 - static_cast<double>(j)) * sorted[j]);
  holm = std::min(holm, 1.0);
  const double c = 1.0 + 1.0 / 2 + 1.0 / 3 + 1.0 / 4;
  double bhy = 1.0;
  for (std::size_t j = k_ours; j < 4; ++j)
    bhy = std::min(bhy, 4.0 * c * sorted[j] / (static_cast<double>(j) + 1.0));

  const auto h = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::holm, others);
  const auto y = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::bhy, others);
  EXPECT_EQ(k_ours, 1u);  // SR 1.5 is more significant than ours
  EXPECT_NEAR(h.adjusted_p_value, holm, 1e-8);
  EXPECT_NEAR(y.adjusted_p_value, bhy, 1e-8);
  EXPECT_NEAR(h.haircut_sharpe, ref::t_upper_quantile(holm / 2.0, 119.0) / std::sqrt(10.0), 1e-6);
  EXPECT_NEAR(y.haircut_sharpe, ref::t_upper_quantile(bhy / 2.0, 119.0) / std::sqrt(10.0), 1e-6);
  // Holm never haircuts more than Bonferroni. (BHY below Holm, as Harvey and Liu find with
  // hundreds of tests, needs many significant tests: here M = 4 and c(4) = 2.08, BHY is larger.)
  const auto b = alpha::metrics::haircut_sharpe_ratio(in, multiple_testing::bonferroni, others);
  EXPECT_GE(b.haircut, h.haircut);
}

TEST(HaircutSharpe, SingleTestHasNoHaircutAndErrors) {
  const alpha::metrics::haircut_input one{0.8, 60, 12.0, 1};
  for (const auto m :
       {multiple_testing::bonferroni, multiple_testing::holm, multiple_testing::bhy}) {
    const auto h = alpha::metrics::haircut_sharpe_ratio(one, m);
    EXPECT_EQ(h.adjusted_p_value, h.p_value);
    EXPECT_NEAR(h.haircut_sharpe, 0.8, 1e-10);
    EXPECT_NEAR(h.haircut, 0.0, 1e-10);
  }
  // A weak strategy among many: adjusted p capped at 1, haircut SR 0, haircut 100%.
  const auto weak =
      alpha::metrics::haircut_sharpe_ratio({0.2, 36, 12.0, 100}, multiple_testing::bonferroni);
  EXPECT_EQ(weak.adjusted_p_value, 1.0);
  EXPECT_EQ(weak.haircut_sharpe, 0.0);
  EXPECT_EQ(weak.haircut, 1.0);
  EXPECT_THROW(
      (void)alpha::metrics::haircut_sharpe_ratio({-0.5, 120, 12.0, 10}, multiple_testing::holm),
      alpha::config_error);
  EXPECT_THROW(
      (void)alpha::metrics::haircut_sharpe_ratio({0.5, 1, 12.0, 10}, multiple_testing::holm),
      alpha::config_error);
  EXPECT_THROW(
      (void)alpha::metrics::haircut_sharpe_ratio({0.5, 120, 0.0, 10}, multiple_testing::holm),
      alpha::config_error);
  EXPECT_THROW(
      (void)alpha::metrics::haircut_sharpe_ratio({0.5, 120, 12.0, 0}, multiple_testing::holm),
      alpha::config_error);
  const std::vector<double> two{0.1, 0.2};
  EXPECT_THROW(
      (void)alpha::metrics::haircut_sharpe_ratio({0.5, 120, 12.0, 10}, multiple_testing::holm, two),
      alpha::config_error);
  const std::vector<double> nan_other{alpha::nan};
  EXPECT_THROW((void)alpha::metrics::haircut_sharpe_ratio({0.5, 120, 12.0, 2},
                                                          multiple_testing::holm, nan_other),
               alpha::data_error);
}

}  // namespace
