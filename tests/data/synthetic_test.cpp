// Tests of alpha::data::generate_market: the generated data has the requested statistics.
//
// Every statistical check compares an estimate with the model value within k = 4 standard errors
// (two-sided false-alarm rate 6e-5 per check under the normal approximation), the standard error
// being derived from the sampling distribution of the estimator (derivation next to each test).
// Markets are generated once per test binary (function-local statics) and kept small: the whole
// suite generates about 0.5 M asset-days.
#include "alpha/data/synthetic.hpp"

#include <gtest/gtest.h>

#include <array>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <vector>

namespace {

namespace ad = alpha::data;

constexpr double k_sigmas = 4.0;

// The main statistics market: 40 assets in 4 sectors of 10, 2000 days, nu = 10 (finite 8th
// moment, so that sample moments have well-defined standard errors), planted IC 0.05.
ad::synthetic_config stats_config() {
  ad::synthetic_config c;
  c.seed = 7;
  c.assets = 40;
  c.days = 2000;
  c.student_t_dof = 10.0;
  c.planted_ic = 0.05;
  return c;
}
const ad::synthetic_market& stats_market() {
  static const ad::synthetic_market m = ad::generate_market(stats_config());
  return m;
}

// Same size, no alpha, 5 sectors of 8 laid out round-robin, default nu = 5.
ad::synthetic_config null_config() {
  ad::synthetic_config c;
  c.seed = 11;
  c.assets = 40;
  c.days = 2000;
  c.sectors = 5;
  c.layout = ad::sector_layout::round_robin;
  return c;
}
const ad::synthetic_market& null_market() {
  static const ad::synthetic_market m = ad::generate_market(null_config());
  return m;
}

/// Log close-to-close returns: r[t][i] = log(close(t, i) / close(t-1, i)) for t >= 1 (r[0] = 0).
std::vector<std::vector<double>> log_returns(const ad::synthetic_market& m) {
  const auto& c = m.bars.close();
  std::vector<std::vector<double>> r(c.rows(), std::vector<double>(c.cols(), 0.0));
  for (std::size_t t = 1; t < c.rows(); ++t)
    for (std::size_t i = 0; i < c.cols(); ++i) r[t][i] = std::log(c(t, i) / c(t - 1, i));
  return r;
}

/// Returns standardised with the hidden regime: (r - mu_k dt) / (sigma_k sqrt(dt)), t >= 1.
std::vector<std::vector<double>> standardized_returns(const ad::synthetic_market& m) {
  auto r = log_returns(m);
  const double dt = 1.0 / ad::trading_days_per_year;
  for (std::size_t t = 1; t < r.size(); ++t) {
    const auto& p = m.config.regimes[static_cast<std::size_t>(m.regime[t])];
    for (double& x : r[t]) x = (x - p.drift * dt) / (p.volatility * std::sqrt(dt));
  }
  return r;
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
  const auto n = static_cast<double>(x.size());
  double mx = 0, my = 0;
  for (std::size_t k = 0; k < x.size(); ++k) mx += x[k], my += y[k];
  mx /= n, my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t k = 0; k < x.size(); ++k) {
    sxy += (x[k] - mx) * (y[k] - my);
    sxx += (x[k] - mx) * (x[k] - mx);
    syy += (y[k] - my) * (y[k] - my);
  }
  return sxy / std::sqrt(sxx * syy);
}

struct mean_se {
  double mean = 0, se = 0;
};
mean_se mean_and_se(const std::vector<double>& x) {
  const auto n = static_cast<double>(x.size());
  double m = 0, s = 0;
  for (const double v : x) m += v;
  m /= n;
  for (const double v : x) s += (v - m) * (v - m);
  return {m, std::sqrt(s / (n - 1.0) / n)};
}

/// Per-date cross-sectional correlations between signal(t) and r(t + lag), for every t where both
/// exist (r[t] is the return ending at t).
std::vector<double> daily_ic(const ad::synthetic_market& m,
                             const std::vector<std::vector<double>>& r, int lag) {
  std::vector<double> ics;
  const std::size_t n = m.bars.cols(), t_count = m.bars.rows();
  for (std::size_t t = 0; t < t_count; ++t) {
    const auto tr = static_cast<std::ptrdiff_t>(t) + lag;
    if (tr < 1 || tr >= static_cast<std::ptrdiff_t>(t_count)) continue;
    std::vector<double> s(n);
    for (std::size_t i = 0; i < n; ++i) s[i] = m.signal(t, i);
    ics.push_back(correlation(s, r[static_cast<std::size_t>(tr)]));
  }
  return ics;
}

