/// @file
/// alpha::features::hma: Hull moving average.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Hull moving average (Alan Hull; not in TA-Lib): hma = WMA_s(2 WMA_{floor(n/2)}(x) -
/// WMA_n(x)) with s = floor(sqrt(n)), WMAs as features::wma. The inner difference starts when
/// WMA_n is defined.
///
/// - Params: period n >= 2 (default 9).
/// - Lookback: (n - 1) + (s - 1).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_ma_test.cpp (naive WMAs in long double; laws)
class hma {
 public:
  struct params {
    std::size_t period = 9;  ///< n >= 2
  };
  static constexpr std::array<std::string_view, 1> output_names{"hma"};

  explicit hma(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period", 2)),
        s_(isqrt(n_)),
        half_(n_ / 2),
        full_(n_),
        outer_(s_) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    half_.push(x);
    full_.push(x);
    if (full_.ready()) outer_.push((2.0 * half_.value()) - full_.value());
  }
  [[nodiscard]] double value() const noexcept { return outer_.value(); }
  [[nodiscard]] bool ready() const noexcept { return outer_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return (n_ - 1) + (s_ - 1); }
  void reset() noexcept {
    half_.clear();
    full_.clear();
    outer_.clear();
  }

 private:
  static std::size_t isqrt(std::size_t n) noexcept {
    auto s = static_cast<std::size_t>(std::sqrt(static_cast<double>(n)));
    while (s * s > n) --s;
    while ((s + 1) * (s + 1) <= n) ++s;
    return s;
  }
  std::size_t n_, s_;
  ::alpha::detail::ta::wma_state half_, full_, outer_;
};

}  // namespace features
ALPHA_END_NAMESPACE
