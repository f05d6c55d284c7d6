/// @file
/// Internal per-date kernels of the cross-sectional transforms, on one contiguous row of N
/// values: clamping, order statistics (nth_element, numpy-style linear interpolation), and
/// a bucket sort of (value, position) pairs for average ranks.
// IWYU pragma: private, include "alpha/features/cross_section.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::xs {

/// Sets every value of `x` to NaN (a date below its minimum count). O(N).
inline void blank(std::span<double> x) noexcept { std::fill(x.begin(), x.end(), nan); }

/// y = finite(x) ? clamp(x, lo, hi) : NaN. O(N).
inline void clamp_finite(std::span<double> x, double lo, double hi) noexcept {
  for (double& v : x) v = std::isfinite(v) ? std::min(std::max(v, lo), hi) : nan;
}

/// Copies the finite values of `x` into `v` (resized); returns their count. O(N).
inline std::size_t gather_finite(std::span<const double> x, std::vector<double>& v) {
  v.resize(x.size());
  std::size_t n = 0;
  for (const double a : x)
    if (std::isfinite(a)) v[n++] = a;
  v.resize(n);
  return n;
}

/// numpy's linear interpolation between a and b at fraction f (numpy >= 1.22 `_lerp`: from the
/// nearer end, so f = 1 gives b exactly).
[[nodiscard]] inline double lerp(double a, double b, double f) noexcept {
  const double d = b - a;
  return f >= 0.5 ? b - d * (1.0 - f) : a + d * f;
}

/// Quantile q in [0, 1] of v[first, n) by linear interpolation between order statistics
/// (numpy `percentile` method 'linear' = pandas `quantile` default, Hyndman-Fan type 7) over the
/// n values of v, where v[0, first) are already known to be <= every value of v[first, n) and
/// in their final positions. Reorders v. O(n) expected.
[[nodiscard]] inline double quantile_linear(std::vector<double>& v, double q,
                                            std::size_t first = 0) {
  const std::size_t n = v.size();
  const double h = q * static_cast<double>(n - 1);
  auto k = static_cast<std::size_t>(std::floor(h));
  if (k >= n - 1) k = n - 1;
  const double f = h - static_cast<double>(k);
  const auto it = v.begin() + static_cast<std::ptrdiff_t>(std::max(k, first));
  if (k >= first) std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(first), it, v.end());
  const double a = v[k];
  if (f <= 0.0 || k + 1 >= n) return a;
  const double b = *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(k + 1), v.end());
  return lerp(a, b, f);
}

