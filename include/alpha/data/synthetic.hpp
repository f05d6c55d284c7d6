/// @file
/// alpha::data::generate_market: a deterministic synthetic daily market (market + sector factor
/// returns, a hidden 3-regime Markov chain, Student-t innovations, consistent OHLC/VWAP bars,
/// volatility-driven volume) with an optional planted alpha signal of known information
/// coefficient. The library's bundled default data set (`default_market()`) and the test bed of
/// strategies, sweeps and overfitting statistics. Full model: docs/synthetic-market.md.
///
/// Customization points: none (configure through synthetic_config).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"
#include "alpha/detail/random.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// Number of hidden market regimes of the synthetic model.
inline constexpr std::size_t regime_count = 3;

/// Trading days per year used to annualise drifts and volatilities (dt = 1/252).
inline constexpr double trading_days_per_year = 252.0;

/// The hidden regimes, in the order of synthetic_config::regimes and of its transition matrix.
enum class market_regime : int { calm_bull = 0, volatile_bear = 1, crash = 2 };

/// How assets are assigned to sectors. With N assets and S sectors, `blocks` puts asset i in
/// sector floor(i S / N) (contiguous, sizes differ by at most one); `round_robin` puts it in
/// sector i mod S (so asset i keeps its sector, and its whole path, when N grows).
enum class sector_layout { blocks, round_robin };

/// Annualised drift of the log price and annualised volatility in one regime.
struct regime_params {
  double drift = 0.0;       ///< annualised mean log return: E[r_t] = drift / 252
  double volatility = 0.2;  ///< annualised volatility: sd[r_t] = volatility / sqrt(252)
};

/// Parameters of generate_market(). Every field has a default; validate() (called by
/// generate_market) throws config_error naming the field and its accepted range.
struct synthetic_config {
  std::uint64_t seed = 20100104;  ///< any value; the whole output is a function of the config
  std::size_t assets = 20;        ///< N, in [1, 100000]
  std::size_t days = 2520;        ///< T business days (~10 years), in [2, 1000000]
  /// First business day (midnight UTC); a Saturday or Sunday rolls forward to Monday.
  timestamp start{std::chrono::sys_days{std::chrono::year{2010} / 1 / 4}};
  std::size_t sectors = 4;                       ///< S, in [1, assets]
  sector_layout layout = sector_layout::blocks;  ///< sector assignment of the assets
  /// Correlation of the daily returns of two assets of the same sector, in [0, 1).
  double within_sector_correlation = 0.5;
  /// Correlation of the daily returns of two assets of different sectors, in
  /// [0, within_sector_correlation].
  double cross_sector_correlation = 0.25;
  /// Per-regime annualised drift and volatility (calm bull, volatile bear, crash). Volatility in
  /// (0, 5], |drift| <= 10.
  std::array<regime_params, regime_count> regimes{{{0.15, 0.12}, {-0.05, 0.25}, {-1.00, 0.60}}};
  /// Daily regime transition matrix: transition[a][b] = P(regime b tomorrow | regime a today).
  /// Entries in [0, 1], rows summing to 1 (within 1e-9), chain irreducible. The defaults give
  /// expected durations of 67, 25 and 6.7 days and a stationary mix of about 68 / 29 / 3 %.
  std::array<std::array<double, regime_count>, regime_count> transition{
      {{0.985, 0.012, 0.003}, {0.030, 0.960, 0.010}, {0.050, 0.100, 0.850}}};
  /// Degrees of freedom nu of the Student-t innovations (scaled to unit variance), > 2;
  /// +infinity gives Gaussian innovations.
  double student_t_dof = 5.0;
  /// Share of the daily return variance realised overnight (close to next open), in [0, 1).
  double overnight_variance_share = 0.2;
  double min_initial_price = 20.0;      ///< initial prices are log-uniform in [min, max]; min > 0
  double max_initial_price = 200.0;     ///< >= min_initial_price
  double base_volume = 1e6;             ///< median per-asset base volume (shares), > 0
  double base_volume_dispersion = 0.5;  ///< sd of log base volume across assets, in [0, 5]
  /// Elasticity of volume to the day's realised volatility (log-log slope), in [-5, 5].
  double volume_volatility_elasticity = 0.8;
  double volume_noise = 0.3;  ///< sd of the log-volume noise, in [0, 5]
  /// sd of the VWAP's deviation from its centre, as a fraction of the day's log range, in [0, 1].
  double vwap_noise = 0.1;
  /// Expected information coefficient of `signal` at close t with the return from close t to
  /// close t+1 (see synthetic_market::signal). 0 = no alpha. |planted_ic| < 1, and at most
  /// synthetic_loadings::max_planted_ic (the signal explains at most the idiosyncratic
  /// variance; about 0.85 with the default correlations and sectors); non-zero
  /// needs assets >= 2.
  double planted_ic = 0.0;
  /// AR(1) coefficient of the signal over time, in (-1, 1). 0: a fresh signal each day (then the
  /// signal at t is uncorrelated with the return ending at t); phi > 0 makes the signal at t
  /// correlate phi * IC with the return ending at t and phi^(h-1) * IC with the return h days on.
  double signal_persistence = 0.0;