/// Sample excess kurtosis m4 / m2^2 - 3 (mean known to be 0).
double excess_kurtosis(const std::vector<std::vector<double>>& u) {
  double m2 = 0, m4 = 0, n = 0;
  for (std::size_t t = 1; t < u.size(); ++t)
    for (const double x : u[t]) {
      m2 += x * x;
      m4 += x * x * x * x;
      n += 1;
    }
  m2 /= n, m4 /= n;
  return m4 / (m2 * m2) - 3.0;
}

/// Asymptotic standard error of the sample kurtosis of n iid unit-variance Student-t(nu) draws
/// (delta method on g = m4 / m2^2: var = mu8 - mu4^2 - 4 mu4 (mu6 - mu4) + 4 mu4^2 (mu4 - 1),
/// with the standardised moments mu4 = 3 (nu-2)/(nu-4), mu6 = 15 (nu-2)^2 / ((nu-4)(nu-6)),
/// mu8 = 105 (nu-2)^3 / ((nu-4)(nu-6)(nu-8)); the Gaussian limit gives var = 24). nu > 8.
double kurtosis_se(double nu, double n) {
  double mu4 = 3, mu6 = 15, mu8 = 105;
  if (std::isfinite(nu)) {
    mu4 = 3 * (nu - 2) / (nu - 4);
    mu6 = 15 * (nu - 2) * (nu - 2) / ((nu - 4) * (nu - 6));
    mu8 = 105 * (nu - 2) * (nu - 2) * (nu - 2) / ((nu - 4) * (nu - 6) * (nu - 8));
  }
  const double v = mu8 - mu4 * mu4 - 4 * mu4 * (mu6 - mu4) + 4 * mu4 * mu4 * (mu4 - 1);
  return std::sqrt(v / n);
}

std::uint64_t fnv1a(std::uint64_t h, double x) {
  auto bits = std::bit_cast<std::uint64_t>(x);
  for (int b = 0; b < 8; ++b, bits >>= 8) h = (h ^ (bits & 0xffu)) * 0x100000001b3ULL;
  return h;
}
std::uint64_t market_hash(const ad::synthetic_market& m) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  const auto& b = m.bars;
  for (const auto* p :
       {&b.open(), &b.high(), &b.low(), &b.close(), &b.volume(), &*b.vwap(), &m.signal})
    for (Eigen::Index k = 0; k < p->values().size(); ++k) h = fnv1a(h, p->values().data()[k]);
  for (const int k : m.regime) h = fnv1a(h, k);
  return h;
}

