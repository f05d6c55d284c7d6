/// @file
/// Commodity channel index (alpha::features).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Commodity channel index (TA-Lib CCI; default period 14, TTR's default is 20):
/// TP_t = (H + L + C) / 3, m = mean of TP over the last n bars, md = mean |TP - m| over the
/// same bars, CCI_t = (TP_t - m) / (0.015 md); 0 when TP_t == m or md == 0 (TA-Lib; TTR returns
/// a tiny number there). The window is summed in TA-Lib's order (circular-buffer slots 0..n-1),
/// so the outputs are TA-Lib's to the last bits; TTR agrees to ~2e-10 absolute
/// (CONVENTIONS.md).
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n - 1.
/// NaN rule: a bar with a NaN high, low or close is skipped (state unchanged, value() repeats).
/// Complexity: O(n) per bar (the mean deviation needs the whole window, as in TA-Lib), O(n)
/// memory.
/// @test tests/features/bar_reference_test.cpp (TA-Lib and TTR `cci20`; laws)
class cci {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"cci"};

  explicit cci(const params& p) : buf_(detail::checked_period("period", p.period)) {}

  /// Pushes the next bar. O(n).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    const std::size_t n = buf_.size();
    const double tp = (b.high + b.low + b.close) / 3.0;
    buf_[count_ % n] = tp;
    ++count_;
    if (count_ < n) return;
    const double nd = static_cast<double>(n);
    double avg = 0.0;
    for (double v : buf_) avg += v;
    avg /= nd;
    double dev = 0.0;
    for (double v : buf_) dev += std::fabs(v - avg);
    const double num = tp - avg;
    value_ = (num != 0.0 && dev != 0.0) ? num / (0.015 * (dev / nd)) : 0.0;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return buf_.size() - 1; }
  void reset() noexcept {
    count_ = 0;
    value_ = nan;
  }

 private:
  std::vector<double> buf_;
  std::size_t count_ = 0;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
