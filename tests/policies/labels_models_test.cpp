// Labelers and models: forward_return (hand values, a naive long-double implementation, batch ==
// streaming, no look-ahead), ridge (long-double Gaussian elimination on the standardised normal
// equations, a numpy value, incremental == refit, cancellation), rule models.
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/labels/forward_return.hpp"
#include "alpha/models/ridge.hpp"
#include "alpha/models/rule.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <vector>

namespace {

using alpha::nan;

// One asset whose close is `close` (other fields equal to it), daily timestamps.
alpha::ohlcv_panel one_asset(const std::vector<double>& close) {
  std::vector<alpha::timestamp> t;
  for (std::size_t i = 0; i < close.size(); ++i)
    t.emplace_back(static_cast<std::int64_t>(i + 18000) * 86'400'000'000LL);
  alpha::ohlcv_panel px(alpha::time_index(t), alpha::asset_list{"A"});
  for (std::size_t i = 0; i < close.size(); ++i) {
    const auto r = static_cast<Eigen::Index>(i);
    px.open_values()(r, 0) = px.high_values()(r, 0) = px.low_values()(r, 0) = close[i];
    px.close_values()(r, 0) = close[i];
    px.volume_values()(r, 0) = 1000.0;
  }
  return px;
}

std::vector<double> batch_labels(const alpha::labels::forward_return::params& p,
                                 const alpha::ohlcv_panel& px) {
  std::vector<double> out(px.rows());
  alpha::labels::forward_return::batch(p, px.asset(0), out);
  return out;
}

// Streaming labels re-indexed by the bar they belong to (update at t returns the label of t - h).
std::vector<double> stream_labels(const alpha::labels::forward_return::params& p,
                                  const alpha::ohlcv_panel& px) {
  alpha::labels::forward_return l(p);
  std::vector<double> out(px.rows(), nan);
  const auto bars = px.asset(0);
  for (std::size_t t = 0; t < bars.size(); ++t) {
    const double v = l.update(bars[t]);
    if (t >= p.horizon)
      out[t - p.horizon] = v;
    else
      EXPECT_TRUE(std::isnan(v)) << "label before horizon at bar " << t;
  }
  return out;
}

bool same_bits(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

std::vector<double> random_walk(std::size_t n, std::uint64_t seed) {
  std::mt19937_64 g(seed);
  std::normal_distribution<double> z(0.0, 0.015);
  std::vector<double> c(n);
  double p = 100.0;
  for (auto& x : c) x = p *= std::exp(z(g));
  return c;
}

TEST(ForwardReturn, SimpleAndLogHandValues) {
  // c: 100 110 99 99 120 NaN 130 140 0 150, h = 2.
  const auto px = one_asset({100, 110, 99, 99, 120, nan, 130, 140, 0, 150});
  const auto simple = batch_labels({.horizon = 2}, px);
  // Worked by hand: 99/100 - 1, 99/110 - 1, 120/99 - 1, (NaN at bar 5), 130/120 - 1, (NaN),
  // (zero price at bar 8), 150/140 - 1, then the last two bars have no label.
  const double expected[] = {-0.01, -0.1, 0.21212121212121213, nan, 0.08333333333333333,
                             nan,   nan,  0.07142857142857142, nan, nan};
  for (std::size_t s = 0; s < 10; ++s) {
    if (std::isnan(expected[s]))
      EXPECT_TRUE(std::isnan(simple[s])) << s;
    else
      EXPECT_NEAR(simple[s], expected[s], 1e-15) << s;
  }
  const auto logr = batch_labels({.horizon = 2, .log_return = true}, px);
  EXPECT_NEAR(logr[0], -0.01005033585350145, 1e-15);  // ln 0.99
  EXPECT_NEAR(logr[1], -0.10536051565782628, 1e-15);  // ln (9/10)
  EXPECT_TRUE(std::isnan(logr[6]));
  // Streaming == batch, bit for bit.
  for (const auto& p : {alpha::labels::forward_return::params{.horizon = 2},
                        alpha::labels::forward_return::params{.horizon = 2, .log_return = true}}) {
    const auto b = batch_labels(p, px), s = stream_labels(p, px);
    for (std::size_t i = 0; i < b.size(); ++i) EXPECT_TRUE(same_bits(b[i], s[i])) << i;
  }
}

TEST(ForwardReturn, VolScalingHandValue) {
  // c: 100 101 99 100 102, w = 3, h = 1. Returns r1..r4 = 0.01, -0.0198019..., 0.0101010...,
  // 0.02. sigma_3 = sample std of (r1, r2, r3); label_3 = (102/100 - 1) / sigma_3.
  const auto px = one_asset({100, 101, 99, 100, 102});
  const auto l = batch_labels({.horizon = 1, .vol_window = 3}, px);
  const double r1 = 0.01, r2 = 99.0 / 101.0 - 1.0, r3 = 100.0 / 99.0 - 1.0;
  const double m = (r1 + r2 + r3) / 3.0;
  const double sd =
      std::sqrt(((r1 - m) * (r1 - m) + (r2 - m) * (r2 - m) + (r3 - m) * (r3 - m)) / 2);
  // By hand: mean 0.0000997, deviations 0.0099003, -0.0199017, 0.0100013; squares sum to
  // 5.94119e-4; / 2 = 2.97060e-4; sqrt = 0.0172354.
  EXPECT_NEAR(sd, 0.0172354, 1e-7);
  EXPECT_NEAR(l[3], 0.02 / sd, 1e-12);
  for (std::size_t s = 0; s < 3; ++s) EXPECT_TRUE(std::isnan(l[s])) << s;  // warm-up
  EXPECT_TRUE(std::isnan(l[4]));                                           // last bar
}

// Naive independent implementation: long double, two-pass std over each window.
std::vector<double> naive_labels(const std::vector<double>& c, std::size_t h, bool log_return,
                                 std::size_t w) {
  const std::size_t n = c.size();
  auto ok = [&](std::size_t i) { return std::isfinite(c[i]) && c[i] > 0; };
  std::vector<double> out(n, nan);
  for (std::size_t s = 0; s + h < n; ++s) {
    if (!ok(s) || !ok(s + h)) continue;
    long double r = static_cast<long double>(c[s + h]) / c[s];
    r = log_return ? std::log(r) : r - 1;
    if (w > 0) {
      if (s < w) continue;
      std::vector<long double> rs;
      bool bad = false;
      for (std::size_t t = s + 1 - w; t <= s; ++t) {
        if (!ok(t) || !ok(t - 1))
          bad = true;
        else
          rs.push_back(static_cast<long double>(c[t]) / c[t - 1] - 1);
      }
      if (bad) continue;
      long double m = 0, ss = 0;
      for (auto x : rs) m += x;
      m /= static_cast<long double>(w);
      for (auto x : rs) ss += (x - m) * (x - m);
      const long double sd = std::sqrt(ss / static_cast<long double>(w - 1));
      if (!(sd > 0)) continue;
      r /= sd * std::sqrt(static_cast<long double>(h));
    }
    out[s] = static_cast<double>(r);
  }
  return out;
}

TEST(ForwardReturn, NaiveBatchStreamingAndNoLookAhead) {
  auto c = random_walk(400, 7);
  c[50] = nan;
  c[51] = nan;
  c[200] = 0.0;
  c[300] = -5.0;
  for (const std::size_t h : {1u, 5u})
    for (const bool lg : {false, true})
      for (const std::size_t w : {0u, 2u, 20u}) {
        const alpha::labels::forward_return::params p{
            .horizon = h, .log_return = lg, .vol_window = w};
        const auto px = one_asset(c);
        const auto b = batch_labels(p, px), s = stream_labels(p, px);
        const auto ref = naive_labels(c, h, lg, w);
        std::size_t finite = 0;
        for (std::size_t i = 0; i < c.size(); ++i) {
          ASSERT_TRUE(same_bits(b[i], s[i])) << "h " << h << " w " << w << " bar " << i;
          ASSERT_EQ(std::isnan(b[i]), std::isnan(ref[i])) << "h " << h << " w " << w << " " << i;
          if (!std::isnan(ref[i])) {
            ++finite;
            // A 2-return std is ill-conditioned (the difference of two close returns): the
            // relative error is eps |r| / |r_a - r_b|, up to ~1e-9 on this series.
            const double rtol = w == 2 ? 1e-8 : 1e-12;
            EXPECT_NEAR(b[i], ref[i], rtol * std::max(1.0, std::abs(ref[i])));
          }
        }
        EXPECT_GT(finite, 300u);
        // No look-ahead: changing every close after bar T leaves labels of bars s <= T - h.
        const std::size_t T = 250;
        auto c2 = c;
        for (std::size_t i = T + 1; i < c2.size(); ++i) c2[i] *= 1.5;
        const auto b2 = batch_labels(p, one_asset(c2));
        for (std::size_t i = 0; i + h <= T; ++i) ASSERT_TRUE(same_bits(b[i], b2[i])) << i;
        EXPECT_FALSE(same_bits(b[T + 1 - h], b2[T + 1 - h]));
      }
}

TEST(ForwardReturn, ResetAndErrors) {
  const auto px = one_asset(random_walk(60, 3));
  const alpha::labels::forward_return::params p{.horizon = 3, .vol_window = 10};
  alpha::labels::forward_return l(p);
  EXPECT_EQ(l.horizon(), 3u);
  std::vector<double> first, second;
  for (const auto& b : px.asset(0).bars()) first.push_back(l.update(b));
  l.reset();
  for (const auto& b : px.asset(0).bars()) second.push_back(l.update(b));
  for (std::size_t i = 0; i < first.size(); ++i) EXPECT_TRUE(same_bits(first[i], second[i]));
  EXPECT_THROW(alpha::labels::forward_return({.horizon = 0}), alpha::config_error);
  EXPECT_THROW(alpha::labels::forward_return({.vol_window = 1}), alpha::config_error);
  std::vector<double> short_out(10);
  EXPECT_THROW(alpha::labels::forward_return::batch(p, px.asset(0), short_out), alpha::shape_error);
}

// ---------------------------------------------------------------------------------------------
// Ridge.

struct dataset {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
};

dataset make_data(std::size_t n, std::size_t f, std::uint64_t seed, double offset = 0.0,
                  double spread = 1.0) {
  std::mt19937_64 g(seed);
  std::normal_distribution<double> z;
  dataset d;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> row(f);
    const double common = z(g);
    for (std::size_t j = 0; j < f; ++j)
      row[j] = offset * static_cast<double>(j + 1) +
               spread * static_cast<double>(j + 1) * (0.6 * common + z(g));
    double y = 0.3;
    for (std::size_t j = 0; j < f; ++j)
      y += (static_cast<double>(j % 3) - 1.0) * 0.5 *
           (row[j] - offset * static_cast<double>(j + 1)) / spread;
    d.x.push_back(row);
    d.y.push_back(y + z(g));
  }
  return d;
}

struct ridge_ref {
  std::vector<long double> coef;  // features' units
  long double intercept;
};

// Independent reference: two-pass long-double means / population stds over rows [lo, hi), the
// standardised normal equations (Z'Z + lambda I) b = Z'(y - ybar), Gaussian elimination with
// partial pivoting; constant features get a zero coefficient.
ridge_ref reference(const dataset& d, std::size_t lo, std::size_t hi, double lambda) {
  const std::size_t f = d.x[0].size();
  const auto n = static_cast<long double>(hi - lo);
  std::vector<long double> mu(f, 0), sd(f, 0);
  long double ybar = 0;
  for (std::size_t i = lo; i < hi; ++i) {
    for (std::size_t j = 0; j < f; ++j) mu[j] += d.x[i][j];
    ybar += d.y[i];
  }
  for (auto& m : mu) m /= n;
  ybar /= n;
  for (std::size_t i = lo; i < hi; ++i)
    for (std::size_t j = 0; j < f; ++j) sd[j] += (d.x[i][j] - mu[j]) * (d.x[i][j] - mu[j]);
  std::vector<std::size_t> act;
  for (std::size_t j = 0; j < f; ++j) {
    sd[j] = std::sqrt(sd[j] / n);
    if (sd[j] > 0) act.push_back(j);
  }
  const std::size_t k = act.size();
  std::vector<std::vector<long double>> a(k, std::vector<long double>(k + 1, 0));
  for (std::size_t i = lo; i < hi; ++i)
    for (std::size_t u = 0; u < k; ++u) {
      const long double zu = (d.x[i][act[u]] - mu[act[u]]) / sd[act[u]];
      for (std::size_t v = 0; v < k; ++v)
        a[u][v] += zu * (d.x[i][act[v]] - mu[act[v]]) / sd[act[v]];
      a[u][k] += zu * (d.y[i] - ybar);
    }
  for (std::size_t u = 0; u < k; ++u) a[u][u] += lambda;
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < k; ++r)
      if (std::abs(a[r][c]) > std::abs(a[piv][c])) piv = r;
    std::swap(a[c], a[piv]);
    for (std::size_t r = 0; r < k; ++r) {
      if (r == c) continue;
      const long double m = a[r][c] / a[c][c];
      for (std::size_t q = c; q <= k; ++q) a[r][q] -= m * a[c][q];
    }
  }
  ridge_ref out{std::vector<long double>(f, 0), ybar};
  for (std::size_t u = 0; u < k; ++u) out.coef[act[u]] = a[u][k] / a[u][u] / sd[act[u]];
  for (std::size_t j = 0; j < f; ++j) out.intercept -= out.coef[j] * mu[j];
  return out;
}