bool bitwise_equal(const alpha::panel<double>& a, const alpha::panel<double>& b, std::size_t rows,
                   std::size_t cols) {
  for (std::size_t j = 0; j < cols; ++j)
    for (std::size_t t = 0; t < rows; ++t)
      if (std::bit_cast<std::uint64_t>(a(t, j)) != std::bit_cast<std::uint64_t>(b(t, j)))
        return false;
  return true;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Loadings, stationary distribution, calendar, shape.

TEST(SyntheticLoadings, DerivedFromRequestedCorrelations) {
  const ad::synthetic_config c = ad::default_market_config();
  const ad::synthetic_loadings l = ad::derive_loadings(c);
  EXPECT_DOUBLE_EQ(l.market, std::sqrt(0.25));
  EXPECT_DOUBLE_EQ(l.sector, std::sqrt(0.25));
  EXPECT_DOUBLE_EQ(l.idiosyncratic, std::sqrt(0.5));
  // 20 assets in 4 blocks of 5: kappa_s = (20 - 4 * 25 / 20) / 19 = 15 / 19.
  EXPECT_NEAR(l.sector_dispersion, 15.0 / 19.0, 1e-15);
  // Signal loading: planted_ic / h, h = E[(b_e^2 + b_s^2 D)^(-1/2)] >= (b_e^2 + b_s^2 kappa)^(-1/2)
  // by Jensen, and only a few percent above it for 4 sectors.
  const double first_order = 1.0 / std::sqrt(0.25 * 15.0 / 19.0 + 0.5);
  EXPECT_GE(l.ic_per_signal_loading, first_order);
  EXPECT_LT(l.ic_per_signal_loading, 1.1 * first_order);
  EXPECT_NEAR(l.signal * l.ic_per_signal_loading, 0.03, 1e-15);
  EXPECT_NEAR(l.signal * l.signal + l.residual * l.residual, 0.5, 1e-15);
  EXPECT_NEAR(l.max_planted_ic, std::sqrt(0.5) * l.ic_per_signal_loading, 1e-15);
  ad::synthetic_config one_sector = c;
  one_sector.sectors = 1;  // no cross-sectional sector dispersion: h = 1 / b_e exactly
  EXPECT_NEAR(ad::derive_loadings(one_sector).ic_per_signal_loading, 1.0 / std::sqrt(0.5), 1e-15);
  // Stationary distribution: pi P = pi, sum 1, close to the documented 68 / 29 / 3 %.
  double sum = 0;
  for (std::size_t b = 0; b < ad::regime_count; ++b) {
    double pib = 0;
    for (std::size_t a = 0; a < ad::regime_count; ++a) pib += l.stationary[a] * c.transition[a][b];
    EXPECT_NEAR(pib, l.stationary[b], 1e-14);
    sum += l.stationary[b];
  }
  EXPECT_NEAR(sum, 1.0, 1e-14);
  EXPECT_NEAR(l.stationary[0], 0.681, 0.001);
  EXPECT_NEAR(l.stationary[2], 0.033, 0.001);
  // Kurtosis: nu = 5 -> 6 (b_m^4 + b_s^4 + eta^4) = 6 (0.0625 + 0.0625 + eta^4).
  EXPECT_NEAR(l.standardized_excess_kurtosis, 6.0 * (0.0625 + 0.0625 + std::pow(l.residual, 4)),
              1e-12);
}

TEST(SyntheticCalendar, BusinessDaysSectorsAndIds) {
  ad::synthetic_config c;
  c.assets = 7;
  c.days = 300;
  c.sectors = 3;
  c.start = *alpha::timestamp::from_date(2010, 1, 2);  // a Saturday: rolls to Monday 4th
  const auto m = ad::generate_market(c);
  const auto& idx = m.bars.index();
  ASSERT_EQ(idx.size(), 300u);
  ASSERT_EQ(m.bars.cols(), 7u);
  EXPECT_EQ(idx.front().to_iso(), "2010-01-04");
  EXPECT_TRUE(idx.is_daily());
  for (std::size_t t = 0; t < idx.size(); ++t) {
    const std::chrono::weekday wd{idx[t].day()};
    EXPECT_TRUE(wd != std::chrono::Saturday && wd != std::chrono::Sunday) << idx[t].to_iso();
    if (t == 0) continue;
    const auto gap = (idx[t].day() - idx[t - 1].day()).count();  // strictly increasing, no
    EXPECT_TRUE(gap == 1 || (gap == 3 && wd == std::chrono::Monday)) << idx[t].to_iso();
  }
  EXPECT_EQ(m.bars.assets()[0], "S00");
  EXPECT_EQ(m.bars.assets()[6], "S06");
  EXPECT_EQ(m.regime.size(), 300u);
  EXPECT_TRUE(m.signal.same_shape(m.bars.close()));
  EXPECT_EQ(m.signal_name, "planted_alpha");
  // Blocks: floor(i * 3 / 7) = 0 0 0 1 1 2 2.
  EXPECT_EQ(m.sector, (std::vector<int>{0, 0, 0, 1, 1, 2, 2}));
  EXPECT_EQ(m.sector_names, (std::vector<std::string>{"SEC0", "SEC1", "SEC2"}));
  EXPECT_EQ(m.sector_of_asset[4], "SEC1");
  EXPECT_EQ(null_market().sector[7], 2);  // round robin: 7 mod 5
  EXPECT_EQ(ad::generate_market([] {
              ad::synthetic_config w;
              w.assets = 120;
              w.days = 2;
              return w;
            }())
                .bars.assets()[119],
            "S119");
}

// ---------------------------------------------------------------------------------------------
// Bars.

TEST(SyntheticBars, OhlcConsistencyOnEveryBar) {
  for (const ad::synthetic_market* m : {&stats_market(), &null_market()}) {
    const auto& b = m->bars;
    ASSERT_TRUE(b.has_vwap());
    std::size_t bad = 0;
    for (std::size_t i = 0; i < b.cols(); ++i)
      for (std::size_t t = 0; t < b.rows(); ++t) {
        const double o = b.open()(t, i), h = b.high()(t, i), l = b.low()(t, i), c = b.close()(t, i),
                     v = b.volume()(t, i), w = (*b.vwap())(t, i);
        const bool ok = std::isfinite(o) && std::isfinite(h) && std::isfinite(l) &&
                        std::isfinite(c) && std::isfinite(w) && h >= std::max(o, c) &&
                        l <= std::min(o, c) && l > 0 && v >= 1 && v == std::round(v) && l <= w &&
                        w <= h;
        if (!ok && ++bad < 5)
          ADD_FAILURE() << "bar " << t << " asset " << i << ": O " << o << " H " << h << " L " << l
                        << " C " << c << " V " << v << " VWAP " << w;
      }
    EXPECT_EQ(bad, 0u);
  }
}

// The intraday range is Parkinson-consistent and the overnight gap carries its share of the
// variance. With Gaussian innovations (nu = inf), E[log(H/L)^2] / (4 ln 2) = (1 - omega) v and
// E[log(O/C_prev)^2] = omega v, v = sigma_k^2 dt. Each day's cross-sectional mean of the ratios is
// one observation; days are independent given the regime path, so SE = sd(daily means)/sqrt(T).
TEST(SyntheticBars, RangeIsParkinsonConsistentAndGapHasItsShare) {
  ad::synthetic_config c;
  c.seed = 5;
  c.assets = 20;
  c.days = 2000;
  c.student_t_dof = std::numeric_limits<double>::infinity();
  const auto m = ad::generate_market(c);
  const double dt = 1.0 / ad::trading_days_per_year, om = c.overnight_variance_share;
  std::vector<double> range_ratio, gap_ratio;
  for (std::size_t t = 1; t < m.bars.rows(); ++t) {
    const double sd = c.regimes[static_cast<std::size_t>(m.regime[t])].volatility;
    const double v = sd * sd * dt;
    double rr = 0, gr = 0;
    for (std::size_t i = 0; i < m.bars.cols(); ++i) {
      const double hl = std::log(m.bars.high()(t, i) / m.bars.low()(t, i));
      const double gap = std::log(m.bars.open()(t, i) / m.bars.close()(t - 1, i));
      rr += hl * hl / (4 * std::log(2.0)) / ((1 - om) * v);
      gr += gap * gap / (om * v);
    }
    range_ratio.push_back(rr / static_cast<double>(m.bars.cols()));
    gap_ratio.push_back(gr / static_cast<double>(m.bars.cols()));
  }
  const auto range = mean_and_se(range_ratio), gap = mean_and_se(gap_ratio);
  std::printf("[ stats    ] Parkinson / intraday variance %.4f (SE %.4f); gap / overnight %.4f\n",
              range.mean, range.se, gap.mean);
  EXPECT_NEAR(range.mean, 1.0, k_sigmas * range.se);
  EXPECT_NEAR(gap.mean, 1.0, k_sigmas * gap.se);
}

// ---------------------------------------------------------------------------------------------
// Correlation structure.

// Average pairwise correlation of regime-standardised returns (standardising removes the common
// regime scale; the correlations are unchanged by it). Tolerance: the SE of one sample
// correlation of n = T - 1 observations is (1 - rho^2) / sqrt(n), inflated by sqrt(1 + K/3) for
// innovations with marginal excess kurtosis K (elliptical approximation). The average over pairs
// has an SD no larger than one pair's (pairs are exchangeable; the average's variance is at most
// the largest pair variance), so 4 single-pair SEs is conservative.
TEST(SyntheticCorrelation, WithinAndCrossSectorMatchRequested) {
  for (const ad::synthetic_market* m : {&stats_market(), &null_market()}) {
    const auto u = standardized_returns(*m);
    const std::size_t n = m->bars.cols(), t_count = m->bars.rows();
    std::vector<std::vector<double>> series(n, std::vector<double>(t_count - 1));
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t t = 1; t < t_count; ++t) series[i][t - 1] = u[t][i];
    double within = 0, cross = 0, nw = 0, nc = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const double rho = correlation(series[i], series[j]);
        if (m->sector[i] == m->sector[j]) {
          within += rho, nw += 1;
        } else {
          cross += rho, nc += 1;
        }
      }
    within /= nw, cross /= nc;
    const double rw = m->config.within_sector_correlation, rc = m->config.cross_sector_correlation;
    const double kurt = m->loadings.standardized_excess_kurtosis;
    const double infl = std::sqrt(1 + kurt / 3) / std::sqrt(static_cast<double>(t_count - 1));
    std::printf("[ stats    ] within-sector corr %.4f (requested %.2f), cross %.4f (%.2f)\n",
                within, rw, cross, rc);
    EXPECT_NEAR(within, rw, k_sigmas * (1 - rw * rw) * infl);
    EXPECT_NEAR(cross, rc, k_sigmas * (1 - rc * rc) * infl);
  }
}

