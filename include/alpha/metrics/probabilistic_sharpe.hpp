/// @file
/// alpha::metrics::probabilistic_sharpe_ratio and minimum_track_record_length (Bailey and
/// Lopez de Prado 2012, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2)).
///
/// Conventions (docs/overfitting.md):
///   - every Sharpe ratio here is PER PERIOD and NOT annualised (mean / stdev of the per-period
///     returns); divide an annualised one by sqrt(periods per year) first;
///   - kurtosis is carried by the type alpha::metrics::kurtosis, built with kurtosis::raw(k)
///     (normal = 3, the paper's gamma_4) or kurtosis::excess(k) (normal = 0): the convention is
///     stated at every call site and a raw/excess mix-up cannot compile silently.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/overfitting_math.hpp"

#include <cmath>
#include <cstddef>
#include <limits>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// A kurtosis value whose convention is part of its type. There is no constructor from a bare
/// double: write kurtosis::raw(10.0) (fourth standardised moment, normal = 3, the gamma_4 of
/// Bailey and Lopez de Prado) or kurtosis::excess(7.0) (raw - 3, normal = 0, what pandas, Excel
/// and scipy's default report). Both give the same object. O(1).
class kurtosis {
 public:
  /// From the raw (non-excess) kurtosis E[(x - mu)^4] / sigma^4; normal = 3.
  [[nodiscard]] static constexpr kurtosis raw(double raw_kurtosis) noexcept {
    return kurtosis(raw_kurtosis);
  }
  /// From the excess kurtosis (raw - 3); normal = 0.
  [[nodiscard]] static constexpr kurtosis excess(double excess_kurtosis) noexcept {
    return kurtosis(excess_kurtosis + 3.0);
  }
  /// The kurtosis of a normal distribution (raw 3, excess 0).
  [[nodiscard]] static constexpr kurtosis normal() noexcept { return kurtosis(3.0); }

  /// Raw kurtosis (normal = 3).
  [[nodiscard]] constexpr double raw_value() const noexcept { return raw_; }
  /// Excess kurtosis (normal = 0).
  [[nodiscard]] constexpr double excess_value() const noexcept { return raw_ - 3.0; }

 private:
  constexpr explicit kurtosis(double raw_value) noexcept : raw_(raw_value) {}
  double raw_;
};

/// What PSR, MinTRL and DSR need to know about a return series.
struct sharpe_moments {
  double sharpe = 0.0;                 ///< per-period, non-annualised SR^ = mean / stdev
  std::size_t observations = 0;        ///< n, number of returns behind `sharpe` (>= 2)
  double skewness = 0.0;               ///< gamma_3 of the returns (normal = 0)
  kurtosis kurt = kurtosis::normal();  ///< gamma_4, convention carried by the type
};

/// The moments of a per-period return series, for PSR / MinTRL / DSR: SR^ = mean(r - rf) /
/// stdev(r) with the SAMPLE standard deviation (ddof 1, as empyrical and most backtesters), and
/// the POPULATION (biased, ddof 0) skewness m3 / m2^1.5 and raw kurtosis m4 / m2^2 with
/// m_k = mean((r - mean r)^k) (scipy.stats.skew / kurtosis(fisher=False) with bias=True). NaN
/// returns are dropped first and n counts the others; an infinite return is a data_error. Throws
/// data_error when fewer than 2 returns remain or they are all equal (the Sharpe ratio is
/// undefined). O(n).
[[nodiscard]] inline sharpe_moments sample_sharpe_moments(std::span<const double> returns,
                                                          double risk_free = 0.0) {
  ::alpha::detail::overfitting::check_finite(risk_free, "risk_free");
  const auto m = ::alpha::detail::overfitting::moments_of(returns, "returns");
  if (m.n < 2)
    throw data_error({}, "returns: " + std::to_string(m.n) +
                             " non-NaN value(s); the Sharpe ratio needs at least 2");
  if (!(m.stdev > 0.0))
    throw data_error({}, "returns: all " + std::to_string(m.n) +
                             " non-NaN values are equal; the Sharpe ratio is undefined");
  return {(m.mean - risk_free) / m.stdev, m.n, m.skewness, kurtosis::raw(m.raw_kurtosis)};
}