/// Median of v (n > 0): the middle value, or the mean of the two middle values when n is even
/// (pandas/numpy). Reorders v. O(n) expected.
[[nodiscard]] inline double median(std::vector<double>& v) {
  const std::size_t n = v.size();
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(n / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (n % 2 == 1) return *mid;
  const double lower = *std::max_element(v.begin(), mid);
  return lower + (*mid - lower) * 0.5;
}

/// Order statistics of a set of finite values by one histogram pass: each value's bucket on its
/// place in [min, max] (about one bucket per value; the bucket index is non-decreasing in the
/// value) is counted once, then select(k) gathers only the bucket holding the k-th smallest
/// value and runs nth_element inside it. O(n) per prepare and per select, with small constants
/// (O(n) expected at worst, when most values share one bucket). Sets of <= 64 values, or whose
/// range is not a finite positive double, use nth_element directly.
class selector {
 public:
  /// Prepares the selection over `v` (finite values; kept by reference until the next call).
  void prepare(std::span<const double> v) {
    v_ = v;
    const std::size_t n = v.size();
    double lo = INFINITY, hi = -INFINITY;
    for (const double a : v) {
      lo = a < lo ? a : lo;
      hi = a > hi ? a : hi;
    }
    const double scale = static_cast<double>(n) / (hi - lo) * (1.0 - 1e-12);
    bucketed_ = n > 64 && hi > lo && std::isfinite(hi - lo) && std::isfinite(scale);
    if (!bucketed_) return;
    bucket_.resize(n);
    cum_.assign(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
      auto b = static_cast<std::size_t>((v[i] - lo) * scale);
      b = b < n ? b : n - 1;
      bucket_[i] = static_cast<std::uint32_t>(b);
      ++cum_[b + 1];
    }
    for (std::size_t b = 0; b < n; ++b) cum_[b + 1] += cum_[b];
  }

  /// The k-th smallest value (0-based, k < n) and, when `with_next`, the (k+1)-th (k + 1 < n).
  std::pair<double, double> select(std::size_t k, bool with_next) {
    const std::size_t n = v_.size();
    if (!bucketed_) {
      tmp_.assign(v_.begin(), v_.end());
      const auto it = tmp_.begin() + static_cast<std::ptrdiff_t>(k);
      std::nth_element(tmp_.begin(), it, tmp_.end());
      const double next = with_next ? *std::min_element(it + 1, tmp_.end()) : nan;
      return {*it, next};
    }
    const auto b = static_cast<std::size_t>(
        std::upper_bound(cum_.begin(), cum_.end(), static_cast<std::uint32_t>(k)) - cum_.begin() -
        1);
    tmp_.clear();
    for (std::size_t i = 0; i < n; ++i)
      if (bucket_[i] == b) tmp_.push_back(v_[i]);
    const std::size_t r = k - cum_[b];
    const auto it = tmp_.begin() + static_cast<std::ptrdiff_t>(r);
    std::nth_element(tmp_.begin(), it, tmp_.end());
    const double kth = *it;
    if (!with_next) return {kth, nan};
    if (r + 1 < tmp_.size()) return {kth, *std::min_element(it + 1, tmp_.end())};
    std::size_t b2 = b + 1;  // the next non-empty bucket holds the (k+1)-th value
    while (cum_[b2 + 1] == cum_[b2]) ++b2;
    double next = INFINITY;
    for (std::size_t i = 0; i < n; ++i)
      if (bucket_[i] == b2 && v_[i] < next) next = v_[i];
    return {kth, next};
  }

  /// Linear-interpolation quantile q in [0, 1] (numpy 'linear', see quantile_linear).
  double quantile(double q) {
    const std::size_t n = v_.size();
    const double h = q * static_cast<double>(n - 1);
    auto k = static_cast<std::size_t>(std::floor(h));
    if (k >= n - 1) k = n - 1;
    const double f = h - static_cast<double>(k);
    const bool interpolate = f > 0.0 && k + 1 < n;
    const auto [a, b] = select(k, interpolate);
    return interpolate ? lerp(a, b, f) : a;
  }

  /// Median: the middle value, or the mean of the two middle values when n is even.
  double median() {
    const std::size_t n = v_.size();
    if (n % 2 == 1) return select(n / 2, false).first;
    const auto [lower, upper] = select(n / 2 - 1, true);
    return lower + (upper - lower) * 0.5;
  }

 private:
  std::span<const double> v_;
  bool bucketed_ = false;
  std::vector<std::uint32_t> bucket_, cum_;
  std::vector<double> tmp_;
};

/// Average ranks (1-based; ties get the mean of their positions, pandas method='average') of the
/// finite values of a row, with scratch buffers reused across rows. Sorts (value, position)
/// pairs by one pass of bucket sort on the value's place in [min, max] (about one bucket per
/// value; bucket(x) = floor((x - min) * scale) is non-decreasing in x, so buckets are ordered and
/// equal values share one), then insertion sort inside small buckets and std::sort inside large
/// ones: O(N) expected for smooth distributions, O(N log N) at worst (e.g. one huge outlier).
class ranker {
 public:
  /// Writes rank (ascending) or n + 1 - rank (descending) of each finite x into x, divided by the
  /// valid count n when `pct`; non-finite -> NaN; all NaN when n < min_count. Returns n.
  std::size_t rank(std::span<double> x, bool ascending, bool pct, std::size_t min_count) {
    const std::size_t N = x.size();
    in_.resize(N);
    std::size_t n = 0;
    double lo = INFINITY, hi = -INFINITY;
    for (std::size_t j = 0; j < N; ++j) {
      const double v = x[j];
      if (!std::isfinite(v)) continue;
      in_[n++] = {v, static_cast<std::uint32_t>(j)};
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
    }
    std::fill(x.begin(), x.end(), nan);
    if (n < min_count || n == 0) return n;
    const entry* sorted = sort(n, lo, hi);
    const double denom = pct ? static_cast<double>(n) : 1.0;
    const double flip = static_cast<double>(n) + 1.0;
    for (std::size_t i = 0; i < n;) {
      std::size_t e = i + 1;
      while (e < n && sorted[e].v == sorted[i].v) ++e;        // -0.0 == +0.0: tied
      const double r = 0.5 * static_cast<double>(i + 1 + e);  // mean of positions i+1..e
      const double a = ascending ? r : flip - r;
      const double out = pct ? a / denom : a;  // division only for pct (pandas: rank / n)
      for (std::size_t k = i; k < e; ++k) x[sorted[k].j] = out;
      i = e;
    }
    return n;
  }

 private:
  struct entry {
    double v;
    std::uint32_t j;
  };
  static void insertion_sort(entry* a, std::size_t n) noexcept {
    for (std::size_t i = 1; i < n; ++i) {
      const entry e = a[i];
      std::size_t p = i;
      for (; p > 0 && a[p - 1].v > e.v; --p) a[p] = a[p - 1];
      a[p] = e;
    }
  }
  const entry* sort(std::size_t n, double lo, double hi) {
    if (n <= 32) {
      insertion_sort(in_.data(), n);
      return in_.data();
    }
    if (!(hi > lo)) return in_.data();  // all equal: any order
    const std::size_t buckets = n;
    const double scale = static_cast<double>(buckets) / (hi - lo) * (1.0 - 1e-12);
    if (!std::isfinite(hi - lo) || !std::isfinite(scale)) {  // extreme range: comparison sort
      std::sort(in_.data(), in_.data() + n,
                [](const entry& a, const entry& b) { return a.v < b.v; });
      return in_.data();
    }
    count_.assign(buckets + 1, 0);
    bucket_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      auto b = static_cast<std::size_t>((in_[i].v - lo) * scale);
      b = b < buckets ? b : buckets - 1;
      bucket_[i] = static_cast<std::uint32_t>(b);
      ++count_[b + 1];
    }
    std::uint32_t largest = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
      largest = count_[b + 1] > largest ? count_[b + 1] : largest;
      count_[b + 1] += count_[b];
    }
    out_.resize(n);
    for (std::size_t i = 0; i < n; ++i) out_[count_[bucket_[i]]++] = in_[i];
    if (largest <= 16) {
      // Buckets are ordered: one insertion sort over the whole array only moves values within
      // their bucket (at most 15 steps each).
      insertion_sort(out_.data(), n);
      return out_.data();
    }
    // count_[b] is now the end of bucket b (and the start of bucket b + 1).
    std::size_t start = 0;
    for (std::size_t b = 0; b < buckets; ++b) {
      const std::size_t end = count_[b];
      const std::size_t m = end - start;
      if (m > 1) {
        if (m <= 16)
          insertion_sort(out_.data() + start, m);
        else
          std::sort(out_.data() + start, out_.data() + end,
                    [](const entry& a, const entry& c) { return a.v < c.v; });
      }
      start = end;
    }
    return out_.data();
  }

  std::vector<entry> in_, out_;
  std::vector<std::uint32_t> bucket_;
  std::vector<std::uint32_t> count_;
};

}  // namespace detail::xs
ALPHA_END_NAMESPACE