// ---------------------------------------------------------------------------------------------
// Regimes.

// Per-regime annualised volatility from the pooled squared deviations (r - mu_k dt)^2 over the
// days in regime k. Per day, Q = mean_i u_i^2 of the standardised returns has E Q = 1 and
//   Var Q = (1/N^2) sum_ij [ 2 rho_ij^2 + K sum_m w_im^2 w_jm^2 ]
// (cumulant formula for u_i = sum_m w_im x_m with independent unit-variance x_m of excess
// kurtosis K; the Gaussian signal component has K = 0). Days are independent given the regime
// path, so the relative SE of the variance over n_k days is sqrt(Var Q / n_k), and of the
// volatility half of that.
TEST(SyntheticRegimes, PerRegimeVolatilityMatchesRequested) {
  const auto& m = stats_market();
  const auto& l = m.loadings;
  const std::size_t n = m.bars.cols();
  const double kappa = 6.0 / (m.config.student_t_dof - 4.0);
  const double bm2 = l.market * l.market, bs2 = l.sector * l.sector, e2 = l.residual * l.residual;
  double var_q = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const bool same = m.sector[i] == m.sector[j];
      const double rho = i == j ? 1.0 : same ? bm2 + bs2 : bm2;
      const double c4 = bm2 * bm2 + (same ? bs2 * bs2 : 0.0) + (i == j ? e2 * e2 : 0.0);
      var_q += 2 * rho * rho + kappa * c4;
    }
  var_q /= static_cast<double>(n * n);
  const auto u = standardized_returns(m);
  for (std::size_t k = 0; k < ad::regime_count; ++k) {
    double sum = 0, days = 0;
    for (std::size_t t = 1; t < u.size(); ++t) {
      if (m.regime[t] != static_cast<int>(k)) continue;
      for (const double x : u[t]) sum += x * x;
      days += 1;
    }
    ASSERT_GE(days, 30) << "regime " << k << " too rare in the test market";
    const double ratio = std::sqrt(sum / (days * static_cast<double>(n)));  // sigma_hat / sigma
    const double requested = m.config.regimes[k].volatility;
    std::printf("[ stats    ] regime %zu: %4.0f days, annualised vol %.4f (requested %.2f)\n", k,
                days, ratio * requested, requested);
    EXPECT_NEAR(ratio, 1.0, k_sigmas * 0.5 * std::sqrt(var_q / days)) << "regime " << k;
  }
}

