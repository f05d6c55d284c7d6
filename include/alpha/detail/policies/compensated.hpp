/// @file
/// alpha::detail::policy::compensated_sums: a vector of Neumaier-compensated running sums, for
/// sufficient statistics that rows enter and leave (observe / forget).
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::policy {

/// K running sums, each kept as (sum, compensation) as in Neumaier's variant of Kahan summation:
/// every addition's rounding error is computed exactly (Knuth's two-sum) and accumulated
/// separately, so
/// value(k) = sum + compensation has an error of about eps |value| + N eps^2 sum |terms| after N
/// additions, instead of N eps sum |terms| for a plain sum. That matters when rows are removed
/// again: a plain sum would keep the rounding errors of every row that ever passed through.
/// O(K) per add, O(K) memory.
class compensated_sums {
 public:
  compensated_sums() = default;
  explicit compensated_sums(std::size_t k) : sum_(k, 0.0), comp_(k, 0.0) {}

  [[nodiscard]] std::size_t size() const noexcept { return sum_.size(); }

  /// sums[k] += sign * terms[k] for every k (sign = +1 to add a row, -1 to remove it).
  void add(std::span<const double> terms, double sign) noexcept {
    double* __restrict sum = sum_.data();
    double* __restrict comp = comp_.data();
    const double* __restrict x = terms.data();
    for (std::size_t k = 0; k < sum_.size(); ++k) {
      // Knuth's branch-free two-sum: t + err == s + v exactly (vectorisable, unlike the
      // magnitude test of Fast2Sum).
      const double v = sign * x[k];
      const double s = sum[k];
      const double t = s + v;
      const double bp = t - s;
      comp[k] += (s - (t - bp)) + (v - bp);
      sum[k] = t;
    }
  }
  /// The compensated value of sum k. O(1).
  [[nodiscard]] double value(std::size_t k) const noexcept { return sum_[k] + comp_[k]; }
  /// All sums back to exactly zero.
  void clear() noexcept {
    std::fill(sum_.begin(), sum_.end(), 0.0);
    std::fill(comp_.begin(), comp_.end(), 0.0);
  }

 private:
  std::vector<double> sum_, comp_;
};

}  // namespace detail::policy
ALPHA_END_NAMESPACE