void expect_matches(const alpha::models::ridge& m, const ridge_ref& r, double rtol,
                    const char* what) {
  ASSERT_TRUE(m.fitted()) << what;
  long double scale = 0;
  for (auto c : r.coef) scale = std::max(scale, std::abs(c));
  for (std::size_t j = 0; j < r.coef.size(); ++j)
    EXPECT_NEAR(m.coefficients()[j], static_cast<double>(r.coef[j]),
                rtol * static_cast<double>(scale))
        << what << " coefficient " << j;
}

TEST(Ridge, MatchesLongDoubleNormalEquations) {
  for (const double lambda : {0.0, 0.5, 25.0}) {
    const auto d = make_data(250, 5, 11);
    alpha::models::ridge m({.lambda = lambda}, 5);
    for (std::size_t i = 0; i < d.y.size(); ++i) m.observe(d.x[i], d.y[i]);
    m.fit();
    const auto r = reference(d, 0, d.y.size(), lambda);
    expect_matches(m, r, 1e-12, "lambda");
    EXPECT_NEAR(m.intercept(), static_cast<double>(r.intercept), 1e-11);
    // predict = intercept + coef . x
    long double p = r.intercept;
    for (std::size_t j = 0; j < 5; ++j) p += r.coef[j] * d.x[7][j];
    EXPECT_NEAR(m.predict(d.x[7]), static_cast<double>(p), 1e-11);
  }
}