/// Estimated standard deviation of SR^ (Mertens 2002, as used by Bailey and Lopez de Prado):
/// sqrt((1 - gamma_3 SR^ + (gamma_4 - 1)/4 SR^2) / (n - 1)), gamma_4 RAW. Per-period units.
/// Throws config_error if n < 2, a moment is not finite or kurtosis.raw < 1 + skewness^2. O(1).
[[nodiscard]] inline double sharpe_ratio_standard_error(const sharpe_moments& m) {
  if (m.observations < 2)
    throw config_error("observations", "must be >= 2, got " + std::to_string(m.observations));
  return std::sqrt(::alpha::detail::overfitting::sharpe_variance_factor(m.sharpe, m.skewness,
                                                                        m.kurt.raw_value()) /
                   static_cast<double>(m.observations - 1));
}

/// Probabilistic Sharpe ratio: the probability that the true Sharpe ratio exceeds
/// `benchmark_sharpe` (SR*, per period, not annualised), given the observed SR^:
///   PSR(SR*) = Phi( (SR^ - SR*) sqrt(n - 1) / sqrt(1 - gamma_3 SR^ + (gamma_4 - 1)/4 SR^2) ),
/// gamma_3 skewness, gamma_4 RAW kurtosis (m.kurt.raw_value()). In [0, 1]. If the variance
/// factor is 0 (a degenerate two-point distribution), the result is 1, 0 or 0.5 by the sign of
/// SR^ - SR*. Throws as sharpe_ratio_standard_error, or config_error if SR* is not finite. O(1).
[[nodiscard]] inline double probabilistic_sharpe_ratio(const sharpe_moments& m,
                                                       double benchmark_sharpe = 0.0) {
  ::alpha::detail::overfitting::check_finite(benchmark_sharpe, "benchmark_sharpe");
  const double se = sharpe_ratio_standard_error(m);
  const double diff = m.sharpe - benchmark_sharpe;
  if (se == 0.0) return diff > 0.0 ? 1.0 : (diff < 0.0 ? 0.0 : 0.5);
  return ::alpha::detail::overfitting::normal_cdf(diff / se);
}

/// PSR of a per-period return series against `benchmark_sharpe` (per period): the moments of
/// sample_sharpe_moments(returns, risk_free) (sample stdev, population skewness and RAW
/// kurtosis; NaN returns dropped). O(n).
[[nodiscard]] inline double probabilistic_sharpe_ratio(std::span<const double> returns,
                                                       double benchmark_sharpe = 0.0,
                                                       double risk_free = 0.0) {
  return probabilistic_sharpe_ratio(sample_sharpe_moments(returns, risk_free), benchmark_sharpe);
}

/// Minimum track record length: the number of observations (in the returns' own period) needed
/// for PSR(SR*) >= `confidence` given the observed SR^, skewness and RAW kurtosis:
///   MinTRL = 1 + (1 - gamma_3 SR^ + (gamma_4 - 1)/4 SR^2) (Phi^{-1}(confidence) / (SR^ - SR*))^2.
/// m.observations is not used. Returns +infinity when SR^ <= SR* (no track record suffices).
/// Throws config_error unless 0 < confidence < 1, or on invalid moments (as above). O(1).
[[nodiscard]] inline double minimum_track_record_length(const sharpe_moments& m,
                                                        double benchmark_sharpe = 0.0,
                                                        double confidence = 0.95) {
  ::alpha::detail::overfitting::check_finite(benchmark_sharpe, "benchmark_sharpe");
  ::alpha::detail::overfitting::check_open_probability(confidence, "confidence");
  const double v = ::alpha::detail::overfitting::sharpe_variance_factor(m.sharpe, m.skewness,
                                                                        m.kurt.raw_value());
  const double diff = m.sharpe - benchmark_sharpe;
  if (!(diff > 0.0)) return std::numeric_limits<double>::infinity();
  const double z = ::alpha::detail::overfitting::normal_quantile(confidence) / diff;
  return 1.0 + v * z * z;
}

}  // namespace metrics
ALPHA_END_NAMESPACE
