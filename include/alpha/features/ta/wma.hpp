/// @file
/// alpha::features::wma: weighted moving average (TA-Lib WMA).
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

/// Weighted moving average, TA-Lib WMA: wma_t = sum_{i=1..n} i x_{t-n+i} / (n (n+1) / 2), the
/// newest value weighted n.
///
/// - Params: period n >= 1 (TA-Lib default 30). Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update (TA-Lib's running sums, recomputed exactly every n
///   updates), O(n) memory.
/// @test tests/features/series_ma_test.cpp (naive weighted sums in long double; laws)
class wma {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"wma"};

  explicit wma(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")), s_(n_) {}

  void update(double x) noexcept {
    if (!is_nan(x)) s_.push(x);
  }
  [[nodiscard]] double value() const noexcept { return s_.value(); }
  [[nodiscard]] bool ready() const noexcept { return s_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_ - 1; }
  void reset() noexcept { s_.clear(); }

 private:
  std::size_t n_;
  ::alpha::detail::ta::wma_state s_;
};

}  // namespace features
ALPHA_END_NAMESPACE
