/// @file
/// alpha::features::stddev and alpha::features::var: rolling population standard deviation and
/// variance (TA-Lib STDDEV, VAR).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/variance.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Standard deviation, TA-Lib STDDEV: nbdev * sqrt(population variance of the last n values)
/// (divide by n; = TTR runSD(sample = FALSE)). Computed by rolling::std_dev (ddof 0).
///
/// - Params: period n >= 1 (TA-Lib default 5), nbdev finite (1).
/// - Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_stats_test.cpp (TA-Lib sd20_pop, TTR sd20_pop; laws)
class stddev {
 public:
  struct params {
    std::size_t period = 5;  ///< n >= 1
    double nbdev = 1.0;      ///< finite multiplier
  };
  static constexpr std::array<std::string_view, 1> output_names{"stddev"};

  explicit stddev(const params& p)
      : sd_({.window = ::alpha::detail::ta::check_period(p.period, "period"), .ddof = 0}),
        nbdev_(::alpha::detail::ta::check_finite(p.nbdev, "nbdev")) {}

  void update(double x) noexcept {
    if (!is_nan(x)) sd_.update(x);
  }
  [[nodiscard]] double value() const noexcept { return ready() ? nbdev_ * sd_.value() : nan; }
  [[nodiscard]] bool ready() const noexcept { return sd_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return sd_.lookback(); }
  void reset() noexcept { sd_.reset(); }

 private:
  rolling::std_dev sd_;
  double nbdev_;
};

/// Variance, TA-Lib VAR: population variance of the last n values (divide by n). Computed by
/// rolling::variance (ddof 0).
///
/// - Params: period n >= 1 (TA-Lib default 5). Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) amortised per update, O(n) memory.
/// @test tests/features/series_stats_test.cpp (TA-Lib var20_pop; laws)
class var {
 public:
  struct params {
    std::size_t period = 5;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"var"};

  explicit var(const params& p)
      : v_({.window = ::alpha::detail::ta::check_period(p.period, "period"), .ddof = 0}) {}

  void update(double x) noexcept {
    if (!is_nan(x)) v_.update(x);
  }
  [[nodiscard]] double value() const noexcept { return v_.value(); }
  [[nodiscard]] bool ready() const noexcept { return v_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return v_.lookback(); }
  void reset() noexcept { v_.reset(); }

 private:
  rolling::variance v_;
};

}  // namespace features
ALPHA_END_NAMESPACE
