/// @file
/// Missing values: alpha represents a missing or warm-up number as a quiet NaN.
#pragma once

#include "alpha/config.hpp"

#include <cmath>
#include <limits>

ALPHA_BEGIN_NAMESPACE

/// The quiet NaN that marks a missing value or a warm-up output.
inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

/// True if `x` is NaN (works under -ffast-math-free builds; alpha never enables fast-math).
template <class T>
[[nodiscard]] constexpr bool is_nan(T x) noexcept {
  return x != x;  // NOLINT(misc-redundant-expression)
}

ALPHA_END_NAMESPACE