// Regime frequencies and transition frequencies of a long path (one asset, 100k days). The
// occupation fraction of regime k has asymptotic variance (1/T) [g_0 + 2 sum_{l>=1} g_l] with
// g_l = pi_k (P^l_kk - pi_k) (autocovariance of the indicator of a stationary chain, which starts
// in its stationary distribution). Transition counts from a: the row of P is estimated from n_a
// multinomial draws, SE sqrt(p (1 - p) / n_a).
TEST(SyntheticRegimes, FrequenciesMatchStationaryDistributionAndTransitions) {
  ad::synthetic_config c;
  c.seed = 3;
  c.assets = 1;
  c.sectors = 1;
  c.days = 100000;
  const auto m = ad::generate_market(c);
  const auto pi = m.loadings.stationary;
  const auto& p = c.transition;
  std::array<std::array<double, 3>, 3> pl = p;  // P^l
  std::array<double, 3> avar{};
  for (std::size_t k = 0; k < 3; ++k) avar[k] = pi[k] * (1 - pi[k]);
  for (int lag = 1; lag < 20000; ++lag) {
    for (std::size_t k = 0; k < 3; ++k) avar[k] += 2 * pi[k] * (pl[k][k] - pi[k]);
    std::array<std::array<double, 3>, 3> next{};
    for (std::size_t a = 0; a < 3; ++a)
      for (std::size_t b = 0; b < 3; ++b)
        for (std::size_t x = 0; x < 3; ++x) next[a][b] += pl[a][x] * p[x][b];
    pl = next;
  }
  std::array<double, 3> count{};
  std::array<std::array<double, 3>, 3> trans{};
  for (std::size_t t = 0; t < m.regime.size(); ++t) {
    const auto k = static_cast<std::size_t>(m.regime[t]);
    count[k] += 1;
    if (t + 1 < m.regime.size()) trans[k][static_cast<std::size_t>(m.regime[t + 1])] += 1;
  }
  const auto t_count = static_cast<double>(c.days);
  for (std::size_t k = 0; k < 3; ++k) {
    const double freq = count[k] / t_count, se = std::sqrt(avar[k] / t_count);
    std::printf("[ stats    ] regime %zu frequency %.4f (stationary %.4f, SE %.4f)\n", k, freq,
                pi[k], se);
    EXPECT_NEAR(freq, pi[k], k_sigmas * se) << "regime " << k;
    double from = 0;
    for (std::size_t b = 0; b < 3; ++b) from += trans[k][b];
    for (std::size_t b = 0; b < 3; ++b)
      EXPECT_NEAR(trans[k][b] / from, p[k][b],
                  k_sigmas * std::sqrt(p[k][b] * (1 - p[k][b]) / from) + 1e-12)
          << k << " -> " << b;
  }
}

// ---------------------------------------------------------------------------------------------
// Fat tails.

