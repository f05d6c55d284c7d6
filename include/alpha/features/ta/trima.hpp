/// @file
/// alpha::features::trima: triangular moving average (TA-Lib TRIMA).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Triangular moving average, TA-Lib TRIMA: weights 1, 2, ..., rising to the middle and back
/// (n odd: 1..(n+1)/2..1; n even: 1..n/2, n/2..1), normalised. Computed as an SMA of an SMA:
/// n odd: SMA_{(n+1)/2}(SMA_{(n+1)/2}(x)); n even: SMA_{n/2}(SMA_{n/2+1}(x)).
///
/// - Params: period n >= 1 (TA-Lib default 30). Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_ma_test.cpp (naive triangular weights in long double; laws)
class trima {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"trima"};

  explicit trima(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")),
        inner_({.window = n_ % 2 == 1 ? (n_ + 1) / 2 : n_ / 2 + 1}),
        outer_({.window = n_ % 2 == 1 ? (n_ + 1) / 2 : n_ / 2}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    inner_.update(x);
    if (inner_.ready()) outer_.update(inner_.value());
  }
  [[nodiscard]] double value() const noexcept { return outer_.value(); }
  [[nodiscard]] bool ready() const noexcept { return outer_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_ - 1; }
  void reset() noexcept {
    inner_.reset();
    outer_.reset();
  }

 private:
  std::size_t n_;
  rolling::mean inner_, outer_;
};

}  // namespace features
ALPHA_END_NAMESPACE
