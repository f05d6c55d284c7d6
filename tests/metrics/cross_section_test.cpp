// Information coefficient, IC decay and signal buckets: hand-worked cross-sections (comments),
// naive O(n^2) ranks / long-double correlations / qcut-style bucketing written here, and
// no-look-ahead checks.
#include "alpha/metrics/buckets.hpp"
#include "alpha/metrics/information_coefficient.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

namespace m = alpha::metrics;
using ld = long double;

namespace {
constexpr double nan_v = std::numeric_limits<double>::quiet_NaN();

ld naive_pearson(const std::vector<ld>& x, const std::vector<ld>& y) {
  const ld n = static_cast<ld>(x.size());
  ld mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    mx += x[i] / n;
    my += y[i] / n;
  }
  ld sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

// O(n^2) average rank: 1 + (number below) + (ties - 1) / 2.
std::vector<ld> naive_ranks(const std::vector<ld>& x) {
  std::vector<ld> r(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    ld below = 0, equal = 0;
    for (const ld v : x) {
      below += v < x[i] ? 1 : 0;
      equal += v == x[i] ? 1 : 0;
    }
    r[i] = 1 + below + (equal - 1) / 2;
  }
  return r;
}

// Naive per-date IC with pairwise NaN deletion.
double naive_ic(const Eigen::ArrayXXd& s, const Eigen::ArrayXXd& f, Eigen::Index t, bool spearman,
                std::size_t min_count) {
  std::vector<ld> x, y;
  for (Eigen::Index j = 0; j < s.cols(); ++j)
    if (!std::isnan(s(t, j)) && !std::isnan(f(t, j))) {
      x.push_back(s(t, j));
      y.push_back(f(t, j));
    }
  if (x.size() < min_count) return nan_v;
  if (spearman) return static_cast<double>(naive_pearson(naive_ranks(x), naive_ranks(y)));
  return static_cast<double>(naive_pearson(x, y));
}

// A random signal with a planted link to the next-period return, prices from those returns.
struct market {
  Eigen::ArrayXXd signal, prices, returns;
};
market random_market(Eigen::Index rows, Eigen::Index cols, unsigned seed, double nan_share) {
  std::mt19937_64 gen(seed);
  std::normal_distribution<double> z(0.0, 1.0);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  market mk{Eigen::ArrayXXd(rows, cols), Eigen::ArrayXXd(rows, cols), Eigen::ArrayXXd(rows, cols)};
  for (Eigen::Index t = 0; t < rows; ++t)
    for (Eigen::Index j = 0; j < cols; ++j) mk.signal(t, j) = z(gen);
  for (Eigen::Index j = 0; j < cols; ++j) {
    double p = 100.0;
    for (Eigen::Index t = 0; t < rows; ++t) {
      const double r = t == 0 ? nan_v : 0.01 * z(gen) + 0.002 * mk.signal(t - 1, j);
      if (t > 0) p *= 1.0 + r;
      mk.returns(t, j) = r;
      mk.prices(t, j) = p;
    }
  }
  for (Eigen::Index t = 0; t < rows; ++t)
    for (Eigen::Index j = 0; j < cols; ++j)
      if (u(gen) < nan_share) mk.signal(t, j) = nan_v;
  return mk;
}

// Element-wise equality where NaN equals NaN.
bool same(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
  return true;
}

alpha::panel<double> as_panel(const Eigen::ArrayXXd& a) {
  std::vector<std::string> ids;
  std::vector<alpha::timestamp> times;
  for (Eigen::Index j = 0; j < a.cols(); ++j) ids.push_back(fmt::format("A{}", j));
  for (Eigen::Index t = 0; t < a.rows(); ++t) times.emplace_back(std::int64_t{86'400'000'000} * t);
  return {alpha::time_index(times), alpha::asset_list(ids), a};
}
}  // namespace

TEST(MetricsIC, HandCrossSectionWithTies) {
  // x = 1, 2, 2, 3, 5 -> average ranks 1, 2.5, 2.5, 4, 5; y = 10, 30, 20, 40, 50 -> 1, 3, 2, 4, 5.
  // Centred ranks: -2, -.5, -.5, 1, 2 and -2, 0, -1, 1, 2: sxy = 4 + 0 + .5 + 1 + 4 = 9.5,
  // sxx = 9.5, syy = 10 -> Spearman = 9.5 / sqrt(95) = sqrt(.95).
  // Pearson on the values: x mean 2.6, y mean 30; dx -1.6 -.6 -.6 .4 2.4, dy -20 0 -10 10 20:
  // sxy = 32 + 0 + 6 + 4 + 48 = 90, sxx = 2.56 + .36 + .36 + .16 + 5.76 = 9.2, syy = 1000
  // -> 90 / sqrt(9200).
  Eigen::ArrayXXd s(1, 5), f(1, 5);
  s << 1, 2, 2, 3, 5;
  f << 10, 30, 20, 40, 50;
  EXPECT_NEAR(m::ic_series(s, f)[0], std::sqrt(0.95), 1e-15);
  EXPECT_NEAR(m::ic_series(s, f, {.method = m::ic_method::pearson})[0], 90 / std::sqrt(9200.0),
              1e-15);
}

TEST(MetricsIC, PairwiseNaNDeletionMinCountAndConstantRows) {
  // Row 0: the hand cross-section plus two assets with a NaN on one side each (dropped).
  // Row 1: 4 valid pairs < min_count 5 -> NaN. Row 2: constant signal -> NaN.
  Eigen::ArrayXXd s(3, 7), f(3, 7);
  s << 1, 2, 2, 3, 5, nan_v, 9,         //
      1, 2, 3, 4, nan_v, nan_v, nan_v,  //
      7, 7, 7, 7, 7, 7, 7;
  f << 10, 30, 20, 40, 50, 60, nan_v,  //
      1, 2, 3, 4, 5, 6, 7,             //
      1, 2, 3, 4, 5, 6, 7;
  const auto ic = m::ic_series(s, f);
  EXPECT_NEAR(ic[0], std::sqrt(0.95), 1e-15);
  EXPECT_TRUE(std::isnan(ic[1]));
  EXPECT_TRUE(std::isnan(ic[2]));
  EXPECT_NEAR(m::ic_series(s, f, {.min_count = 4})[1], 1.0, 1e-15);
  const auto rep = m::information_coefficient(s, f);
  EXPECT_EQ(rep.summary.count, 1u);
  EXPECT_TRUE(std::isnan(rep.summary.stdev));
  EXPECT_THROW((void)m::ic_series(s, f, {.min_count = 2}), alpha::config_error);
  EXPECT_THROW((void)m::ic_series(s, Eigen::ArrayXXd(3, 6)), alpha::shape_error);
  Eigen::ArrayXXd bad = f;
  bad(1, 2) = std::numeric_limits<double>::infinity();
  EXPECT_THROW((void)m::ic_series(s, bad), alpha::data_error);
}

TEST(MetricsIC, RandomPanelAgainstNaiveAndSummary) {
  const auto mk = random_market(120, 30, 17, 0.1);
  const Eigen::ArrayXXd fwd = m::forward_returns_from_prices(mk.prices, 1);
  for (const bool spearman : {true, false}) {
    const m::ic_options o{.method = spearman ? m::ic_method::spearman : m::ic_method::pearson,
                          .min_count = 10};
    const auto rep = m::information_coefficient(mk.signal, fwd, o);
    std::vector<ld> vals;
    for (Eigen::Index t = 0; t < mk.signal.rows(); ++t) {
      const double e = naive_ic(mk.signal, fwd, t, spearman, 10);
      const double got = rep.ic[static_cast<std::size_t>(t)];
      if (std::isnan(e)) {
        EXPECT_TRUE(std::isnan(got)) << t;
        continue;
      }
      EXPECT_NEAR(got, e, 1e-13) << t;
      vals.push_back(e);
    }
    ld mean = 0;
    for (const ld v : vals) mean += v / static_cast<ld>(vals.size());
    ld ss = 0;
    for (const ld v : vals) ss += (v - mean) * (v - mean);
    const ld sd = std::sqrt(ss / static_cast<ld>(vals.size() - 1));
    EXPECT_EQ(rep.summary.count, vals.size());
    EXPECT_NEAR(rep.summary.mean, static_cast<double>(mean), 1e-14);
    EXPECT_NEAR(rep.summary.stdev, static_cast<double>(sd), 1e-14);
    EXPECT_NEAR(rep.summary.ir, static_cast<double>(mean / sd), 1e-12);
    EXPECT_NEAR(rep.summary.t_stat,
                static_cast<double>(mean / sd * std::sqrt(static_cast<ld>(vals.size()))), 1e-11);
    // The planted link (0.002 signal vs 0.01 noise) gives a clearly positive mean IC.
    EXPECT_GT(rep.summary.mean, 0.1);
    EXPECT_GT(rep.summary.t_stat, 5.0);
  }
  // The panel overload agrees and checks calendars.
  const auto ps = as_panel(mk.signal), pf = as_panel(fwd);
  EXPECT_TRUE(same(m::ic_series(ps, pf), m::ic_series(mk.signal, fwd)));
  EXPECT_THROW((void)m::ic_series(ps, as_panel(fwd.topRows(119))), alpha::shape_error);
}

TEST(MetricsIC, ForwardReturnsAndDecay) {
  const auto mk = random_market(60, 12, 5, 0.05);
  // Forward returns from prices and from the returns panel agree (compounding).
  for (const std::size_t h : {1u, 3u}) {
    const auto a = m::forward_returns_from_prices(mk.prices, h);
    const auto b = m::forward_returns_from_returns(mk.returns, h);
    const auto hh = static_cast<Eigen::Index>(h);
    for (Eigen::Index t = 0; t < 60; ++t)
      for (Eigen::Index j = 0; j < 12; ++j) {
        if (t + hh >= 60) {
          EXPECT_TRUE(std::isnan(a(t, j)) && std::isnan(b(t, j)));
          continue;
        }
        const double e = mk.prices(t + hh, j) / mk.prices(t, j) - 1;
        EXPECT_NEAR(a(t, j), e, 1e-15);
        EXPECT_NEAR(b(t, j), e, 1e-13);
      }
  }
  // Decay: each horizon's summary equals the IC of the signal against a naive h-period return.
  const std::vector<std::size_t> hs{1, 2, 5};
  const auto decay = m::ic_decay(mk.signal, mk.prices, hs);
  ASSERT_EQ(decay.size(), 3u);
  for (std::size_t k = 0; k < hs.size(); ++k) {
    Eigen::ArrayXXd fwd = Eigen::ArrayXXd::Constant(60, 12, nan_v);
    const auto h = static_cast<Eigen::Index>(hs[k]);
    for (Eigen::Index t = 0; t + h < 60; ++t)
      for (Eigen::Index j = 0; j < 12; ++j) fwd(t, j) = mk.prices(t + h, j) / mk.prices(t, j) - 1;
    ld sum = 0;
    std::size_t n = 0;
    for (Eigen::Index t = 0; t < 60; ++t) {
      const double e = naive_ic(mk.signal, fwd, t, true, 5);
      if (!std::isnan(e)) {
        sum += e;
        ++n;
      }
    }
    EXPECT_EQ(decay[k].horizon, hs[k]);
    EXPECT_EQ(decay[k].summary.count, n);
    EXPECT_NEAR(decay[k].summary.mean, static_cast<double>(sum / static_cast<ld>(n)), 1e-14);
  }
  const auto from_returns =
      m::ic_decay(mk.signal, mk.returns, hs, m::forward_source::returns, {.min_count = 5});
  EXPECT_NEAR(from_returns[2].summary.mean, decay[2].summary.mean, 1e-12);
  EXPECT_THROW((void)m::forward_returns_from_prices(mk.prices, 0), alpha::config_error);
  Eigen::ArrayXXd neg = mk.prices;
  neg(3, 4) = -1;
  EXPECT_THROW((void)m::forward_returns_from_prices(neg, 1), alpha::data_error);
}

TEST(MetricsIC, NoLookAhead) {
  // IC at t uses the signal at t and prices up to t + h only: perturbing later rows leaves it.
  auto mk = random_market(80, 15, 9, 0.0);
  const std::size_t h = 2;
  const auto before = m::ic_series(mk.signal, m::forward_returns_from_prices(mk.prices, h));
  const Eigen::Index cut = 50;
  mk.signal.bottomRows(80 - cut) *= -3.0;
  mk.prices.bottomRows(80 - cut - 2) *= 1.7;
  mk.prices(79, 3) = 1.0;
  const auto after = m::ic_series(mk.signal, m::forward_returns_from_prices(mk.prices, h));
  for (std::size_t t = 0; t + h < static_cast<std::size_t>(cut); ++t)
    EXPECT_EQ(before[t], after[t]);
}

TEST(MetricsBuckets, HandCrossSection) {
  // 10 assets, scores 1..10 (shuffled), forward return = score / 100 + a per-asset twist.
  // Quintiles: ranks 1-2 -> bucket 1, 3-4 -> 2, ..., 9-10 -> 5 (pandas qcut: edges at type-7
  // positions 1.8, 3.6, 5.4, 7.2 of 0..9). Bucket means (score/100 average, twist +-.001 cancel):
  // 1.5, 3.5, 5.5, 7.5, 9.5 %; long-short 8 %.
  Eigen::ArrayXXd s(1, 10), f(1, 10);
  s << 3, 7, 1, 10, 5, 2, 8, 4, 9, 6;
  for (Eigen::Index j = 0; j < 10; ++j)
    f(0, j) = s(0, j) / 100.0 + (static_cast<int>(s(0, j)) % 2 == 0 ? 0.001 : -0.001);
  const auto b = m::signal_buckets(s, f);
  ASSERT_EQ(b.mean_return.size(), 5u);
  for (std::size_t k = 0; k < 5; ++k) {
    EXPECT_NEAR(b.mean_return[k], (2.0 * static_cast<double>(k) + 1.5) / 100.0, 1e-15) << k;
    EXPECT_EQ(b.dates[k], 1u);
  }
  EXPECT_NEAR(b.long_short[0], 0.08, 1e-15);
  // 7 assets in terciles: qcut edges at positions 2 and 4 of 0..6 -> buckets of 3, 2, 2
  // (scores 1-3, 4-5, 6-7); forward return = score: means 2, 4.5, 6.5; long-short 4.5.
  Eigen::ArrayXXd s7(1, 7), f7(1, 7);
  s7 << 4, 1, 7, 2, 6, 3, 5;
  f7 = s7;
  const auto t = m::signal_buckets(s7, f7, {.buckets = 3});
  EXPECT_DOUBLE_EQ(t.mean_return[0], 2.0);
  EXPECT_DOUBLE_EQ(t.mean_return[1], 4.5);
  EXPECT_DOUBLE_EQ(t.mean_return[2], 6.5);
  EXPECT_DOUBLE_EQ(t.long_short[0], 4.5);
  // Ties share a bucket: scores 1, 1, 1, 1, 2, 3 (average rank 2.5 for the ones) in terciles:
  // ceil(3 * 1.5 / 5) = 1, ceil(3 * 4 / 5) = 3, ceil(3 * 5 / 5) = 3 -> bucket 2 empty.
  Eigen::ArrayXXd st(1, 6), ft(1, 6);
  st << 1, 1, 1, 1, 2, 3;
  ft << 0.01, 0.02, 0.03, 0.04, 0.05, 0.07;
  const auto tie = m::signal_buckets(st, ft, {.buckets = 3});
  EXPECT_NEAR(tie.mean_return[0], 0.025, 1e-16);
  EXPECT_TRUE(std::isnan(tie.mean_return[1]));
  EXPECT_EQ(tie.dates[1], 0u);
  EXPECT_NEAR(tie.mean_return[2], 0.06, 1e-16);
  EXPECT_THROW((void)m::signal_buckets(s, f, {.buckets = 1}), alpha::config_error);
  EXPECT_THROW((void)m::signal_buckets(s, f, {.buckets = 5, .min_count = 3}), alpha::config_error);
}

TEST(MetricsBuckets, RandomPanelAgainstQcutRule) {
  // Naive qcut (distinct scores): edges e_b = type-7 quantile at b / q, bucket = the first b
  // with score <= e_b; per-date bucket means, then the mean over dates.
  const auto mk = random_market(90, 23, 31, 0.1);
  const Eigen::ArrayXXd fwd = m::forward_returns_from_prices(mk.prices, 1);
  const std::size_t q = 4;
  std::vector<ld> total(q, 0);
  std::vector<std::size_t> dates(q, 0);
  std::vector<ld> ls;
  for (Eigen::Index t = 0; t < 90; ++t) {
    std::vector<ld> x, y;
    for (Eigen::Index j = 0; j < 23; ++j)
      if (!std::isnan(mk.signal(t, j)) && !std::isnan(fwd(t, j))) {
        x.push_back(mk.signal(t, j));
        y.push_back(fwd(t, j));
      }
    if (x.size() < q) continue;
    std::vector<ld> sorted = x;
    std::sort(sorted.begin(), sorted.end());
    std::vector<ld> edge(q + 1);
    for (std::size_t b = 0; b <= q; ++b) {
      const ld h = static_cast<ld>(b) / q * static_cast<ld>(x.size() - 1);
      const auto i = static_cast<std::size_t>(std::floor(h));
      edge[b] =
          i + 1 < sorted.size() ? sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]) : sorted.back();
    }
    std::vector<ld> sum(q, 0);
    std::vector<std::size_t> cnt(q, 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
      std::size_t b = 1;
      while (b < q && x[i] > edge[b]) ++b;
      sum[b - 1] += y[i];
      ++cnt[b - 1];
    }
    for (std::size_t b = 0; b < q; ++b)
      if (cnt[b] > 0) {
        total[b] += sum[b] / static_cast<ld>(cnt[b]);
        ++dates[b];
      }
    ls.push_back(sum[q - 1] / static_cast<ld>(cnt[q - 1]) - sum[0] / static_cast<ld>(cnt[0]));
  }
  const auto rep = m::signal_buckets(mk.signal, fwd, {.buckets = q});
  for (std::size_t b = 0; b < q; ++b) {
    EXPECT_EQ(rep.dates[b], dates[b]);
    EXPECT_NEAR(rep.mean_return[b], static_cast<double>(total[b] / static_cast<ld>(dates[b])),
                1e-15);
  }
  ld mean = 0;
  for (const ld v : ls) mean += v / static_cast<ld>(ls.size());
  EXPECT_EQ(rep.long_short_summary.count, ls.size());
  EXPECT_NEAR(rep.long_short_summary.mean, static_cast<double>(mean), 1e-15);
  // Planted link: the top quartile beats the bottom one.
  EXPECT_GT(rep.long_short_summary.t_stat, 3.0);
  const auto ps = as_panel(mk.signal), pf = as_panel(fwd);
  EXPECT_TRUE(same(m::signal_buckets(ps, pf, {.buckets = q}).long_short, rep.long_short));
}