// With no factor structure (both correlations 0) and no alpha, the standardised return is one
// unit-variance Student-t(nu) draw, iid over assets and days: excess kurtosis 6 / (nu - 4), with
// the delta-method SE of kurtosis_se(). nu = 5 has an infinite-variance kurtosis estimator (8th
// moment), so only a one-sided bound is checked there.
TEST(SyntheticTails, ExcessKurtosisMatchesStudentT) {
  const auto make = [](double nu, std::size_t assets) {
    ad::synthetic_config c;
    c.seed = 17;
    c.assets = assets;
    c.days = 2000;
    c.within_sector_correlation = 0;
    c.cross_sector_correlation = 0;
    c.student_t_dof = nu;
    return ad::generate_market(c);
  };
  {
    const auto m = make(10.0, 40);
    EXPECT_DOUBLE_EQ(m.loadings.standardized_excess_kurtosis, 1.0);
    const double k = excess_kurtosis(standardized_returns(m));
    const double se = kurtosis_se(10.0, 40.0 * 1999.0);
    std::printf("[ stats    ] nu=10 excess kurtosis %.3f (theory 1.000, SE %.3f)\n", k, se);
    EXPECT_NEAR(k, 1.0, k_sigmas * se);
  }
  {
    const double inf = std::numeric_limits<double>::infinity();
    const auto m = make(inf, 20);
    const double k = excess_kurtosis(standardized_returns(m));
    const double se = kurtosis_se(inf, 20.0 * 1999.0);
    std::printf("[ stats    ] Gaussian excess kurtosis %.3f (theory 0, SE %.3f)\n", k, se);
    EXPECT_NEAR(k, 0.0, k_sigmas * se);
  }
  {
    const auto m = make(5.0, 20);
    const double k = excess_kurtosis(standardized_returns(m));
    std::printf("[ stats    ] nu=5 excess kurtosis %.3f (theory 6)\n", k);
    EXPECT_GT(k, 2.0);
  }
}

// ---------------------------------------------------------------------------------------------
// Planted signal.

// IC_t = corr_i(signal(t), r(t+1)); the IC_t are independent across dates (fresh signal and
// innovations each day), so SE = sd(IC_t) / sqrt(T - 1) (about 0.16 / sqrt(1999) = 0.0037).
TEST(SyntheticSignal, PlantedIcMatchesRequestedAndDoesNotLookAhead) {
  for (const ad::synthetic_market* m : {&stats_market(), &null_market()}) {
    const auto r = log_returns(*m);
    const auto ic = mean_and_se(daily_ic(*m, r, 1));
    const auto same_day = mean_and_se(daily_ic(*m, r, 0));
    const auto lag2 = mean_and_se(daily_ic(*m, r, 2));
    std::printf(
        "[ stats    ] planted IC %.4f (requested %.3f, SE %.4f); same-day %.4f, "
        "lag 2 %.4f\n",
        ic.mean, m->config.planted_ic, ic.se, same_day.mean, lag2.mean);
    EXPECT_NEAR(ic.mean, m->config.planted_ic, k_sigmas * ic.se);
    EXPECT_NEAR(same_day.mean, 0.0, k_sigmas * same_day.se);  // signal(t) vs r ending at t
    EXPECT_NEAR(lag2.mean, 0.0, k_sigmas * lag2.se);
  }
}

// A persistent signal (AR(1) with phi) keeps IC at lag 1 and decays as phi^(h-1) IC at lag h;
// it then also correlates phi * IC with the return ending at t.
TEST(SyntheticSignal, PersistentSignalDecaysGeometrically) {
  ad::synthetic_config c;
  c.seed = 23;
  c.assets = 40;
  c.days = 1500;
  c.planted_ic = 0.1;
  c.signal_persistence = 0.6;
  const auto m = ad::generate_market(c);
  const auto r = log_returns(m);
  const auto lag1 = mean_and_se(daily_ic(m, r, 1));
  const auto lag2 = mean_and_se(daily_ic(m, r, 2));
  const auto lag0 = mean_and_se(daily_ic(m, r, 0));
  // Lagged ICs are averages over autocorrelated daily values (the signal is AR(1)); the daily
  // values' autocorrelation is at most phi^2 = 0.36, so inflate the iid SE by
  // sqrt((1 + phi^2) / (1 - phi^2)) = 1.46.
  const double infl = std::sqrt((1 + 0.36) / (1 - 0.36));
  EXPECT_NEAR(lag1.mean, 0.1, k_sigmas * infl * lag1.se);
  EXPECT_NEAR(lag2.mean, 0.06, k_sigmas * infl * lag2.se);
  EXPECT_NEAR(lag0.mean, 0.06, k_sigmas * infl * lag0.se);
}

// ---------------------------------------------------------------------------------------------
// Volume.

