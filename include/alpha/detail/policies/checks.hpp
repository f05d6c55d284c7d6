/// @file
/// Parameter checks shared by the strategy policies (labels, models, combine, sizing, costs,
/// risk): each throws alpha::config_error naming the parameter and the accepted range.
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstddef>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace detail::policy {

/// `who.name`, the key a config file uses for the parameter (e.g. "ridge.lambda").
inline std::string key(const char* who, const char* name) { return std::string(who) + '.' + name; }

/// v, if finite; config_error otherwise. O(1).
inline double finite(double v, const char* who, const char* name) {
  if (!std::isfinite(v))
    throw config_error(key(who, name), fmt::format("must be finite, got {}", v));
  return v;
}

/// v, if finite and > 0. O(1).
inline double positive(double v, const char* who, const char* name) {
  if (!(std::isfinite(v) && v > 0.0))
    throw config_error(key(who, name), fmt::format("must be finite and > 0, got {}", v));
  return v;
}

/// v, if finite and >= 0. O(1).
inline double non_negative(double v, const char* who, const char* name) {
  if (!(std::isfinite(v) && v >= 0.0))
    throw config_error(key(who, name), fmt::format("must be finite and >= 0, got {}", v));
  return v;
}

/// v, if finite and in [lo, hi]. O(1).
inline double in_range(double v, double lo, double hi, const char* who, const char* name) {
  if (!(std::isfinite(v) && v >= lo && v <= hi))
    throw config_error(key(who, name), fmt::format("must be in [{}, {}], got {}", lo, hi, v));
  return v;
}

/// n, if n >= lo. O(1).
inline std::size_t at_least(std::size_t n, std::size_t lo, const char* who, const char* name) {
  if (n < lo) throw config_error(key(who, name), fmt::format("must be >= {}, got {}", lo, n));
  return n;
}

/// x clamped to [-limit, limit] (limit >= 0; NaN stays NaN). O(1).
[[nodiscard]] inline double clamp_abs(double x, double limit) noexcept {
  return x > limit ? limit : (x < -limit ? -limit : x);
}

/// Throws shape_error unless a rule model's row has `f` values.
inline void check_rule_row(std::span<const double> x, std::size_t f, const char* who) {
  if (x.size() != f)
    throw shape_error(std::string("models::") + who + "::predict: row of " +
                      std::to_string(x.size()) + " values for " + std::to_string(f) + " features");
}

}  // namespace detail::policy
ALPHA_END_NAMESPACE
