/// @file
/// Stochastic oscillator, fast (%K, %D) and slow (slow %K, slow %D) (alpha::features).
///
/// Convention: TA-Lib STOCHF / STOCH with simple moving averages (TA-Lib's default MA type; the
/// other TA-Lib MA types are not offered), in percent:
///   fast %K_t = 100 (C_t - LL_n) / (HH_n - LL_n), HH_n / LL_n the highest high / lowest low of
///   the last n bars including t; 0 when HH_n == LL_n (TA-Lib's rule).
///   fast %D = SMA_d(fast %K); slow %K = SMA_sk(fast %K) (= fast %D when sk = d);
///   slow %D = SMA_sd(slow %K).
/// TTR `stoch` returns fractions in [0, 1] (TTR fastK/fastD/slowD = TA-Lib / 100; TTR fastD =
/// TA-Lib slow %K) and emits fast %K from bar n-1; we follow TA-Lib, which emits every output
/// from the bar where the last one exists.
/// NaN rule: a bar with a NaN high, low or close is a missing bar: skipped (state unchanged,
/// value() repeats the previous output); windows count complete bars.
/// Complexity: O(1) amortised per bar (monotonic deques, rolling means), O(n) memory.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/minmax.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

namespace detail {
/// Raw %K over n complete bars (TA-Lib's arithmetic: (C - LL) / ((HH - LL) / 100)).
class stoch_k {
 public:
  explicit stoch_k(std::size_t n) : hh_({.window = n}), ll_({.window = n}) {}
  /// Pushes a complete bar; returns true when %K is defined.
  bool update(const bar& b) noexcept {
    hh_.update(b.high);
    ll_.update(b.low);
    if (!hh_.ready()) return false;
    const double lo = ll_.value();
    const double diff = (hh_.value() - lo) / 100.0;
    k_ = diff != 0.0 ? (b.close - lo) / diff : 0.0;
    return true;
  }
  [[nodiscard]] double value() const noexcept { return k_; }
  void reset() noexcept {
    hh_.reset();
    ll_.reset();
    k_ = nan;
  }

 private:
  ::alpha::rolling::max hh_;
  ::alpha::rolling::min ll_;
  double k_ = nan;
};
}  // namespace detail

/// Fast stochastic (TA-Lib STOCHF): outputs {fastk, fastd}. Defaults (TA-Lib): fastk_period 5,
/// fastd_period 3. Formula, NaN rule: file comment. Warm-up: lookback() = (fastk_period - 1) +
/// (fastd_period - 1) (TA-Lib STOCHF_Lookback). O(1) amortised per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `stochf_fastk/fastd`, TTR
///       `stoch_fastk/fastd` x 100, (14, 3); laws)
class stochastic_fast {
 public:
  struct params {
    std::size_t fastk_period = 5;  ///< n >= 1 (config_error "fastk_period")
    std::size_t fastd_period = 3;  ///< >= 1 (config_error "fastd_period")
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 2> output_names{"fastk", "fastd"};

  explicit stochastic_fast(const params& p)
      : k_(detail::checked_period("fastk_period", p.fastk_period)),
        d_({.window = detail::checked_period("fastd_period", p.fastd_period)}),
        lookback_(p.fastk_period - 1 + p.fastd_period - 1) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b) || !k_.update(b)) return;
    d_.update(k_.value());
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept {
    if (!ready()) return {nan, nan};
    return {k_.value(), d_.value()};
  }
  [[nodiscard]] bool ready() const noexcept { return d_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return lookback_; }
  void reset() noexcept {
    k_.reset();
    d_.reset();
  }

 private:
  detail::stoch_k k_;
  ::alpha::rolling::mean d_;
  std::size_t lookback_;
};

/// Slow stochastic (TA-Lib STOCH): outputs {slowk, slowd}. Defaults (TA-Lib): fastk_period 5,
/// slowk_period 3, slowd_period 3. Warm-up: lookback() = (fastk_period - 1) + (slowk_period - 1)
/// + (slowd_period - 1) (TA-Lib STOCH_Lookback). O(1) amortised per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `stoch_slowk/slowd`, TTR
///       `stoch_fastd/slowd` x 100, (14, 3, 3); laws)
class stochastic_slow {
 public:
  struct params {
    std::size_t fastk_period = 5;  ///< >= 1 (config_error "fastk_period")
    std::size_t slowk_period = 3;  ///< >= 1 (config_error "slowk_period")
    std::size_t slowd_period = 3;  ///< >= 1 (config_error "slowd_period")
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 2> output_names{"slowk", "slowd"};

  explicit stochastic_slow(const params& p)
      : k_(detail::checked_period("fastk_period", p.fastk_period)),
        sk_({.window = detail::checked_period("slowk_period", p.slowk_period)}),
        sd_({.window = detail::checked_period("slowd_period", p.slowd_period)}),
        lookback_(p.fastk_period - 1 + p.slowk_period - 1 + p.slowd_period - 1) {}

  /// Pushes the next bar. O(1) amortised.
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b) || !k_.update(b)) return;
    sk_.update(k_.value());
    if (sk_.ready()) sd_.update(sk_.value());
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept {
    if (!ready()) return {nan, nan};
    return {sk_.value(), sd_.value()};
  }
  [[nodiscard]] bool ready() const noexcept { return sd_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return lookback_; }
  void reset() noexcept {
    k_.reset();
    sk_.reset();
    sd_.reset();
  }

 private:
  detail::stoch_k k_;
  ::alpha::rolling::mean sk_;
  ::alpha::rolling::mean sd_;
  std::size_t lookback_;
};

}  // namespace features
ALPHA_END_NAMESPACE
