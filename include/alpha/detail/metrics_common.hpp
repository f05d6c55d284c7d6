/// @file
/// Internals shared by the alpha::metrics headers: input checks, NaN dropping, average ranks,
/// Pearson correlation and the two-pass mean / standard deviation.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::metrics {

/// config_error unless x is finite and > 0.
inline double check_positive(double x, std::string_view name) {
  if (!std::isfinite(x) || x <= 0.0)
    throw config_error(std::string(name), "must be finite and > 0, got " + std::to_string(x));
  return x;
}

/// config_error unless x is finite (a rate such as the risk-free return per period).
inline double check_finite(double x, std::string_view name) {
  if (!std::isfinite(x))
    throw config_error(std::string(name), "must be finite, got " + std::to_string(x));
  return x;
}

/// config_error unless 0 < p < 1.
inline double check_probability(double p, std::string_view name) {
  if (!(p > 0.0 && p < 1.0))
    throw config_error(std::string(name),
                       "must lie strictly between 0 and 1, got " + std::to_string(p));
  return p;
}

/// data_error naming the position of an infinite value (NaN is allowed: it means missing).
inline void check_not_infinite(double x, std::size_t i, std::string_view what) {
  if (std::isinf(x))
    throw data_error({}, std::string(what) + ": value at position " + std::to_string(i) +
                             " is infinite (" + std::to_string(x) + "); NaN marks a missing value");
}

/// The non-NaN values of x, in order; data_error on an infinite value. O(n).
inline std::vector<double> drop_nan(std::span<const double> x, std::string_view what) {
  std::vector<double> out;
  out.reserve(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    check_not_infinite(x[i], i, what);
    if (!is_nan(x[i])) out.push_back(x[i]);
  }
  return out;
}

/// Mean and sample standard deviation (ddof = 1) by two passes; sd is exactly 0 when every value
/// is equal (the two-pass mean of equal values may differ from them in the last bit), NaN when
/// n < 2. mean is NaN when n == 0.
struct mean_sd {
  double mean = nan;
  double sd = nan;
};
inline mean_sd mean_and_sd(std::span<const double> x) noexcept {
  mean_sd out;
  const std::size_t n = x.size();
  if (n == 0) return out;
  double sum = 0.0, lo = x[0], hi = x[0];
  for (const double v : x) {
    sum += v;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
  }
  out.mean = sum / static_cast<double>(n);
  if (n < 2) return out;
  if (lo == hi) {
    out.sd = 0.0;
    return out;
  }
  double ss = 0.0, comp = 0.0;
  for (const double v : x) {
    const double d = v - out.mean;
    ss += d * d;
    comp += d;
  }
  // Corrected two-pass (Chan, Golub, LeVeque): subtract the residual of the mean.
  ss -= comp * comp / static_cast<double>(n);
  out.sd = std::sqrt(std::max(ss, 0.0) / static_cast<double>(n - 1));
  return out;
}

/// 1-based ranks of x with ties given the average of the ranks they span (scipy rankdata
/// "average", pandas rank()). No NaN allowed. O(n log n).
inline std::vector<double> average_ranks(std::span<const double> x) {
  const std::size_t n = x.size();
  std::vector<std::pair<double, std::size_t>> v(n);  // (value, position): one cache-friendly sort
  for (std::size_t i = 0; i < n; ++i) v[i] = {x[i], i};
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<double> ranks(n);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && v[j].first == v[i].first) ++j;
    // positions i..j-1 (0-based) hold ranks i+1..j: their average is (i + 1 + j) / 2
    const double r = 0.5 * static_cast<double>(i + 1 + j);
    for (std::size_t k = i; k < j; ++k) ranks[v[k].second] = r;
    i = j;
  }
  return ranks;
}

/// Pearson correlation of equal-length x and y (two-pass); NaN when n < 2 or either has zero
/// variance.
inline double pearson(std::span<const double> x, std::span<const double> y) noexcept {
  const std::size_t n = x.size();
  if (n < 2) return nan;
  double mx = 0.0, my = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    mx += x[i];
    my += y[i];
  }
  mx /= static_cast<double>(n);
  my /= static_cast<double>(n);
  double sxy = 0.0, sxx = 0.0, syy = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = x[i] - mx, dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx <= 0.0 || syy <= 0.0) return nan;
  const double r = sxy / std::sqrt(sxx * syy);
  return std::clamp(r, -1.0, 1.0);
}

/// True if every value of x equals the first (so a correlation is undefined).
inline bool all_equal(std::span<const double> x) noexcept {
  for (const double v : x)
    if (v != x[0]) return false;
  return true;
}

/// shape_error unless the two T x N arrays have equal dimensions.
template <class A, class B>
void require_same_dims(const A& a, const B& b, std::string_view what) {
  if (a.rows() != b.rows() || a.cols() != b.cols())
    throw shape_error(std::string(what) + ": arrays are " + std::to_string(a.rows()) + " x " +
                      std::to_string(a.cols()) + " and " + std::to_string(b.rows()) + " x " +
                      std::to_string(b.cols()));
}

/// A weight cell as a position: NaN means no position (0); data_error on an infinite weight.
inline double weight_or_zero(double w, Eigen::Index t, Eigen::Index j, std::string_view what) {
  if (std::isinf(w))
    throw data_error({}, std::string(what) + ": weight at row " + std::to_string(t) + ", column " +
                             std::to_string(j) + " is infinite");
  return is_nan(w) ? 0.0 : w;
}

}  // namespace detail::metrics
ALPHA_END_NAMESPACE
