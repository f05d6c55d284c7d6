/// @file
/// Internal per-date kernels of the cross-sectional transforms, on one contiguous row of N
/// values: NaN-aware sums, order statistics (nth_element, numpy-style linear interpolation), and
/// an LSD radix sort of (value, position) pairs for average ranks.
// IWYU pragma: private, include "alpha/features/cross_section.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::xs {

/// Sets every non-finite value (NaN, +-inf) of `x` to NaN. O(N).
inline void blank(std::span<double> x) noexcept { std::fill(x.begin(), x.end(), nan); }

/// Count and sum of the finite values of `x`, four independent lanes (fixed order: the result
/// does not depend on anything but the row). O(N).
struct count_sum {
  std::size_t n = 0;
  double sum = 0;
};
[[nodiscard]] inline count_sum finite_count_sum(std::span<const double> x) noexcept {
  double s[4] = {0, 0, 0, 0};
  std::size_t c[4] = {0, 0, 0, 0};
  const std::size_t n = x.size();
  std::size_t j = 0;
  for (; j + 4 <= n; j += 4)
    for (std::size_t l = 0; l < 4; ++l) {
      const double v = x[j + l];
      const bool ok = std::isfinite(v);
      s[l] += ok ? v : 0.0;
      c[l] += ok ? 1 : 0;
    }
  for (; j < n; ++j)
    if (std::isfinite(x[j])) {
      s[0] += x[j];
      ++c[0];
    }
  return {c[0] + c[1] + c[2] + c[3], (s[0] + s[1]) + (s[2] + s[3])};
}

/// Sum of (x - m) and of (x - m)^2 over the finite values of `x`. O(N).
struct deviation_sums {
  double d = 0;   ///< sum (x - m)
  double d2 = 0;  ///< sum (x - m)^2
};
[[nodiscard]] inline deviation_sums finite_deviation_sums(std::span<const double> x,
                                                          double m) noexcept {
  double d[4] = {0, 0, 0, 0}, q[4] = {0, 0, 0, 0};
  const std::size_t n = x.size();
  std::size_t j = 0;
  for (; j + 4 <= n; j += 4)
    for (std::size_t l = 0; l < 4; ++l) {
      const double v = x[j + l];
      const double e = std::isfinite(v) ? v - m : 0.0;
      d[l] += e;
      q[l] += e * e;
    }
  for (; j < n; ++j)
    if (std::isfinite(x[j])) {
      const double e = x[j] - m;
      d[0] += e;
      q[0] += e * e;
    }
  return {(d[0] + d[1]) + (d[2] + d[3]), (q[0] + q[1]) + (q[2] + q[3])};
}

/// Mean and the sum of squared deviations of the finite values (n > 0): the mean is refined by
/// the mean residual (two-pass, accurate when the values share a large offset).
struct mean_ss {
  std::size_t n = 0;
  double mean = nan;
  double ss = nan;
};
[[nodiscard]] inline mean_ss finite_mean_ss(std::span<const double> x) noexcept {
  const count_sum cs = finite_count_sum(x);
  if (cs.n == 0) return {};
  const double n = static_cast<double>(cs.n);
  double m = cs.sum / n;
  const deviation_sums ds = finite_deviation_sums(x, m);
  // sum (x - m')^2 with m' = m + d/n equals ss - d^2/n (exact algebra).
  m += ds.d / n;
  return {cs.n, m, ds.d2 - ds.d * ds.d / n};
}

/// y = finite(x) ? (x - a) * b : NaN, over the row. O(N).
inline void affine_finite(std::span<double> x, double a, double b) noexcept {
  for (double& v : x) v = std::isfinite(v) ? (v - a) * b : nan;
}
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

/// Order-preserving 64-bit key of a finite double (-0.0 and +0.0 map to the same key).
[[nodiscard]] inline std::uint64_t order_key(double v) noexcept {
  const auto u = std::bit_cast<std::uint64_t>(v + 0.0);  // -0.0 + 0.0 == +0.0
  return (u >> 63) != 0 ? ~u : (u | (std::uint64_t{1} << 63));
}

/// Average ranks (1-based; ties get the mean of their positions, pandas method='average') of the
/// finite values of a row, with scratch buffers reused across rows. LSD radix sort on 8-bit
/// digits of order_key, skipping digits on which every key agrees: O(N) per row.
class ranker {
 public:
  /// Writes rank (ascending) or N_valid + 1 - rank (descending) of each finite x into x, divided
  /// by the valid count when `pct`; non-finite -> NaN. Returns the number of finite values.
  std::size_t rank(std::span<double> x, bool ascending, bool pct, std::size_t min_count) {
    const std::size_t N = x.size();
    keys_.resize(N);
    idx_.resize(N);
    std::size_t n = 0;
    for (std::size_t j = 0; j < N; ++j)
      if (std::isfinite(x[j])) {
        keys_[n] = order_key(x[j]);
        idx_[n] = static_cast<std::uint32_t>(j);
        ++n;
      }
    std::fill(x.begin(), x.end(), nan);
    if (n < min_count || n == 0) return n;
    sort(n);
    const double denom = pct ? static_cast<double>(n) : 1.0;
    const double flip = static_cast<double>(n) + 1.0;
    for (std::size_t i = 0; i < n;) {
      std::size_t e = i + 1;
      while (e < n && keys_[e] == keys_[i]) ++e;
      const double r = 0.5 * static_cast<double>(i + 1 + e);  // mean of positions i+1..e
      const double out = (ascending ? r : flip - r) / denom;
      for (std::size_t k = i; k < e; ++k) x[idx_[k]] = out;
      i = e;
    }
    return n;
  }

 private:
  void sort(std::size_t n) {
    if (n < 48) {  // insertion sort: cheaper than eight histograms for tiny rows
      for (std::size_t i = 1; i < n; ++i) {
        const std::uint64_t k = keys_[i];
        const std::uint32_t ix = idx_[i];
        std::size_t p = i;
        for (; p > 0 && keys_[p - 1] > k; --p) {
          keys_[p] = keys_[p - 1];
          idx_[p] = idx_[p - 1];
        }
        keys_[p] = k;
        idx_[p] = ix;
      }
      return;
    }
    std::array<std::array<std::uint32_t, 256>, 8> hist{};
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint64_t k = keys_[i];
      for (std::size_t d = 0; d < 8; ++d) ++hist[d][(k >> (8 * d)) & 0xFF];
    }
    tmp_keys_.resize(n);
    tmp_idx_.resize(n);
    std::uint64_t* kin = keys_.data();
    std::uint32_t* iin = idx_.data();
    std::uint64_t* kout = tmp_keys_.data();
    std::uint32_t* iout = tmp_idx_.data();
    for (std::size_t d = 0; d < 8; ++d) {
      auto& h = hist[d];
      if (h[(kin[0] >> (8 * d)) & 0xFF] == n) continue;  // every key has this digit
      std::uint32_t sum = 0;
      for (std::uint32_t& c : h) {
        const std::uint32_t c0 = c;
        c = sum;
        sum += c0;
      }
      for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t p = h[(kin[i] >> (8 * d)) & 0xFF]++;
        kout[p] = kin[i];
        iout[p] = iin[i];
      }
      std::swap(kin, kout);
      std::swap(iin, iout);
    }
    if (kin != keys_.data()) {
      std::copy(kin, kin + n, keys_.data());
      std::copy(iin, iin + n, idx_.data());
    }
  }

  std::vector<std::uint64_t> keys_, tmp_keys_;
  std::vector<std::uint32_t> idx_, tmp_idx_;
};

}  // namespace detail::xs
ALPHA_END_NAMESPACE