TEST(Ridge, MatchesNumpyStandardScalerRidge) {
  // Offline value: scikit-learn is not installed on this machine, so the value comes from numpy
  // 1.24 (/usr/bin/python3) implementing sklearn's convention (StandardScaler population std,
  // constant column left at 0, Ridge(alpha=2.5) with intercept):
  //   mu = X.mean(0); sd = X.std(0); Z = (X[:, sd > 0] - mu) / sd
  //   b = np.linalg.solve(Z.T @ Z + 2.5 I, Z.T @ (y - y.mean())); coef = b / sd
  // on x0 = i, x1 = i*i % 7, x2 = 3i % 5 - 2, x3 = 4, y = 0.5 x0 - 1.5 x1 + 2 x2
  // + 0.25 ((7i % 3) - 1) + 1, i = 0..11.
  alpha::models::ridge m({.lambda = 2.5}, 4);
  for (int i = 0; i < 12; ++i) {
    const double x[4] = {double(i), double((i * i) % 7), double((3 * i) % 5) - 2.0, 4.0};
    const double y = 0.5 * x[0] - 1.5 * x[1] + 2.0 * x[2] + (((i * 7) % 3) - 1) * 0.25 + 1.0;
    m.observe(x, y);
  }
  m.fit();
  ASSERT_TRUE(m.fitted());
  EXPECT_NEAR(m.coefficients()[0], 0.42314093647704754, 1e-13);
  EXPECT_NEAR(m.coefficients()[1], -1.2258165281953675, 1e-13);
  EXPECT_NEAR(m.coefficients()[2], 1.70064812936884, 1e-13);
  EXPECT_EQ(m.coefficients()[3], 0.0);  // constant feature
  EXPECT_NEAR(m.standardised_coefficients()[0], 1.460704740115258, 1e-13);
  EXPECT_NEAR(m.intercept(), 0.8722605391980961, 1e-12);
  const double q[4] = {3.5, 2.0, -1.0, 4.0};
  EXPECT_NEAR(m.predict(q), -1.7990273688918124, 1e-12);
}

