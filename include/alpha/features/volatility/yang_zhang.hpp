/// @file
/// alpha::features::yang_zhang_volatility: the Yang-Zhang (2000) drift-independent volatility
/// estimator with overnight gaps.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/volatility/range_volatility.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Yang & Zhang (2000, J. Business 73(3)) volatility over the last n bars:
///   sigma^2 = V_o + k V_c + (1 - k) V_rs,   k = 0.34 / (1.34 + (n + 1) / (n - 1)),
/// V_o = sample variance (divisor n - 1) of the overnight returns o_t = ln(O_t / C_{t-1}),
/// V_c = sample variance of the open-to-close returns c_t = ln(C_t / O_t), V_rs = mean of the
/// Rogers-Satchell terms (rogers_satchell_estimator) of the same n bars; sigma_t =
/// sqrt(P sigma^2), P = periods_per_year. Minimum-variance unbiased combination, independent of
/// the drift and robust to opening jumps. Same formula as TTR volatility(calc = "yang.zhang").
///
/// - Params: window n >= 2 (20), periods_per_year > 0 (252). Lookback: n (bar 0 has no
///   previous close; bars 1..n form the first window).
/// - NaN rule: a bar with a NaN or non-positive open, high, low or close is skipped (state
///   unchanged, output repeats); the next overnight return uses the last valid close.
/// - Complexity: O(1) amortised per bar (two rolling::variance, one rolling::mean), O(n) memory.
/// @test tests/features_ts/returns_vol_test.cpp (msft OHLCV vs a naive long-double loop, laws)
class yang_zhang_volatility {
 public:
  struct params {
    std::size_t window = 20;          ///< n >= 2 bars
    double periods_per_year = 252.0;  ///< annualisation
  };
  static constexpr input_fields inputs = input_fields::ohlc;
  static constexpr std::array<std::string_view, 1> output_names{"yang_zhang_vol"};

  explicit yang_zhang_volatility(const params& p)
      : n_(detail::ts::check_window(p.window, "window", 2)),
        annual_(detail::ts::check_positive(p.periods_per_year, "periods_per_year")),
        k_(0.34 / (1.34 + static_cast<double>(n_ + 1) / static_cast<double>(n_ - 1))),
        overnight_({.window = n_, .ddof = 1}),
        open_close_({.window = n_, .ddof = 1}),
        rs_({.window = n_}) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b) ||
        !(b.open > 0.0 && b.high > 0.0 && b.low > 0.0 && b.close > 0.0))
      return;
    if (!is_nan(prev_close_)) {
      overnight_.update(std::log(b.open / prev_close_));
      open_close_.update(std::log(b.close / b.open));
      rs_.update(rogers_satchell_estimator::term(b));
    }
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const double v = overnight_.value() + k_ * open_close_.value() + (1.0 - k_) * rs_.value();
    return std::sqrt(v * annual_);
  }
  [[nodiscard]] bool ready() const noexcept { return rs_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  /// The weight k of the open-to-close variance.
  [[nodiscard]] double k() const noexcept { return k_; }
  void reset() noexcept {
    overnight_.reset();
    open_close_.reset();
    rs_.reset();
    prev_close_ = nan;
  }

 private:
  std::size_t n_;
  double annual_, k_;
  rolling::variance overnight_, open_close_;
  rolling::mean rs_;
  double prev_close_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
