/// @file
/// alpha::features::t3: Tillson T3 moving average (TA-Lib T3).
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

/// Tillson's T3, TA-Lib T3: six chained TA-Lib-seeded EMAs e1..e6 of period n and, with
/// a = vfactor, t3 = c1 e6 + c2 e5 + c3 e4 + c4 e3 where c1 = -a^3, c2 = 3 (a^2 - c1),
/// c3 = -6 a^2 - 3 (a - c1), c4 = 1 + 3 a - c1 + 3 a^2 (TA-Lib's expressions).
///
/// - Params: period n >= 1 (TA-Lib default 5), vfactor in [0, 1] (0.7).
/// - Lookback: 6 (n - 1).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) per update and memory.
/// @test tests/features/series_ma_test.cpp (naive chained EMAs; laws)
class t3 {
 public:
  struct params {
    std::size_t period = 5;  ///< n >= 1
    double vfactor = 0.7;    ///< volume factor a, 0 <= a <= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"t3"};

  explicit t3(const params& p) : n_(::alpha::detail::ta::check_period(p.period, "period")), c_(n_) {
    const double a = ::alpha::detail::ta::check_finite(p.vfactor, "vfactor");
    if (a < 0.0 || a > 1.0) throw config_error("vfactor", "must be in [0, 1]");
    const double a2 = a * a;
    c1_ = -a2 * a;
    c2_ = 3.0 * (a2 - c1_);
    c3_ = -6.0 * a2 - 3.0 * (a - c1_);
    c4_ = 1.0 + 3.0 * a - c1_ + 3.0 * a2;
  }

  void update(double x) noexcept {
    if (!is_nan(x)) c_.push(x);
  }
  [[nodiscard]] double value() const noexcept {
    return c_.ready() ? c1_ * c_[5] + c2_ * c_[4] + c3_ * c_[3] + c4_ * c_[2] : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return c_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 6 * (n_ - 1); }
  void reset() noexcept { c_.clear(); }

 private:
  std::size_t n_;
  ::alpha::detail::ta::ema_chain<6> c_;
  double c1_ = 0, c2_ = 0, c3_ = 0, c4_ = 0;
};

}  // namespace features
ALPHA_END_NAMESPACE
