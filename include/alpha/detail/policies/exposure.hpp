/// @file
/// Weight-vector helpers shared by sizers and risk controls: per-asset clamp, gross cap, and the
/// checks of a sizer's inputs.
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace detail::policy {

/// w_i = clamp(w_i, -limit, limit) for every i. O(n).
inline void clamp_weights(std::span<double> w, double limit) noexcept {
  for (double& x : w) x = x > limit ? limit : (x < -limit ? -limit : x);
}

/// Sum of |w_i|. O(n).
[[nodiscard]] inline double gross(std::span<const double> w) noexcept {
  double g = 0.0;
  for (const double x : w) g += std::abs(x);
  return g;
}

/// If sum |w| > cap, multiplies every weight by cap / sum |w| (so the gross becomes cap, up to
/// rounding); otherwise leaves w unchanged. O(n).
inline void cap_gross(std::span<double> w, double cap) noexcept {
  const double g = gross(w);
  if (g > cap) {
    const double k = cap / g;
    for (double& x : w) x *= k;
  }
}

/// Throws shape_error unless `size` == `expected`; `what` names the span.
inline void require_size(std::size_t size, std::size_t expected, const char* who,
                         const char* what) {
  if (size != expected)
    throw shape_error(std::string(who) + ": " + what + " has " + std::to_string(size) +
                      " entries for " + std::to_string(expected) + " assets");
}

}  // namespace detail::policy
ALPHA_END_NAMESPACE
