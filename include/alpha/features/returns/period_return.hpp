/// @file
/// alpha::features::period_return: the return over a horizon of h bars, simple or log.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/returns/return_kind.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Return over h bars: r_t = x_t / x_{t-h} - 1 (simple) or ln(x_t / x_{t-h}) (log). The source
/// designs use h = 1, 5, 20, 60 (pandas `pct_change(h)`, or `np.log(x).diff(h)`).
///
/// - Params: horizon h >= 1 (1), kind (simple). Lookback: h.
/// - Prices should be > 0; a zero base gives +-inf (simple), a non-positive ratio NaN (log).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one): h
///   counts valid prices, as in TA-Lib's ROC on a series with the gaps removed.
/// - Complexity: O(1) per update, O(h) memory.
/// @test tests/features_ts/returns_vol_test.cpp (hand-worked series, naive loop, laws)
class period_return {
 public:
  struct params {
    std::size_t horizon = 1;                 ///< h >= 1 bars
    return_kind kind = return_kind::simple;  ///< simple or log
  };
  static constexpr std::array<std::string_view, 1> output_names{"ret"};

  explicit period_return(const params& p)
      : h_(detail::ts::check_window(p.horizon, "horizon")),
        kind_(detail::ts::check_kind(p.kind)),
        lags_(h_ + 1) {}

  /// Pushes the next price. O(1).
  void update(double x) noexcept {
    if (!is_nan(x)) lags_.push(x);
  }
  [[nodiscard]] double value() const noexcept {
    return ready() ? detail::ts::price_return(lags_.lag(0), lags_.lag(h_), kind_) : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return lags_.full(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return h_; }
  void reset() noexcept { lags_.clear(); }

 private:
  std::size_t h_;
  return_kind kind_;
  detail::ts::lag_buffer lags_;
};

}  // namespace features
ALPHA_END_NAMESPACE
