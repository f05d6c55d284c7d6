/// @file
/// alpha::features::coppock: Coppock curve.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Coppock curve (not in TA-Lib): WMA_w(roc_{r1} + roc_{r2}) with roc_r = 100 (x_t / x_{t-r} - 1)
/// (0 when x_{t-r} = 0) and the WMA of features::wma.
///
/// - Params: long_roc r1 >= 1 (14), short_roc r2 >= 1 (11), wma_period w >= 1 (10).
/// - Lookback: max(r1, r2) + w - 1 (23 by default).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(r1 + r2 + w) memory.
/// @test tests/features/series_osc_test.cpp (naive loops in long double; laws)
class coppock {
 public:
  struct params {
    std::size_t long_roc = 14;    ///< r1 >= 1
    std::size_t short_roc = 11;   ///< r2 >= 1
    std::size_t wma_period = 10;  ///< w >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"coppock"};

  explicit coppock(const params& p)
      : r_(std::max(::alpha::detail::ta::check_period(p.long_roc, "long_roc"),
                    ::alpha::detail::ta::check_period(p.short_roc, "short_roc"))),
        w_(::alpha::detail::ta::check_period(p.wma_period, "wma_period")),
        l1_(p.long_roc),
        l2_(p.short_roc),
        wma_(w_) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    l1_.push(x);
    l2_.push(x);
    if (l1_.full() && l2_.full()) wma_.push(roc(l1_) + roc(l2_));
  }
  [[nodiscard]] double value() const noexcept { return wma_.value(); }
  [[nodiscard]] bool ready() const noexcept { return wma_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return r_ + w_ - 1; }
  void reset() noexcept {
    l1_.clear();
    l2_.clear();
    wma_.clear();
  }

 private:
  static double roc(const ::alpha::detail::ta::lag_window& l) noexcept {
    const double p = l.oldest();
    return p != 0.0 ? ((l.newest() / p) - 1.0) * 100.0 : 0.0;
  }
  std::size_t r_, w_;
  ::alpha::detail::ta::lag_window l1_, l2_;
  ::alpha::detail::ta::wma_state wma_;
};

}  // namespace features
ALPHA_END_NAMESPACE