TEST(Ridge, IncrementalEqualsRefitOnRemainingRows) {
  const auto d = make_data(5000, 4, 5);
  const std::size_t window = 60;
  alpha::models::ridge rolling({.lambda = 1.0}, 4);
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    rolling.observe(d.x[i], d.y[i]);
    if (i >= window) rolling.forget(d.x[i - window], d.y[i - window]);
  }
  EXPECT_EQ(rolling.training_rows(), window);
  rolling.fit();
  alpha::models::ridge fresh({.lambda = 1.0}, 4);
  for (std::size_t i = d.y.size() - window; i < d.y.size(); ++i) fresh.observe(d.x[i], d.y[i]);
  fresh.fit();
  const auto r = reference(d, d.y.size() - window, d.y.size(), 1.0);
  expect_matches(rolling, r, 1e-12, "rolling");
  expect_matches(fresh, r, 1e-12, "fresh");
  for (std::size_t j = 0; j < 4; ++j)
    EXPECT_NEAR(rolling.coefficients()[j], fresh.coefficients()[j], 1e-12);
}

TEST(Ridge, CancellationOnFeaturesFarFromZero) {
  // Features around 1e6 .. 4e6 with unit-order spread, a rolling window of 200 over 20000 rows
  // (plain one-pass sums of x, xx' lose 13 of 16 digits here: 3e-3 relative error measured,
  // against 3e-15 for the shifted compensated sums).
  const auto d = make_data(20000, 4, 9, 1e6, 1.0);
  const std::size_t window = 200;
  alpha::models::ridge m({.lambda = 0.1}, 4);
  for (std::size_t i = 0; i < d.y.size(); ++i) {
    m.observe(d.x[i], d.y[i]);
    if (i >= window) m.forget(d.x[i - window], d.y[i - window]);
  }
  m.fit();
  const auto r = reference(d, d.y.size() - window, d.y.size(), 0.1);
  expect_matches(m, r, 1e-12, "far from zero");  // measured ~3e-15
}

