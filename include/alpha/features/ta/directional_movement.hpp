/// @file
/// Wilder's directional movement system (alpha::features): +DI, -DI, DX, ADX and ADXR.
///
/// Convention: TA-Lib PLUS_DI / MINUS_DI / DX / ADX / ADXR (TTR `ADX` agrees from the first
/// defined row, see ../shared/reference/CONVENTIONS.md), period n (default 14):
///   - +DM_t = H_t - H_{t-1} if that is > 0 and > L_{t-1} - L_t, else 0; -DM_t = L_{t-1} - L_t if
///     that is > 0 and > H_t - H_{t-1}, else 0; TR_t the true range (bars t >= 1).
///   - Wilder running sums S: S = sum of the first n-1 values (bars 1..n-1), then
///     S_t = S_{t-1} - S_{t-1}/n + x_t from bar n (TA-Lib's operations, in its order).
///   - +DI = 100 S(+DM)/S(TR), -DI likewise (0 when |S(TR)| < 1e-8, TA-Lib's TA_IS_ZERO);
///     DX = 100 |(-DI) - (+DI)| / ((-DI) + (+DI)) (0 when the sum is ~0).
///   - ADX = mean of the first n DX values (bars n..2n-1) at bar 2n-1, then
///     ADX_t = (ADX_{t-1} (n-1) + DX_t) / n; a bar whose DX is undefined (TR or DI sum ~0)
///     leaves ADX unchanged (TA-Lib).
///   - ADXR_t = (ADX_t + ADX_{t-(n-1)}) / 2 (TA-Lib ADXR).
/// Lookbacks (TA-Lib): +DI, -DI, DX: n; ADX: 2n-1; ADXR: 3n-2 (n = 1: 1, 1, 1).
/// NaN rule: a bar with a NaN high, low or close is a missing bar: skipped (state unchanged,
/// value() repeats the previous output); the next bar differences against the last complete bar.
/// Complexity: O(1) per bar (ADXR: O(n) memory for the ADX lag).
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

/// Parameters of the directional movement indicators.
struct directional_params {
  std::size_t period = 14;  ///< n >= 1 (config_error "period")
};

namespace detail {

/// The shared state: Wilder sums of +DM, -DM and TR, the DIs and DX of the latest bar.
class directional_core {
 public:
  explicit directional_core(std::size_t period)
      : n_(checked_period("period", period)), nd_(static_cast<double>(n_)) {}

  /// Pushes a complete bar; returns true when the DIs are defined (bar index >= n).
  bool update(const bar& b) noexcept {
    if (!started_) {
      started_ = true;
      ph_ = b.high;
      pl_ = b.low;
      pc_ = b.close;
      return false;
    }
    const double diff_p = b.high - ph_;
    const double diff_m = pl_ - b.low;
    const double pdm = (diff_p > 0 && diff_p > diff_m) ? diff_p : 0.0;
    const double mdm = (diff_m > 0 && diff_p < diff_m) ? diff_m : 0.0;
    const double tr = true_range_of(b.high, b.low, pc_);
    ph_ = b.high;
    pl_ = b.low;
    pc_ = b.close;
    ++count_;
    if (count_ < n_) {
      sp_ += pdm;
      sm_ += mdm;
      str_ += tr;
      return false;
    }
    sp_ = sp_ - (sp_ / nd_) + pdm;
    sm_ = sm_ - (sm_ / nd_) + mdm;
    str_ = str_ - (str_ / nd_) + tr;
    dx_defined_ = false;
    if (!talib_is_zero(str_)) {
      mdi_ = 100.0 * (sm_ / str_);
      pdi_ = 100.0 * (sp_ / str_);
      const double s = mdi_ + pdi_;
      if (!talib_is_zero(s)) {
        dx_ = 100.0 * (std::fabs(mdi_ - pdi_) / s);
        dx_defined_ = true;
      } else {
        dx_ = 0.0;
      }
    } else {
      mdi_ = pdi_ = dx_ = 0.0;
    }
    return true;
  }

  [[nodiscard]] bool defined() const noexcept { return count_ >= n_; }
  [[nodiscard]] double plus_di() const noexcept { return defined() ? pdi_ : nan; }
  [[nodiscard]] double minus_di() const noexcept { return defined() ? mdi_ : nan; }
  [[nodiscard]] double dx() const noexcept { return defined() ? dx_ : nan; }
  /// True if the latest DX is defined (not the TA_IS_ZERO fallback).
  [[nodiscard]] bool dx_defined() const noexcept { return dx_defined_; }
  [[nodiscard]] std::size_t period() const noexcept { return n_; }
  void reset() noexcept {
    started_ = false;
    count_ = 0;
    sp_ = sm_ = str_ = 0.0;
    pdi_ = mdi_ = dx_ = nan;
    dx_defined_ = false;
  }

