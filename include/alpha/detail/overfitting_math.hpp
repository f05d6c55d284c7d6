/// @file
/// Internals of the overfitting statistics (alpha/metrics/{probabilistic_sharpe, deflated_sharpe,
/// pbo, haircut_sharpe}.hpp): normal and Student-t distribution functions (Boost.Math), input
/// checks, and the moments of a return series.
// IWYU pragma: private, include "alpha/metrics/overfitting.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace detail::overfitting {

/// Standard normal cdf Phi(z); 0 at -inf, 1 at +inf.
[[nodiscard]] inline double normal_cdf(double z) {
  if (std::isinf(z)) return z > 0.0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::normal_distribution<double>(), z);
}

/// Standard normal quantile Phi^{-1}(p); precondition 0 < p < 1 (checked by the callers).
[[nodiscard]] inline double normal_quantile(double p) {
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

/// Upper tail P(T > t) of Student's t with `dof` degrees of freedom (no cancellation for big t).
[[nodiscard]] inline double student_t_upper_tail(double t, double dof) {
  if (std::isinf(t)) return t > 0.0 ? 0.0 : 1.0;
  return boost::math::cdf(
      boost::math::complement(boost::math::students_t_distribution<double>(dof), t));
}

/// The t with P(T > t) = q for Student's t with `dof` degrees of freedom; precondition 0 < q < 1.
[[nodiscard]] inline double student_t_upper_quantile(double q, double dof) {
  return boost::math::quantile(
      boost::math::complement(boost::math::students_t_distribution<double>(dof), q));
}

/// Two-sided p-value 2 P(T > |t|) of Student's t with `dof` degrees of freedom, capped at 1.
[[nodiscard]] inline double two_sided_t_p_value(double t, double dof) {
  const double p = 2.0 * student_t_upper_tail(std::fabs(t), dof);
  return p < 1.0 ? p : 1.0;
}

/// Harmonic number c(M) = sum_{i=1..M} 1/i (the BHY constant), summed from the small terms up.
[[nodiscard]] inline double harmonic_number(std::size_t m) noexcept {
  double c = 0.0;
  for (std::size_t i = m; i >= 1; --i) c += 1.0 / static_cast<double>(i);
  return c;
}

/// config_error unless x is finite.
inline double check_finite(double x, std::string_view name) {
  if (!std::isfinite(x))
    throw config_error(std::string(name), "must be finite, got " + std::to_string(x));
  return x;
}

/// config_error unless x is finite and > 0.
inline double check_positive(double x, std::string_view name) {
  if (!std::isfinite(x) || x <= 0.0)
    throw config_error(std::string(name), "must be finite and > 0, got " + std::to_string(x));
  return x;
}

/// config_error unless 0 < p < 1.
inline double check_open_probability(double p, std::string_view name) {
  if (!(p > 0.0 && p < 1.0))
    throw config_error(std::string(name),
                       "must lie strictly between 0 and 1, got " + std::to_string(p));
  return p;
}

/// Checks the moments of a Sharpe ratio estimate and returns the variance factor of SR^,
/// 1 - gamma_3 SR + (gamma_4 - 1)/4 SR^2 with gamma_4 RAW (>= 0 for valid moments; clamped).
/// config_error if a value is not finite or raw_kurtosis < 1 + skewness^2 (Pearson's bound,
/// met by every distribution and every sample's own moments; an excess kurtosis passed as raw
/// usually breaks it, and the message says so).
[[nodiscard]] inline double sharpe_variance_factor(double sharpe, double skewness,
                                                   double raw_kurtosis) {
  check_finite(sharpe, "sharpe");
  check_finite(skewness, "skewness");
  check_finite(raw_kurtosis, "kurtosis");
  if (raw_kurtosis < 1.0 + skewness * skewness - 1e-12)
    throw config_error(
        "kurtosis", "raw kurtosis " + std::to_string(raw_kurtosis) +
                        " is below 1 + skewness^2 = " + std::to_string(1.0 + skewness * skewness) +
                        ", impossible for any distribution (was an excess "
                        "kurtosis given as kurtosis::raw?)");
  const double v = 1.0 - skewness * sharpe + (raw_kurtosis - 1.0) / 4.0 * sharpe * sharpe;
  return v > 0.0 ? v : 0.0;
}

/// Moments of the non-NaN values of a series: count, mean, sample standard deviation (ddof 1),
/// and the population (biased, ddof 0) skewness m3 / m2^1.5 and raw kurtosis m4 / m2^2, where
/// m_k = (1/n) sum (x - mean)^k (scipy.stats.skew / kurtosis(fisher=False) with bias=True).
struct series_moments {
  std::size_t n = 0;
  double mean = nan;
  double stdev = nan;  ///< ddof 1
  double skewness = nan;
  double raw_kurtosis = nan;
};

/// Two passes over `x` (NaN skipped); data_error naming the position of an infinite value.
/// Fields stay NaN where undefined (n < 2 or zero dispersion). O(n).
[[nodiscard]] inline series_moments moments_of(std::span<const double> x, std::string_view what) {
  series_moments m;
  double sum = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isinf(x[i]))
      throw data_error({}, std::string(what) + ": value at position " + std::to_string(i) +
                               " is infinite; NaN marks a missing value");
    if (is_nan(x[i])) continue;
    sum += x[i];
    ++m.n;
  }
  if (m.n == 0) return m;
  const double n = static_cast<double>(m.n);
  m.mean = sum / n;
  if (m.n < 2) return m;
  double m2 = 0.0, m3 = 0.0, m4 = 0.0;
  for (const double v : x) {
    if (is_nan(v)) continue;
    const double d = v - m.mean, d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m.stdev = std::sqrt(m2 / (n - 1.0));
  if (m2 > 0.0) {
    m2 /= n;
    m3 /= n;
    m4 /= n;
    m.skewness = m3 / (m2 * std::sqrt(m2));
    m.raw_kurtosis = m4 / (m2 * m2);
  }
  return m;
}

}  // namespace detail::overfitting
ALPHA_END_NAMESPACE