  /// Throws config_error naming the first invalid field and its accepted range.
  void validate() const;
};

/// The factor loadings and derived constants of a configuration (see docs/synthetic-market.md).
/// With rho_w = within_sector_correlation, rho_c = cross_sector_correlation:
///   market = sqrt(rho_c), sector = sqrt(rho_w - rho_c), idiosyncratic = sqrt(1 - rho_w),
/// so that market^2 + sector^2 + idiosyncratic^2 = 1, corr(same sector) = rho_w and
/// corr(different sectors) = rho_c. The idiosyncratic part splits into the planted signal and a
/// residual: signal = planted_ic / ic_per_signal_loading, residual = sqrt(idiosyncratic^2 -
/// signal^2), which leaves every variance and correlation above unchanged.
struct synthetic_loadings {
  double market = 0.0;         ///< beta_m, loading on the market factor
  double sector = 0.0;         ///< beta_s, loading on the asset's sector factor
  double idiosyncratic = 0.0;  ///< beta_e, total idiosyncratic loading
  double signal = 0.0;         ///< gamma, loading on yesterday's planted signal
  double residual = 0.0;       ///< eta, loading on the idiosyncratic Student-t innovation
  /// kappa_s = (N - sum_s n_s^2 / N) / (N - 1): expected cross-sectional sample variance of a
  /// unit-variance sector factor, given sector sizes n_s (0 when N = 1).
  double sector_dispersion = 0.0;
  /// h = E_G[(idiosyncratic^2 + sector^2 D(G))^(-1/2)]: the expected per-date information
  /// coefficient per unit of signal loading, where D(G) is the cross-sectional sample variance of
  /// the sector factors G (S unit-variance Student-t draws spread over the sector sizes; E D =
  /// kappa_s). The expectation is a fixed-seed Monte Carlo average over 2^16 / S (at least 1024)
  /// draws of G; it is 1 / idiosyncratic exactly when sector = 0 or S = 1, and at least
  /// (idiosyncratic^2 + sector^2 kappa_s)^(-1/2) (Jensen).
  double ic_per_signal_loading = 0.0;
  /// Largest admissible |planted_ic|: idiosyncratic * ic_per_signal_loading (signal loading =
  /// the whole idiosyncratic loading).
  double max_planted_ic = 0.0;
  /// Stationary distribution of the regime chain (the long-run share of days in each regime).
  std::array<double, regime_count> stationary{};
  /// Excess kurtosis of a return standardised by its regime's drift and volatility:
  /// 6 / (nu - 4) * (market^4 + sector^4 + residual^4); +infinity for nu <= 4, 0 for nu = inf.
  double standardized_excess_kurtosis = 0.0;
};

