/// @file
/// alpha::features::roc, rocp, rocr, mom: rate of change and momentum (TA-Lib ROC, ROCP, ROCR,
/// MOM).
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

/// Which change a change_indicator reports.
enum class change_kind { roc, rocp, rocr, mom };

namespace detail {
template <change_kind C>
constexpr std::string_view change_name() {
  switch (C) {
    case change_kind::roc:
      return "roc";
    case change_kind::rocp:
      return "rocp";
    case change_kind::rocr:
      return "rocr";
    case change_kind::mom:
      return "mom";
  }
  return "";
}
}  // namespace detail

/// Change of x over n bars, TA-Lib's functions (p = x_{t-n}):
///   roc  = 100 (x_t / p - 1)   (TA-Lib ROC; TTR ROC(type="discrete") without the 100)
///   rocp = (x_t - p) / p       (TA-Lib ROCP)
///   rocr = x_t / p             (TA-Lib ROCR)
///   mom  = x_t - p             (TA-Lib MOM, TTR momentum)
/// roc, rocp and rocr are 0 when p = 0 (TA-Lib).
///
/// - Params: period n >= 1 (TA-Lib default 10). Lookback: n.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one); the lag
///   counts valid values.
/// - Complexity: O(1) per update, O(n) memory.
/// @test tests/features/series_osc_test.cpp (TA-Lib roc10_pct, mom10; TTR roc10_discrete,
///       mom10 on ttrc/sp500/msft; laws)
template <change_kind C>
class change_indicator {
 public:
  struct params {
    std::size_t period = 10;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{detail::change_name<C>()};

  explicit change_indicator(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")), lag_(n_) {}

  void update(double x) noexcept {
    if (!is_nan(x)) lag_.push(x);
  }
  [[nodiscard]] double value() const noexcept {
    if (!lag_.full()) return nan;
    const double x = lag_.newest(), p = lag_.oldest();
    if constexpr (C == change_kind::mom) {
      return x - p;
    } else {
      if (p == 0.0) return 0.0;
      if constexpr (C == change_kind::roc) return ((x / p) - 1.0) * 100.0;
      if constexpr (C == change_kind::rocp) return (x - p) / p;
      return x / p;
    }
  }
  [[nodiscard]] bool ready() const noexcept { return lag_.full(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept { lag_.clear(); }

 private:
  std::size_t n_;
  ::alpha::detail::ta::lag_window lag_;
};

/// TA-Lib ROC: 100 (x_t / x_{t-n} - 1). See change_indicator.
using roc = change_indicator<change_kind::roc>;
/// TA-Lib ROCP: (x_t - x_{t-n}) / x_{t-n}. See change_indicator.
using rocp = change_indicator<change_kind::rocp>;
/// TA-Lib ROCR: x_t / x_{t-n}. See change_indicator.
using rocr = change_indicator<change_kind::rocr>;
/// TA-Lib MOM: x_t - x_{t-n}. See change_indicator.
using mom = change_indicator<change_kind::mom>;

}  // namespace features
ALPHA_END_NAMESPACE
