/// @file
/// alpha::features::vol_ratio: short-window over long-window close-to-close volatility.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/features/ta/historical_volatility.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Volatility ratio (source design S1, "vol ratio 5/20"): vr_t = sd_s / sd_l, the sample standard
/// deviations of the last s and last l one-bar log returns (features::historical_volatility with
/// periods s and l; the annualisation cancels). Above 1: volatility is rising.
///
/// - Params: short_window s >= 2 (5), long_window l > s (20). Lookback: l.
/// - NaN when sd_l = 0 (constant prices over the long window).
/// - NaN rule: a NaN input is skipped (as historical_volatility; output repeats).
/// - Complexity: O(1) amortised per update, O(l) memory.
/// @test tests/features_ts/returns_vol_test.cpp (two-pass long-double loop, laws)
class vol_ratio {
 public:
  struct params {
    std::size_t short_window = 5;  ///< s >= 2 returns
    std::size_t long_window = 20;  ///< l > s returns
  };
  static constexpr std::array<std::string_view, 1> output_names{"vol_ratio"};

  explicit vol_ratio(const params& p)
      : short_({.period = detail::ts::check_window(p.short_window, "short_window", 2)}),
        long_({.period = checked_long(p.long_window, p.short_window)}),
        l_(p.long_window) {}

  /// Pushes the next price. O(1) amortised.
  void update(double x) noexcept {
    short_.update(x);
    long_.update(x);
  }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const double den = long_.value();
    return den > 0.0 ? short_.value() / den : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return long_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return l_; }
  void reset() noexcept {
    short_.reset();
    long_.reset();
  }

 private:
  static std::size_t checked_long(std::size_t l, std::size_t s) {
    detail::ts::check_window(l, "long_window", 3);
    if (l <= s)
      throw config_error("long_window", "must be > short_window (got " + std::to_string(l) +
                                            " <= " + std::to_string(s) + ")");
    return l;
  }
  historical_volatility short_, long_;
  std::size_t l_;
};

}  // namespace features
ALPHA_END_NAMESPACE
