// Independent references for the overfitting tests: distribution functions written from their
// textbook definitions with the standard library only (no Boost.Math, no alpha code), naive
// long-double sample moments, and a seeded normal sampler.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <span>
#include <vector>

namespace overfitting_ref {

/// Phi(z) = erfc(-z / sqrt 2) / 2.
inline double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

/// Phi^{-1}(p) by 200 bisection steps on normal_cdf over [-40, 40].
inline double normal_quantile(double p) {
  double lo = -40.0, hi = 40.0;
  for (int i = 0; i < 200; ++i) {
    const double mid = 0.5 * (lo + hi);
    (normal_cdf(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

/// Student-t density with nu degrees of freedom, from lgamma.
inline double t_density(double x, double nu) {
  const double c =
      std::lgamma(0.5 * (nu + 1.0)) - std::lgamma(0.5 * nu) - 0.5 * std::log(nu * std::numbers::pi);
  return std::exp(c - 0.5 * (nu + 1.0) * std::log1p(x * x / nu));
}

/// Composite Simpson (20000 panels) of the t density over [a, b].
inline double t_integral(double a, double b, double nu) {
  const int n = 20000;
  const double h = (b - a) / n;
  double s = t_density(a, nu) + t_density(b, nu);
  for (int i = 1; i < n; ++i) s += (i % 2 != 0 ? 4.0 : 2.0) * t_density(a + i * h, nu);
  return s * h / 3.0;
}

/// P(T > t) for t >= 0: 1/2 - integral over [0, t] for t <= 1; for t > 1 the tail integral over
/// [t, t + 80] directly (no cancellation for tiny tails; the density beyond is negligible for
/// the dof used here, >= 35).
inline double t_upper_tail(double t, double nu) {
  if (t <= 1.0) return 0.5 - t_integral(0.0, t, nu);
  return t_integral(t, t + 80.0, nu);
}

/// The t >= 0 with P(T > t) = q (q <= 1/2), by bisection on t_upper_tail.
inline double t_upper_quantile(double q, double nu) {
  double lo = 0.0, hi = 60.0;
  for (int i = 0; i < 80; ++i) {
    const double mid = 0.5 * (lo + hi);
    (t_upper_tail(mid, nu) > q ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

/// Naive moments in long double: sample-stdev Sharpe, population skewness and raw kurtosis.
struct moments {
  double sharpe, skew, raw_kurt;
  std::size_t n;
};
inline moments naive_moments(std::span<const double> x) {
  long double s = 0;
  for (double v : x) s += v;
  const long double n = static_cast<long double>(x.size()), mean = s / n;
  long double m2 = 0, m3 = 0, m4 = 0;
  for (double v : x) {
    const long double d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  const long double sd = std::sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return {static_cast<double>(mean / sd), static_cast<double>(m3 / std::pow(m2, 1.5L)),
          static_cast<double>(m4 / (m2 * m2)), x.size()};
}

/// Standard normal draws from std::mt19937_64 (specified engine) by Box-Muller written here.
class normal_sampler {
 public:
  explicit normal_sampler(std::uint64_t seed) : eng_(seed) {}
  double operator()() {
    const double u1 = (static_cast<double>(eng_() >> 11) + 1.0) * 0x1.0p-53;  // (0, 1]
    const double u2 = static_cast<double>(eng_() >> 11) * 0x1.0p-53;          // [0, 1)
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::mt19937_64 eng_;
};

}  // namespace overfitting_ref
