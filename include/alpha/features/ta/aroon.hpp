/// @file
/// Aroon up/down and the Aroon oscillator (alpha::features).
///
/// Convention: TA-Lib AROON / AROONOSC (default period n = 14). The window is the last n + 1
/// bars (t-n..t); with s_H / s_L the number of bars since the highest high / lowest low in it
/// (ties: the most recent bar, as TA-Lib's `>=` / `<=`):
///   aroon_up = (100/n) (n - s_H), aroon_down = (100/n) (n - s_L), both in [0, 100];
///   oscillator = (100/n) (s_L - s_H) = up - down, in [-100, 100] (TA-Lib's arithmetic).
/// Warm-up: lookback() = n (TA-Lib). NaN rule: a bar with a NaN high or low is a missing bar:
/// skipped (state unchanged, value() repeats); windows count complete bars.
/// Complexity: O(1) amortised per bar (rolling::argmax/argmin monotonic deques), O(n) memory.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/minmax.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Parameters of aroon and aroon_oscillator.
struct aroon_params {
  std::size_t period = 14;  ///< n >= 1 (config_error "period")
};

namespace detail {
/// Bars since the highest high and the lowest low of the last n + 1 complete bars.
class aroon_core {
 public:
  explicit aroon_core(std::size_t n)
      : n_(checked_period("period", n)),
        factor_(100.0 / static_cast<double>(n_)),
        hi_({.window = n_ + 1}),
        lo_({.window = n_ + 1}) {}
  void update(const bar& b) noexcept {
    hi_.update(b.high);
    lo_.update(b.low);
  }
  [[nodiscard]] bool ready() const noexcept { return hi_.ready(); }
  [[nodiscard]] double since_high() const noexcept { return hi_.value(); }
  [[nodiscard]] double since_low() const noexcept { return lo_.value(); }
  [[nodiscard]] double factor() const noexcept { return factor_; }
  [[nodiscard]] double n() const noexcept { return static_cast<double>(n_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept {
    hi_.reset();
    lo_.reset();
  }

 private:
  std::size_t n_;
  double factor_;
  ::alpha::rolling::argmax hi_;
  ::alpha::rolling::argmin lo_;
};
}  // namespace detail

/// Aroon (TA-Lib AROON): outputs {aroon_down, aroon_up} (TA-Lib's order). See the file comment.
/// @test tests/features/bar_naive_test.cpp (naive scan of the n + 1 bars; laws)
class aroon {
 public:
  using params = aroon_params;
  static constexpr input_fields inputs = input_fields::high | input_fields::low;
  static constexpr std::array<std::string_view, 2> output_names{"aroon_down", "aroon_up"};

  explicit aroon(const params& p) : core_(p.period) {}
  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (detail::bar_complete<inputs>(b)) core_.update(b);
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept {
    if (!ready()) return {nan, nan};
    const double f = core_.factor(), n = core_.n();
    return {f * (n - core_.since_low()), f * (n - core_.since_high())};
  }
  [[nodiscard]] bool ready() const noexcept { return core_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return core_.lookback(); }
  void reset() noexcept { core_.reset(); }

 private:
  detail::aroon_core core_;
};

/// Aroon oscillator (TA-Lib AROONOSC): aroon_up - aroon_down. See the file comment.
/// @test tests/features/bar_naive_test.cpp (naive scan; laws)
class aroon_oscillator {
 public:
  using params = aroon_params;
  static constexpr input_fields inputs = input_fields::high | input_fields::low;
  static constexpr std::array<std::string_view, 1> output_names{"aroonosc"};

  explicit aroon_oscillator(const params& p) : core_(p.period) {}
  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (detail::bar_complete<inputs>(b)) core_.update(b);
  }
  [[nodiscard]] double value() const noexcept {
    return ready() ? core_.factor() * (core_.since_low() - core_.since_high()) : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return core_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return core_.lookback(); }
  void reset() noexcept { core_.reset(); }

 private:
  detail::aroon_core core_;
};

}  // namespace features
ALPHA_END_NAMESPACE