TEST(Ridge, EdgeCases) {
  const auto d = make_data(10, 3, 2);
  alpha::models::ridge m({}, 3);  // min_rows = F + 2 = 5
  for (std::size_t i = 0; i < 4; ++i) m.observe(d.x[i], d.y[i]);
  m.fit();
  EXPECT_FALSE(m.fitted());
  EXPECT_TRUE(std::isnan(m.predict(d.x[0])));
  m.observe(d.x[4], d.y[4]);
  m.fit();
  EXPECT_TRUE(m.fitted());
  const double with_nan[3] = {1.0, nan, 2.0};
  EXPECT_TRUE(std::isnan(m.predict(with_nan)));
  // Dropping below min_rows again unfits.
  m.forget(d.x[0], d.y[0]);
  m.fit();
  EXPECT_FALSE(m.fitted());
  // Errors.
  const double bad[3] = {1.0, std::numeric_limits<double>::infinity(), 0.0};
  EXPECT_THROW(m.observe(bad, 1.0), alpha::data_error);
  EXPECT_THROW(m.observe(d.x[0], nan), alpha::data_error);
  EXPECT_THROW(m.observe(std::span<const double>(d.x[0]).first(2), 1.0), alpha::shape_error);
  EXPECT_THROW((void)m.predict(std::span<const double>(d.x[0]).first(2)), alpha::shape_error);
  alpha::models::ridge empty({}, 3);
  EXPECT_THROW(empty.forget(d.x[0], d.y[0]), alpha::data_error);
  EXPECT_THROW(alpha::models::ridge({.lambda = -1.0}, 3), alpha::config_error);
  EXPECT_THROW(alpha::models::ridge({.lambda = nan}, 3), alpha::config_error);
  EXPECT_THROW(alpha::models::ridge({.min_rows = 1}, 3), alpha::config_error);
  EXPECT_THROW(alpha::models::ridge({}, 0), alpha::config_error);
  // lambda = 0 with two identical features: singular, not fitted.
  alpha::models::ridge ols({.lambda = 0.0}, 2);
  for (std::size_t i = 0; i < 10; ++i) {
    const double x[2] = {d.x[i][0], d.x[i][0]};
    ols.observe(x, d.y[i]);
  }
  ols.fit();
  EXPECT_FALSE(ols.fitted());
  // A constant feature that differed earlier in a rolling window: coefficient exactly 0 once
  // only constant rows remain.
  alpha::models::ridge roll({.lambda = 1.0}, 2);
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i < 40; ++i)
    rows.push_back({d.x[i % 10][0] * double(i), i < 20 ? double(i) * 0.37 : 0.25});
  for (std::size_t i = 0; i < 40; ++i) {
    roll.observe(rows[i], double(i % 7));
    if (i >= 15) roll.forget(rows[i - 15], double((i - 15) % 7));
  }
  roll.fit();
  ASSERT_TRUE(roll.fitted());
  EXPECT_EQ(roll.coefficients()[1], 0.0);
  EXPECT_EQ(roll.feature_scales()[1], 0.0);
  // reset
  roll.reset();
  EXPECT_EQ(roll.training_rows(), 0u);
  EXPECT_FALSE(roll.fitted());
}