/// Stationary distribution pi (pi P = pi, sum pi = 1) of a regime transition matrix, by Gaussian
/// elimination with partial pivoting on (P^T - I) with one row replaced by sum = 1. O(1).
/// Precondition: the chain is irreducible (validate() checks it).
[[nodiscard]] inline std::array<double, regime_count> stationary_distribution(
    const std::array<std::array<double, regime_count>, regime_count>& p) noexcept {
  constexpr std::size_t k = regime_count;
  double a[k][k + 1] = {};
  for (std::size_t r = 0; r < k; ++r) {
    for (std::size_t c = 0; c < k; ++c) a[r][c] = p[c][r] - (r == c ? 1.0 : 0.0);
  }
  for (std::size_t c = 0; c < k; ++c) a[k - 1][c] = 1.0;
  a[k - 1][k] = 1.0;
  for (std::size_t c = 0; c < k; ++c) {
    std::size_t piv = c;
    for (std::size_t r = c + 1; r < k; ++r)
      if (std::fabs(a[r][c]) > std::fabs(a[piv][c])) piv = r;
    for (std::size_t j = 0; j <= k; ++j) std::swap(a[c][j], a[piv][j]);
    for (std::size_t r = 0; r < k; ++r) {
      if (r == c || a[c][c] == 0.0) continue;
      const double f = a[r][c] / a[c][c];
      for (std::size_t j = c; j <= k; ++j) a[r][j] -= f * a[c][j];
    }
  }
  std::array<double, k> pi{};
  for (std::size_t r = 0; r < k; ++r) pi[r] = a[r][k] / a[r][r];
  return pi;
}