// log V = log base_i + e * (1/2) log(q / v_calm) + noise, q = the day's realised-variance proxy.
// (1) Per asset, corr(log V, |r|) > 0.1: with elasticity 0 it would be 0 with SE 1/sqrt(T) =
// 0.022 per asset (so the 40-asset mean would be within 0.01 of 0); with the default 0.8 it is
// about 0.4. (2) Regime effect: the mean of log V over the days of regime k minus that of the
// calm regime is e * log(sigma_k / sigma_calm) (q / sigma_k^2 has the same law in every regime,
// up to the drift's share of q, below 1 %). Each day's cross-sectional mean is one observation
// (independent across days given the regimes): SE = sqrt(s_k^2 / n_k + s_0^2 / n_0).
TEST(SyntheticVolume, CoMovesWithVolatility) {
  const auto& m = stats_market();
  const auto r = log_returns(m);
  const std::size_t n = m.bars.cols(), t_count = m.bars.rows();
  double mean_corr = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> lv, ar;
    for (std::size_t t = 1; t < t_count; ++t) {
      lv.push_back(std::log(m.bars.volume()(t, i)));
      ar.push_back(std::fabs(r[t][i]));
    }
    mean_corr += correlation(lv, ar) / static_cast<double>(n);
  }
  std::printf("[ stats    ] mean corr(log volume, |return|) %.3f\n", mean_corr);
  EXPECT_GT(mean_corr, 0.1);

  std::array<std::vector<double>, ad::regime_count> daily;
  for (std::size_t t = 0; t < t_count; ++t) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += std::log(m.bars.volume()(t, i));
    daily[static_cast<std::size_t>(m.regime[t])].push_back(s / static_cast<double>(n));
  }
  const auto calm = mean_and_se(daily[0]);
  const double e = m.config.volume_volatility_elasticity;
  for (std::size_t k = 1; k < ad::regime_count; ++k) {
    const auto mk = mean_and_se(daily[k]);
    const double expected =
        e * std::log(m.config.regimes[k].volatility / m.config.regimes[0].volatility);
    const double se = std::hypot(mk.se, calm.se);
    std::printf("[ stats    ] regime %zu log-volume shift %.3f (model %.3f, SE %.3f)\n", k,
                mk.mean - calm.mean, expected, se);
    EXPECT_NEAR(mk.mean - calm.mean, expected, k_sigmas * se) << "regime " << k;
  }
}

// ---------------------------------------------------------------------------------------------
// Determinism.

TEST(SyntheticDeterminism, SameSeedSameBitsDifferentSeedDifferent) {
  ad::synthetic_config c;
  c.assets = 6;
  c.days = 300;
  c.planted_ic = 0.05;
  const auto a = ad::generate_market(c), b = ad::generate_market(c);
  EXPECT_EQ(market_hash(a), market_hash(b));
  EXPECT_TRUE(bitwise_equal(a.bars.close(), b.bars.close(), 300, 6));
  EXPECT_EQ(a.regime, b.regime);
  c.seed += 1;
  const auto d = ad::generate_market(c);
  EXPECT_NE(market_hash(a), market_hash(d));
  EXPECT_FALSE(bitwise_equal(a.bars.close(), d.bars.close(), 300, 6));
}

TEST(SyntheticDeterminism, PathsExtendWithDaysAndAssets) {
  ad::synthetic_config c;
  c.assets = 5;
  c.days = 300;
  c.sectors = 3;
  c.layout = ad::sector_layout::round_robin;
  const auto base = ad::generate_market(c);
  ad::synthetic_config longer = c;
  longer.days = 450;
  const auto l = ad::generate_market(longer);
  EXPECT_TRUE(bitwise_equal(base.bars.close(), l.bars.close(), 300, 5));
  EXPECT_TRUE(bitwise_equal(base.bars.high(), l.bars.high(), 300, 5));
  EXPECT_TRUE(bitwise_equal(base.signal, l.signal, 300, 5));
  ad::synthetic_config wider = c;
  wider.assets = 9;
  const auto w = ad::generate_market(wider);
  EXPECT_TRUE(bitwise_equal(base.bars.close(), w.bars.close(), 300, 5));
  EXPECT_TRUE(bitwise_equal(*base.bars.vwap(), *w.bars.vwap(), 300, 5));
}

