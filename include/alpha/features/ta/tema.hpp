/// @file
/// alpha::features::tema: triple exponential moving average (TA-Lib TEMA).
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

/// Triple exponential moving average, TA-Lib TEMA: tema = 3 e1 - 3 e2 + e3 with e1 = EMA_n(x),
/// e2 = EMA_n(e1), e3 = EMA_n(e2), each TA-Lib-seeded.
///
/// - Params: period n >= 1 (TA-Lib default 30). Lookback: 3 (n - 1).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) per update and memory.
/// @test tests/features/series_ma_test.cpp (naive chained EMAs; laws)
class tema {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"tema"};

  explicit tema(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")), c_(n_) {}

  void update(double x) noexcept {
    if (!is_nan(x)) c_.push(x);
  }
  [[nodiscard]] double value() const noexcept {
    return c_.ready() ? (3.0 * c_[0]) - (3.0 * c_[1]) + c_[2] : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return c_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 3 * (n_ - 1); }
  void reset() noexcept { c_.clear(); }

 private:
  std::size_t n_;
  ::alpha::detail::ta::ema_chain<3> c_;
};

}  // namespace features
ALPHA_END_NAMESPACE