namespace detail::synthetic_impl {

/// Stream kinds of stream_seed(seed, kind, index): part of the determinism contract.
inline constexpr std::uint64_t regime_stream = 1;
inline constexpr std::uint64_t market_stream = 2;
inline constexpr std::uint64_t sector_stream = 3;
inline constexpr std::uint64_t signal_stream = 4;
inline constexpr std::uint64_t asset_stream = 5;
/// Stream of the Monte Carlo behind synthetic_loadings::ic_per_signal_loading (seed 0: the
/// loadings depend on the structure of the config, never on its seed).
inline constexpr std::uint64_t dispersion_stream = 6;

/// Variance of the Brownian bridge whose independently drawn maximum and minimum give
/// E[(high - low)^2] = 4 ln 2 * (intraday variance) for Gaussian returns, i.e. an unbiased
/// Parkinson estimator. Solves 1/2 + c + 1/2 E_z[(E_e sqrt(z^2 + 2 c e))^2] = 4 ln 2 with
/// z ~ N(0,1), e ~ Exp(1), by Simpson quadrature (c = 1 would over-read by 2.67 %).
inline constexpr double range_variance_factor = 0.9593183001;

[[nodiscard]] inline std::size_t sector_of(std::size_t i, std::size_t n, std::size_t s,
                                           sector_layout layout) noexcept {
  return layout == sector_layout::blocks ? i * s / n : i % s;
}

[[nodiscard]] inline std::string padded(std::size_t value, std::size_t width) {
  std::string digits = std::to_string(value);
  if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
  return digits;
}

[[nodiscard]] inline bool in_range(double x, double lo, double hi) noexcept {
  return x >= lo && x <= hi;  // false for NaN
}

[[nodiscard]] inline std::string num(double x) {
  std::string s = std::to_string(x);
  while (s.size() > 1 && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

[[nodiscard]] inline synthetic_loadings loadings_unchecked(const synthetic_config& c) {
  synthetic_loadings l;
  const double rw = c.within_sector_correlation, rc = c.cross_sector_correlation;
  l.market = std::sqrt(rc);
  l.sector = std::sqrt(rw - rc);
  l.idiosyncratic = std::sqrt(1.0 - rw);
  const std::size_t n = c.assets, s = c.sectors;
  if (n >= 2 && s >= 1) {
    std::vector<double> sizes(s, 0.0);
    for (std::size_t i = 0; i < n; ++i) sizes[sector_of(i, n, s, c.layout)] += 1.0;
    double sq = 0.0;
    for (const double m : sizes) sq += m * m;
    const double nd = static_cast<double>(n);
    l.sector_dispersion = (nd - sq / nd) / (nd - 1.0);
  }
  l.ic_per_signal_loading = 0.0;
  const double e2 = 1.0 - rw, s2 = l.sector * l.sector;
  if (n >= 2 && e2 > 0.0) {
    if (s2 == 0.0 || s == 1) {
      l.ic_per_signal_loading = 1.0 / std::sqrt(e2);
    } else {
      // E_G[(e2 + s2 D(G))^(-1/2)] by a fixed-seed Monte Carlo over the sector draws G.
      std::vector<double> sizes(s, 0.0);
      for (std::size_t i = 0; i < n; ++i) sizes[sector_of(i, n, s, c.layout)] += 1.0;
      const std::size_t draws = std::max<std::size_t>(1024, 65536 / s);
      ::alpha::detail::random_stream rs(::alpha::detail::stream_seed(0, dispersion_stream, 0));
      std::vector<double> g(s);
      const double nd = static_cast<double>(n);
      double acc = 0.0;
      for (std::size_t m = 0; m < draws; ++m) {
        double mean = 0.0;
        for (std::size_t k = 0; k < s; ++k) {
          g[k] = rs.student_t_unit(c.student_t_dof);
          mean += sizes[k] * g[k];
        }
        mean /= nd;
        double d = 0.0;
        for (std::size_t k = 0; k < s; ++k) d += sizes[k] * (g[k] - mean) * (g[k] - mean);
        acc += 1.0 / std::sqrt(e2 + s2 * d / (nd - 1.0));
      }
      l.ic_per_signal_loading = acc / static_cast<double>(draws);
    }
  }
  l.max_planted_ic = std::sqrt(e2) * l.ic_per_signal_loading;
  l.signal = l.ic_per_signal_loading > 0.0 ? c.planted_ic / l.ic_per_signal_loading : 0.0;
  l.residual = std::sqrt(std::max(0.0, 1.0 - rw - l.signal * l.signal));
  const double nu = c.student_t_dof;
  if (nu == std::numeric_limits<double>::infinity()) {
    l.standardized_excess_kurtosis = 0.0;
  } else if (nu <= 4.0) {
    l.standardized_excess_kurtosis = std::numeric_limits<double>::infinity();
  } else {
    const double m4 = std::pow(l.market, 4), s4 = std::pow(l.sector, 4),
                 r4 = std::pow(l.residual, 4);
    l.standardized_excess_kurtosis = 6.0 / (nu - 4.0) * (m4 + s4 + r4);
  }
  return l;
}

}  // namespace detail::synthetic_impl

namespace detail::synthetic_impl {

/// Every check of synthetic_config::validate() except the planted_ic bound (which needs the
/// loadings).
inline void validate_fields(const synthetic_config& c) {
  if (c.assets < 1 || c.assets > 100000)
    throw config_error("assets", "must be in [1, 100000], got " + std::to_string(c.assets));
  if (c.days < 2 || c.days > 1000000)
    throw config_error("days", "must be in [2, 1000000], got " + std::to_string(c.days));
  if (!c.start.is_midnight())
    throw config_error("start", "must be midnight UTC (a date), got " + c.start.to_iso());
  if (c.sectors < 1 || c.sectors > c.assets)
    throw config_error("sectors", "must be in [1, assets = " + std::to_string(c.assets) +
                                      "], got " + std::to_string(c.sectors));
  if (!(c.within_sector_correlation >= 0.0 && c.within_sector_correlation < 1.0))
    throw config_error("within_sector_correlation",
                       "must be in [0, 1), got " + num(c.within_sector_correlation));
  if (!in_range(c.cross_sector_correlation, 0.0, c.within_sector_correlation))
    throw config_error("cross_sector_correlation",
                       "must be in [0, within_sector_correlation = " +
                           num(c.within_sector_correlation) + "] (one market factor with " +
                           "non-negative sector loadings), got " + num(c.cross_sector_correlation));
  for (std::size_t k = 0; k < regime_count; ++k) {
    const std::string name = "regimes[" + std::to_string(k) + "]";
    if (!(c.regimes[k].volatility > 0.0 && c.regimes[k].volatility <= 5.0))
      throw config_error(name + ".volatility",
                         "must be in (0, 5] (annualised), got " + num(c.regimes[k].volatility));
    if (!in_range(c.regimes[k].drift, -10.0, 10.0))
      throw config_error(name + ".drift",
                         "must be in [-10, 10] (annualised), got " + num(c.regimes[k].drift));
  }
  for (std::size_t a = 0; a < regime_count; ++a) {
    double sum = 0.0;
    for (std::size_t b = 0; b < regime_count; ++b) {
      if (!in_range(c.transition[a][b], 0.0, 1.0))
        throw config_error("transition", "entry [" + std::to_string(a) + "][" + std::to_string(b) +
                                             "] must be in [0, 1], got " + num(c.transition[a][b]));
      sum += c.transition[a][b];
    }
    if (!(std::fabs(sum - 1.0) <= 1e-9))
      throw config_error("transition", "row " + std::to_string(a) + " sums to " + num(sum) +
                                           ", must sum to 1 (within 1e-9)");
  }
  bool reach[regime_count][regime_count] = {};
  for (std::size_t a = 0; a < regime_count; ++a)
    for (std::size_t b = 0; b < regime_count; ++b) reach[a][b] = a == b || c.transition[a][b] > 0.0;
  for (std::size_t m = 0; m < regime_count; ++m)
    for (std::size_t a = 0; a < regime_count; ++a)
      for (std::size_t b = 0; b < regime_count; ++b)
        reach[a][b] = reach[a][b] || (reach[a][m] && reach[m][b]);
  for (std::size_t a = 0; a < regime_count; ++a)
    for (std::size_t b = 0; b < regime_count; ++b)
      if (!reach[a][b])
        throw config_error("transition", "regime " + std::to_string(b) +
                                             " is unreachable from regime " + std::to_string(a) +
                                             "; the chain must be irreducible");
  if (!(c.student_t_dof > 2.0))
    throw config_error("student_t_dof",
                       "must be > 2 (finite variance) or +infinity, got " + num(c.student_t_dof));
  if (!(c.overnight_variance_share >= 0.0 && c.overnight_variance_share < 1.0))
    throw config_error("overnight_variance_share",
                       "must be in [0, 1), got " + num(c.overnight_variance_share));
  if (!(c.min_initial_price > 0.0 && std::isfinite(c.min_initial_price)))
    throw config_error("min_initial_price",
                       "must be positive and finite, got " + num(c.min_initial_price));
  if (!(c.max_initial_price >= c.min_initial_price && std::isfinite(c.max_initial_price)))
    throw config_error("max_initial_price",
                       "must be finite and >= min_initial_price = " + num(c.min_initial_price) +
                           ", got " + num(c.max_initial_price));
  if (!(c.base_volume > 0.0 && c.base_volume <= 1e15))
    throw config_error("base_volume", "must be in (0, 1e15], got " + num(c.base_volume));
  if (!in_range(c.base_volume_dispersion, 0.0, 5.0))
    throw config_error("base_volume_dispersion",
                       "must be in [0, 5], got " + num(c.base_volume_dispersion));
  if (!in_range(c.volume_volatility_elasticity, -5.0, 5.0))
    throw config_error("volume_volatility_elasticity",
                       "must be in [-5, 5], got " + num(c.volume_volatility_elasticity));
  if (!in_range(c.volume_noise, 0.0, 5.0))
    throw config_error("volume_noise", "must be in [0, 5], got " + num(c.volume_noise));
  if (!in_range(c.vwap_noise, 0.0, 1.0))
    throw config_error("vwap_noise", "must be in [0, 1], got " + num(c.vwap_noise));
  if (!(c.planted_ic > -1.0 && c.planted_ic < 1.0))
    throw config_error("planted_ic", "must be in (-1, 1), got " + num(c.planted_ic));
  if (c.planted_ic != 0.0) {
    if (c.assets < 2)
      throw config_error("planted_ic", "must be 0 with a single asset (the information " +
                                           std::string("coefficient is cross-sectional)"));
  }
  if (!(c.signal_persistence > -1.0 && c.signal_persistence < 1.0))
    throw config_error("signal_persistence",
                       "must be in (-1, 1), got " + num(c.signal_persistence));
}

/// The planted_ic bound: |planted_ic| <= l.max_planted_ic.
inline void check_planted_bound(const synthetic_config& c, const synthetic_loadings& l) {
  if (c.planted_ic != 0.0 && !(std::fabs(c.planted_ic) <= l.max_planted_ic))
    throw config_error("planted_ic", "|planted_ic| must be <= " + num(l.max_planted_ic) +
                                         " for these correlations and sectors (the signal can " +
                                         "explain at most the idiosyncratic variance), got " +
                                         num(c.planted_ic));
}

}  // namespace detail::synthetic_impl

inline void synthetic_config::validate() const {
  detail::synthetic_impl::validate_fields(*this);
  if (planted_ic != 0.0)
    detail::synthetic_impl::check_planted_bound(*this,
                                                detail::synthetic_impl::loadings_unchecked(*this));
}

/// Loadings and derived constants of a configuration; validates it first (config_error). O(N).
/// @test tests/data/synthetic_test.cpp (SyntheticLoadings.*)
[[nodiscard]] inline synthetic_loadings derive_loadings(const synthetic_config& config) {
  detail::synthetic_impl::validate_fields(config);
  synthetic_loadings l = detail::synthetic_impl::loadings_unchecked(config);
  detail::synthetic_impl::check_planted_bound(config, l);
  l.stationary = stationary_distribution(config.transition);
  return l;
}

/// The output of generate_market().
struct synthetic_market {
  /// Daily bars of the N assets (with VWAP) on T consecutive Monday-Friday business days,
  /// timestamps at midnight UTC. Asset ids are "S00", "S01", ... (at least two digits).
  ohlcv_panel bars;
  /// The planted signal z(i, t), known at the close of day t: standard normal, independent of
  /// every other part of the model except the return of day t+1 it predicts (and itself over time
  /// when signal_persistence != 0). Its information coefficient is
  ///   IC = mean over t in [0, T-2] of corr_i( z(i, t), log(close(i, t+1) / close(i, t)) )
  /// (per-date cross-sectional Pearson correlation, averaged over dates), with expectation
  /// planted_ic. Pure noise when planted_ic = 0. Shares the calendar and assets of `bars`.
  panel<double> signal;
  std::string signal_name = "planted_alpha";  ///< name of `signal`
  /// Hidden regime of each day (0 calm bull, 1 volatile bear, 2 crash; see market_regime).
  std::vector<int> regime;
  std::vector<int> sector;                   ///< sector id of each asset, in [0, S)
  std::vector<std::string> sector_names;     ///< name of each sector id: "SEC0", "SEC1", ...
  std::vector<std::string> sector_of_asset;  ///< sector name of each asset
  synthetic_config config;                   ///< the configuration used
  synthetic_loadings loadings;               ///< its loadings and derived constants
};

/// Generates a synthetic market; validates `config` first (config_error). O(N T) time and memory.
///
/// Model (log returns, dt = 1/252, k_t the hidden regime, all innovations independent):
///   r(i,t) = mu_k dt + sigma_k sqrt(dt) [ beta_m f_t + beta_s g(s(i),t) + gamma z(i,t-1)
///            + eta e(i,t) ]
/// with f, g, e unit-variance Student-t(nu) and z the planted signal; the open, high, low, VWAP
/// and volume of each bar follow from an overnight/intraday Brownian-bridge split of r(i,t) (see
/// docs/synthetic-market.md). Deterministic: the same config gives bit-identical output with any
/// compiler and standard library (IEEE-754 doubles, no floating-point contraction); asset i's
/// path is drawn from its own streams, so with sector_layout::round_robin and planted_ic = 0 it
/// does not change when assets are added, and every path extends (not changes) when days grow.
/// @test tests/data/synthetic_test.cpp
[[nodiscard]] inline synthetic_market generate_market(const synthetic_config& config) {
  namespace impl = detail::synthetic_impl;
  using ::alpha::detail::det_exp;
  using ::alpha::detail::det_log;
  using ::alpha::detail::random_stream;
  using ::alpha::detail::stream_seed;

  synthetic_market out;
  out.loadings = derive_loadings(config);
  out.config = config;
  const synthetic_loadings& l = out.loadings;
  const std::size_t n = config.assets, t_count = config.days, s_count = config.sectors;
  const std::uint64_t seed = config.seed;
  const double dt = 1.0 / trading_days_per_year;
  const double nu = config.student_t_dof;

  // Calendar: T consecutive Monday-Friday days from the first weekday on or after `start`.
  std::vector<timestamp> times;
  times.reserve(t_count);
  for (std::chrono::sys_days d = config.start.day(); times.size() < t_count;
       d += std::chrono::days{1}) {
    const std::chrono::weekday wd{d};
    if (wd != std::chrono::Saturday && wd != std::chrono::Sunday) times.emplace_back(d);
  }
  auto index = std::make_shared<const time_index>(std::move(times));

  // Assets and sectors.
  const std::size_t asset_width = std::max<std::size_t>(2, std::to_string(n - 1).size());
  const std::size_t sector_width = std::to_string(s_count - 1).size();
  std::vector<std::string> ids(n);
  for (std::size_t s = 0; s < s_count; ++s)
    out.sector_names.push_back("SEC" + impl::padded(s, sector_width));
  out.sector.resize(n);
  out.sector_of_asset.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    ids[i] = "S" + impl::padded(i, asset_width);
    const std::size_t s = impl::sector_of(i, n, s_count, config.layout);
    out.sector[i] = static_cast<int>(s);
    out.sector_of_asset[i] = out.sector_names[s];
  }
  auto assets = std::make_shared<const asset_list>(std::move(ids));

  // Regime path: day 0 from the stationary distribution, then the transition matrix.
  out.regime.resize(t_count);
  {
    random_stream rs(stream_seed(seed, impl::regime_stream, 0));
    const auto draw = [&rs](const std::array<double, regime_count>& p) {
      const double u = rs.uniform();
      std::size_t k = 0;
      double acc = p[0];
      while (u >= acc && k + 1 < regime_count) acc += p[++k];
      return static_cast<int>(k);
    };
    out.regime[0] = draw(l.stationary);
    for (std::size_t t = 1; t < t_count; ++t)
      out.regime[t] = draw(config.transition[static_cast<std::size_t>(out.regime[t - 1])]);
  }

  // Common factors: market f_t and one factor g(s, t) per sector, each from its own stream.
  std::vector<double> market(t_count);
  {
    random_stream rs(stream_seed(seed, impl::market_stream, 0));
    for (double& f : market) f = rs.student_t_unit(nu);
  }
  std::vector<std::vector<double>> sector_factor(s_count, std::vector<double>(t_count));
  for (std::size_t s = 0; s < s_count; ++s) {
    random_stream rs(stream_seed(seed, impl::sector_stream, s));
    for (double& g : sector_factor[s]) g = rs.student_t_unit(nu);
  }

  // Per-regime constants.
  std::array<double, regime_count> mu{}, sig{};
  for (std::size_t k = 0; k < regime_count; ++k) {
    mu[k] = config.regimes[k].drift * dt;
    sig[k] = config.regimes[k].volatility * std::sqrt(dt);
  }
  const double omega = config.overnight_variance_share;
  const double bridge_weight = std::sqrt(omega * (1.0 - omega));
  const double ref_variance = sig[0] * sig[0];  // calm-regime daily variance
  const double parkinson = 1.0 / (4.0 * det_log(2.0));
  const double phi = config.signal_persistence;
  const double phi_c = std::sqrt(1.0 - phi * phi);
  const double log_pmin = det_log(config.min_initial_price);
  const double log_pspan = det_log(config.max_initial_price) - log_pmin;

  using array_type = panel<double>::array_type;
  const auto rows = static_cast<Eigen::Index>(t_count), cols = static_cast<Eigen::Index>(n);
  array_type open(rows, cols), high(rows, cols), low(rows, cols), close(rows, cols),
      volume(rows, cols), vwap(rows, cols), signal(rows, cols);

  for (std::size_t i = 0; i < n; ++i) {
    random_stream ra(stream_seed(seed, impl::asset_stream, i));
    random_stream rz(stream_seed(seed, impl::signal_stream, i));
    const std::vector<double>& g = sector_factor[static_cast<std::size_t>(out.sector[i])];
    double prev_close = det_exp(log_pmin + log_pspan * ra.uniform());
    const double log_base =
        det_log(config.base_volume) + config.base_volume_dispersion * ra.normal();
    double z_prev = rz.normal();  // z(i, -1): drives day 0's return
    const auto col = static_cast<Eigen::Index>(i);
    for (std::size_t t = 0; t < t_count; ++t) {
      const auto k = static_cast<std::size_t>(out.regime[t]);
      const auto row = static_cast<Eigen::Index>(t);
      // Close-to-close log return.
      const double e = ra.student_t_unit(nu);
      const double x = l.market * market[t] + l.sector * g[t] + l.signal * z_prev + l.residual * e;
      const double r = mu[k] + sig[k] * x;
      // Today's signal, known at today's close, drives tomorrow's return.
      const double z = phi * z_prev + phi_c * rz.normal();
      signal(row, col) = z;
      z_prev = z;
      // Overnight gap o and intraday return d = r - o: a Brownian bridge at time share omega.
      const double v = sig[k] * sig[k];
      const double o = omega * r + bridge_weight * sig[k] * ra.normal();
      const double d = r - o;
      // High and low: exact marginals of the intraday bridge's maximum and minimum.
      const double vb = (1.0 - omega) * v * impl::range_variance_factor;
      const double uh = ra.uniform_positive(), ul = ra.uniform_positive();
      const double hi = 0.5 * (d + std::sqrt(d * d - 2.0 * vb * det_log(uh)));
      const double lo = 0.5 * (d - std::sqrt(d * d - 2.0 * vb * det_log(ul)));
      // VWAP: centred between the open-close and high-low midpoints, noisy, inside the range.
      const double w =
          std::clamp(0.25 * (d + hi + lo) + config.vwap_noise * (hi - lo) * ra.normal(), lo, hi);
      // Volume: elasticity times the log ratio of the day's realised to the calm volatility.
      const double q = std::max(o * o + (hi - lo) * (hi - lo) * parkinson, 1e-8 * ref_variance);
      const double log_volume =
          log_base + config.volume_volatility_elasticity * 0.5 * det_log(q / ref_variance) +
          config.volume_noise * ra.normal();
      // Prices.
      const double op = prev_close * det_exp(o);
      const double cl = op * det_exp(d);
      const double hp = std::max({op * det_exp(hi), op, cl});
      const double lp = std::min({op * det_exp(lo), op, cl});
      open(row, col) = op;
      close(row, col) = cl;
      high(row, col) = hp;
      low(row, col) = lp;
      vwap(row, col) = std::clamp(op * det_exp(w), lp, hp);
      volume(row, col) = std::max(1.0, std::round(det_exp(log_volume)));
      prev_close = cl;
    }
  }

  out.bars = ohlcv_panel(
      panel<double>(index, assets, std::move(open)), panel<double>(index, assets, std::move(high)),
      panel<double>(index, assets, std::move(low)), panel<double>(index, assets, std::move(close)),
      panel<double>(index, assets, std::move(volume)),
      panel<double>(index, assets, std::move(vwap)));
  out.signal = panel<double>(index, assets, std::move(signal));
  return out;
}

/// The configuration of default_market(): the synthetic_config defaults (seed 20100104, 20 assets
/// in 4 sectors of 5, 2520 business days from 2010-01-04, correlations 0.5 / 0.25, nu = 5) with a
/// planted signal of IC 0.03.
[[nodiscard]] inline synthetic_config default_market_config() {
  synthetic_config c;
  c.planted_ic = 0.03;
  return c;
}

/// The library's bundled default data set: generate_market(default_market_config()), the data
/// the quick-start example runs on. About 20 ms; the result is identical on every platform.
/// @test tests/data/synthetic_test.cpp (SyntheticDeterminism.DefaultMarketGolden)
[[nodiscard]] inline synthetic_market default_market() {
  return generate_market(default_market_config());
}

}  // namespace data
ALPHA_END_NAMESPACE
