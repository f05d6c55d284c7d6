/// @file
/// alpha::features::dpo: detrended price oscillator, causal form.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Detrended price oscillator in its CAUSAL form: dpo_t = x_t - SMA_n(x)_{t - (n/2 + 1)}, the
/// SMA as it was known n/2 + 1 bars ago. The classic DPO (StockCharts, TTR `DPO(shift=TRUE)`)
/// compares x_{t - n/2 - 1} with the SMA ending at t, i.e. it writes onto bar t - n/2 - 1 a value
/// that needs bars up to t: it looks ahead. Ours is that classic value shifted forward to the
/// bar where it becomes known. Not in TA-Lib.
///
/// - Params: period n >= 1 (default 20). Lookback: (n - 1) + (n/2 + 1).
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_osc_test.cpp (naive SMA and lag in long double; laws)
class dpo {
 public:
  struct params {
    std::size_t period = 20;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"dpo"};

  explicit dpo(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")),
        lag_(n_ / 2 + 1),
        sma_({.window = n_}),
        past_(lag_ + 1) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    sma_.update(x);
    if (!sma_.ready()) return;
    past_.push(sma_.value());
    if (past_.full()) out_ = x - past_.front();
  }
  [[nodiscard]] double value() const noexcept { return out_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(out_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return (n_ - 1) + lag_; }
  void reset() noexcept {
    sma_.reset();
    past_.clear();
    out_ = nan;
  }

 private:
  std::size_t n_, lag_;
  rolling::mean sma_;
  ::alpha::detail::ring_buffer<double> past_;
  double out_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
