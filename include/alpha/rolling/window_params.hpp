/// @file
/// Parameter aggregates shared by the windowed and expanding moment accumulators.
#pragma once

#include "alpha/config.hpp"

#include <cstddef>
#include <optional>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Parameters of a fixed-window accumulator (pandas `rolling(window, min_periods)`).
///
/// `window` counts input slots, NaN inputs included; `min_periods` is the number of valid
/// (non-NaN) values the window must hold for an output (unset: = window, pandas' default).
/// Validation (config_error naming the parameter): window >= 1, 1 <= min_periods <= window.
/// Both are integers, so there is no non-finite case to reject.
struct window_params {
  std::size_t window = 0;                                 ///< required, >= 1
  std::optional<std::size_t> min_periods = std::nullopt;  ///< valid values needed; unset = window
};

/// window_params plus the delta degrees of freedom of a (co)variance: the divisor is n - ddof
/// where n is the number of valid values (ddof = 1: sample, pandas' default; 0: population).
/// ddof must be < window; an output with n <= ddof is NaN.
struct window_ddof_params {
  std::size_t window = 0;                                 ///< required, >= 1
  std::optional<std::size_t> min_periods = std::nullopt;  ///< valid values needed; unset = window
  std::size_t ddof = 1;                                   ///< 1 = sample (n-1), 0 = population (n)
};

/// Parameters of an expanding accumulator (pandas `expanding(min_periods)`): every input since
/// construction or reset is in the window. min_periods >= 1 (unset = 1, pandas' default).
struct expanding_params {
  std::optional<std::size_t> min_periods = std::nullopt;  ///< valid values needed; unset = 1
  std::size_t ddof = 1;  ///< for variance/std/cov/zscore-type statistics
};

}  // namespace rolling
ALPHA_END_NAMESPACE