// Golden values pin the generator (engine, samplers, stream layout, model): a change here breaks
// every user's reproduction of the bundled data and must be deliberate (update the constants and
// say so in the changelog). det_exp / det_log use only basic IEEE operations, so these hold on
// every platform without floating-point contraction.
TEST(SyntheticDeterminism, DefaultMarketGolden) {
  EXPECT_EQ(alpha::detail::splitmix64(0)(), 0xe220a8397b1dcdafULL);  // Vigna's reference value
  const auto m = ad::default_market();
  ASSERT_EQ(m.bars.rows(), 2520u);
  ASSERT_EQ(m.bars.cols(), 20u);
  EXPECT_EQ(m.bars.index().back().to_iso(), "2019-08-30");
  std::printf("[ golden   ] hash %016llx close(last, S00) %.17g\n",
              static_cast<unsigned long long>(market_hash(m)), m.bars.close()(2519, 0));
  EXPECT_EQ(market_hash(m), 0xbfb2f758eb278ca6ULL);
  EXPECT_EQ(m.bars.close()(2519, 0), 16.582113097780994);
}

TEST(SyntheticDeterminism, OwnExpAndLogAreAccurate) {
  alpha::detail::random_stream rs(99);
  for (int k = 0; k < 20000; ++k) {
    const double x = (2 * rs.uniform() - 1) * 700;
    EXPECT_NEAR(alpha::detail::det_exp(x), std::exp(x), 4e-16 * std::exp(x)) << x;
    const double y = std::exp(x);
    EXPECT_NEAR(alpha::detail::det_log(y), std::log(y), 1e-15 * std::max(1.0, std::fabs(x))) << y;
  }
  EXPECT_EQ(alpha::detail::det_exp(0.0), 1.0);
  EXPECT_EQ(alpha::detail::det_log(1.0), 0.0);
}

// ---------------------------------------------------------------------------------------------
// Validation.

TEST(SyntheticConfig, InvalidParametersAreNamed) {
  struct bad_case {
    std::string parameter;
    std::function<void(ad::synthetic_config&)> mutate;
  };
  const std::vector<bad_case> cases = {
      {"assets", [](auto& c) { c.assets = 0; }},
      {"days", [](auto& c) { c.days = 1; }},
      {"sectors", [](auto& c) { c.sectors = 0; }},
      {"sectors", [](auto& c) { c.sectors = 21; }},
      {"within_sector_correlation", [](auto& c) { c.within_sector_correlation = 1.0; }},
      {"within_sector_correlation",
       [](auto& c) { c.within_sector_correlation = std::numeric_limits<double>::quiet_NaN(); }},
      {"cross_sector_correlation", [](auto& c) { c.cross_sector_correlation = 0.6; }},
      {"cross_sector_correlation", [](auto& c) { c.cross_sector_correlation = -0.1; }},
      {"regimes[2].volatility", [](auto& c) { c.regimes[2].volatility = 0; }},
      {"regimes[0].drift", [](auto& c) { c.regimes[0].drift = 11; }},
      {"transition", [](auto& c) { c.transition[1][1] = 0.95; }},  // row 1 sums to 0.99
      {"transition",
       [](auto& c) {
         c.transition[0] = {1.2, -0.1, -0.1};
       }},
      {"transition",
       [](auto& c) {  // calm never leaves: not irreducible
         c.transition[0] = {1.0, 0.0, 0.0};
       }},
      {"student_t_dof", [](auto& c) { c.student_t_dof = 2.0; }},
      {"overnight_variance_share", [](auto& c) { c.overnight_variance_share = 1.0; }},
      {"min_initial_price", [](auto& c) { c.min_initial_price = 0; }},
      {"max_initial_price", [](auto& c) { c.max_initial_price = 10; }},
      {"base_volume", [](auto& c) { c.base_volume = -1; }},
      {"vwap_noise", [](auto& c) { c.vwap_noise = 2; }},
      {"planted_ic", [](auto& c) { c.planted_ic = 1.0; }},
      {"planted_ic", [](auto& c) { c.planted_ic = -0.9; }},  // above max_planted_ic = 0.85
      {"planted_ic",
       [](auto& c) {
         c.assets = 1;
         c.sectors = 1;
         c.planted_ic = 0.05;
       }},
      {"signal_persistence", [](auto& c) { c.signal_persistence = 1.0; }},
      {"start", [](auto& c) { c.start = alpha::timestamp(c.start.micros() + 1); }},
  };
  for (const auto& bc : cases) {
    ad::synthetic_config c;
    bc.mutate(c);
    try {
      (void)ad::generate_market(c);
      ADD_FAILURE() << "accepted an invalid " << bc.parameter;
    } catch (const alpha::config_error& e) {
      EXPECT_EQ(e.parameter(), bc.parameter) << e.what();
      EXPECT_NE(std::string(e.what()).find(bc.parameter), std::string::npos);
    }
  }
  EXPECT_NO_THROW(ad::synthetic_config{}.validate());
  ad::synthetic_config gaussian;
  gaussian.student_t_dof = std::numeric_limits<double>::infinity();
  EXPECT_NO_THROW(gaussian.validate());
}
