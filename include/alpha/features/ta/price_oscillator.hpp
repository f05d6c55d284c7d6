/// @file
/// alpha::features::apo and alpha::features::ppo: absolute and percentage price oscillators (TA-Lib
/// APO, PPO).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/ewm.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Moving-average type of the price oscillators.
enum class price_ma {
  sma,  ///< simple moving average (TA-Lib's default MA type for APO and PPO)
  ema,  ///< TA-Lib-seeded EMA, each seeded on its own first `period` values
};

namespace detail {
/// Fast and slow averages of apo/ppo.
template <bool Percent>
class price_oscillator {
 public:
  struct params {
    std::size_t fast_period = 12;  ///< >= 1, < slow_period
    std::size_t slow_period = 26;  ///< > fast_period
    price_ma ma = price_ma::sma;   ///< TA-Lib default: SMA
  };
  static constexpr std::array<std::string_view, 1> output_names{Percent ? "ppo" : "apo"};

  explicit price_oscillator(const params& p)
      : p_(checked(p)),
        fs_({.window = p_.fast_period}),
        ss_({.window = p_.slow_period}),
        fe_({.period = p_.fast_period}),
        se_({.period = p_.slow_period}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    if (p_.ma == price_ma::sma) {
      fs_.update(x);
      ss_.update(x);
    } else {
      fe_.update(x);
      se_.update(x);
    }
  }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const bool s = p_.ma == price_ma::sma;
    const double fast = s ? fs_.value() : fe_.value();
    const double slow = s ? ss_.value() : se_.value();
    if constexpr (Percent)
      return slow != 0.0 ? ((fast - slow) / slow) * 100.0 : 0.0;
    else
      return fast - slow;
  }
  [[nodiscard]] bool ready() const noexcept {
    return p_.ma == price_ma::sma ? ss_.ready() : se_.ready();
  }
  [[nodiscard]] std::size_t lookback() const noexcept { return p_.slow_period - 1; }
  void reset() noexcept {
    fs_.reset();
    ss_.reset();
    fe_.reset();
    se_.reset();
  }

 private:
  static params checked(const params& p) {
    ::alpha::detail::ta::check_period(p.fast_period, "fast_period");
    ::alpha::detail::ta::check_period(p.slow_period, "slow_period", 2);
    if (p.fast_period >= p.slow_period) throw config_error("fast_period", "must be < slow_period");
    if (p.ma != price_ma::sma && p.ma != price_ma::ema)
      throw config_error("ma", "must be price_ma::sma or price_ma::ema");
    return p;
  }
  params p_;
  rolling::mean fs_, ss_;
  rolling::ema fe_, se_;
};
}  // namespace detail

/// Absolute price oscillator, TA-Lib APO: apo = MA_fast(x) - MA_slow(x), MA = SMA by default
/// (TA-Lib's default MA type) or TA-Lib-seeded EMA.
///
/// - Params: fast_period >= 1 (12) < slow_period (26), ma (sma).
/// - Lookback: slow - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(slow) memory.
/// @test tests/features/series_osc_test.cpp (naive SMA/EMA differences; laws)
using apo = detail::price_oscillator<false>;

/// Percentage price oscillator, TA-Lib PPO: ppo = 100 (MA_fast - MA_slow) / MA_slow (0 when
/// MA_slow = 0, TA-Lib); MA as for apo. Params, lookback, NaN rule and complexity as apo.
/// @test tests/features/series_osc_test.cpp (naive SMA/EMA ratios; laws)
using ppo = detail::price_oscillator<true>;

}  // namespace features
ALPHA_END_NAMESPACE