TEST(RuleModels, SignOfDifferenceAndLinearRule) {
  alpha::models::sign_of_difference s({}, 2);
  const double up[2] = {101.0, 100.0}, down[2] = {99.0, 100.0}, flat[2] = {5.0, 5.0},
               gap[2] = {nan, 1.0};
  EXPECT_EQ(s.predict(up), 1.0);
  EXPECT_EQ(s.predict(down), -1.0);
  EXPECT_EQ(s.predict(flat), 0.0);
  EXPECT_TRUE(std::isnan(s.predict(gap)));
  EXPECT_TRUE(s.fitted());
  alpha::models::sign_of_difference raw({.lhs = 1, .rhs = 0, .sign = false}, 2);
  EXPECT_EQ(raw.predict(up), -1.0);  // 100 - 101
  EXPECT_EQ(raw.predict(down), 1.0);
  EXPECT_THROW(alpha::models::sign_of_difference({}, 1), alpha::config_error);
  EXPECT_THROW(alpha::models::sign_of_difference({.lhs = 0, .rhs = 0}, 2), alpha::config_error);
  EXPECT_THROW((void)s.predict(std::span<const double>(up).first(1)), alpha::shape_error);

  alpha::models::linear_rule::params lp;
  lp.weights = {0.5, -2.0, 0, 0, 0, 0, 0, 0};
  lp.bias = 0.25;
  alpha::models::linear_rule l(lp, 2);
  EXPECT_EQ(l.predict(up), 0.25 + 50.5 - 200.0);
  alpha::models::linear_rule first({}, 3);
  const double x3[3] = {0.7, 9.0, 9.0};
  EXPECT_EQ(first.predict(x3), 0.7);
  lp.weights[3] = 1.0;
  EXPECT_THROW(alpha::models::linear_rule(lp, 2), alpha::config_error);
  EXPECT_THROW(alpha::models::linear_rule({}, 9), alpha::config_error);
}

}  // namespace
