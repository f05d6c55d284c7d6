/// @file
/// alpha::features::cmo: Chande momentum oscillator (TA-Lib CMO).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Chande momentum oscillator, TA-Lib CMO: with U, D the Wilder-smoothed gains and losses of
/// features::rsi (TA-Lib smooths them; Chande's original sums them over n bars),
/// cmo = 100 (U - D) / (U + D), 0 when U + D = 0. Equals 2 rsi - 100.
///
/// - Params: period n >= 2 (TA-Lib default 14). Lookback: n.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) per update and memory.
/// @test tests/features/series_osc_test.cpp (naive Wilder loop in long double; laws)
class cmo {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 2
  };
  static constexpr std::array<std::string_view, 1> output_names{"cmo"};

  explicit cmo(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period", 2)), g_(n_) {}

  void update(double x) noexcept {
    if (!is_nan(x)) g_.push(x);
  }
  [[nodiscard]] double value() const noexcept {
    if (!g_.ready()) return nan;
    const double s = g_.up() + g_.down();
    return s != 0.0 ? 100.0 * ((g_.up() - g_.down()) / s) : 0.0;
  }
  [[nodiscard]] bool ready() const noexcept { return g_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept { g_.clear(); }

 private:
  std::size_t n_;
  ::alpha::detail::ta::wilder_gains g_;
};

}  // namespace features
ALPHA_END_NAMESPACE
