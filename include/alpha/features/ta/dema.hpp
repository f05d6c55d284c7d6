/// @file
/// alpha::features::dema: double exponential moving average (TA-Lib DEMA).
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

/// Double exponential moving average, TA-Lib DEMA: dema = 2 e1 - e2, e1 = EMA_n(x),
/// e2 = EMA_n(e1), each EMA TA-Lib-seeded (SMA of its first n inputs; e2's inputs start when e1
/// is defined).
///
/// - Params: period n >= 1 (TA-Lib default 30). Lookback: 2 (n - 1).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) per update and memory.
/// @test tests/features/series_ma_test.cpp (naive chained EMAs; laws)
class dema {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"dema"};

  explicit dema(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")), c_(n_) {}

  void update(double x) noexcept {
    if (!is_nan(x)) c_.push(x);
  }
  [[nodiscard]] double value() const noexcept { return c_.ready() ? (2.0 * c_[0]) - c_[1] : nan; }
  [[nodiscard]] bool ready() const noexcept { return c_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 2 * (n_ - 1); }
  void reset() noexcept { c_.clear(); }

 private:
  std::size_t n_;
  ::alpha::detail::ta::ema_chain<2> c_;
};

}  // namespace features
ALPHA_END_NAMESPACE