 private:
  std::size_t n_;
  double nd_;
  bool started_ = false;
  std::size_t count_ = 0;  // bars with a previous bar
  double ph_ = nan, pl_ = nan, pc_ = nan;
  double sp_ = 0.0, sm_ = 0.0, str_ = 0.0;
  double pdi_ = nan, mdi_ = nan, dx_ = nan;
  bool dx_defined_ = false;
};

/// One DI-family output (+DI, -DI or DX) as an indicator.
template <class Tag>
class directional_output {
 public:
  using params = directional_params;
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{Tag::name};

  explicit directional_output(const params& p) : core_(p.period) {}
  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (bar_complete<inputs>(b)) core_.update(b);
  }
  [[nodiscard]] double value() const noexcept { return Tag::get(core_); }
  [[nodiscard]] bool ready() const noexcept { return core_.defined(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return core_.period(); }
  void reset() noexcept { core_.reset(); }

 private:
  directional_core core_;
};

struct plus_di_tag {
  static constexpr std::string_view name = "plus_di";
  static double get(const directional_core& c) noexcept { return c.plus_di(); }
};
struct minus_di_tag {
  static constexpr std::string_view name = "minus_di";
  static double get(const directional_core& c) noexcept { return c.minus_di(); }
};
struct dx_tag {
  static constexpr std::string_view name = "dx";
  static double get(const directional_core& c) noexcept { return c.dx(); }
};

}  // namespace detail

/// Plus directional indicator +DI(n) (TA-Lib PLUS_DI, TTR `ADX` column DIp), in [0, 100].
/// Formula, NaN rule: see the file comment. Warm-up: lookback() = n. O(1) per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `plus_di14`, TTR `adx_dip`; laws)
using plus_di = detail::directional_output<detail::plus_di_tag>;

/// Minus directional indicator -DI(n) (TA-Lib MINUS_DI, TTR DIn), in [0, 100].
/// Warm-up: lookback() = n. O(1) per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `minus_di14`, TTR `adx_din`; laws)
using minus_di = detail::directional_output<detail::minus_di_tag>;

/// Directional movement index DX(n) (TA-Lib DX, TTR DX), in [0, 100]. Warm-up: lookback() = n.
/// O(1) per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `dx14`, TTR `adx_dx`; laws)
using dx = detail::directional_output<detail::dx_tag>;

/// Average directional index ADX(n) (TA-Lib ADX, TTR ADX): Wilder average of DX seeded with the
/// mean of the first n DX values. Warm-up: lookback() = 2n - 1. O(1) per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `adx14`, TTR `adx14`; laws)
class adx {
 public:
  using params = directional_params;
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"adx"};

  explicit adx(const params& p) : core_(p.period), nd_(static_cast<double>(core_.period())) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b) || !core_.update(b)) return;
    const std::size_t n = core_.period();
    if (seen_ < n) {
      if (core_.dx_defined()) sum_dx_ += core_.dx();
      if (++seen_ == n) adx_ = sum_dx_ / nd_;
    } else if (core_.dx_defined()) {
      adx_ = ((adx_ * (nd_ - 1.0)) + core_.dx()) / nd_;
    }
  }
  [[nodiscard]] double value() const noexcept { return adx_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(adx_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 2 * core_.period() - 1; }
  void reset() noexcept {
    core_.reset();
    seen_ = 0;
    sum_dx_ = 0.0;
    adx_ = nan;
  }

 private:
  detail::directional_core core_;
  double nd_;
  std::size_t seen_ = 0;  // DX bars seen
  double sum_dx_ = 0.0;
  double adx_ = nan;
};

/// Average directional movement rating ADXR(n) (TA-Lib ADXR): (ADX_t + ADX_{t-(n-1)}) / 2.
/// Warm-up: lookback() = 3n - 2. O(1) per bar, O(n) memory. TTR has no ADXR.
/// @test tests/features/bar_naive_test.cpp (from TA-Lib's `adx14` column by its definition;
///       laws)
class adxr {
 public:
  using params = directional_params;
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"adxr"};

  explicit adxr(const params& p) : adx_(p), lag_(p.period) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    adx_.update(b);
    if (!adx_.ready()) return;
    const double a = adx_.value();
    const std::size_t n = lag_.size();
    // lag_ holds the last n ADX values; slot k % n is ADX number k
    if (count_ >= n - 1) {
      const double old = lag_[(count_ + 1) % n];  // ADX number count_ - (n - 1)
      value_ = (a + (n == 1 ? a : old)) / 2.0;
    }
    lag_[count_ % n] = a;
    ++count_;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 3 * lag_.size() - 2; }
  void reset() noexcept {
    adx_.reset();
    count_ = 0;
    value_ = nan;
  }

 private:
  adx adx_;
  std::vector<double> lag_;
  std::size_t count_ = 0;  // ADX values seen
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
