/// @file
/// alpha::features::stoch_rsi: stochastic RSI (TA-Lib STOCHRSI).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/minmax.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Stochastic RSI, TA-Lib STOCHRSI (fast stochastic of the RSI, SMA %D): r = rsi_n(x);
/// fastk = 100 (r - min_k r) / (max_k r - min_k r) over the last k RSI values (0 when
/// max = min, TA-Lib), fastd = SMA_d(fastk). Both outputs start on the same bar (TA-Lib emits
/// fastk only once fastd exists).
///
/// - Params: period n >= 2 (14), fastk_period k >= 1 (5), fastd_period d >= 1 (3).
/// - Lookback: n + (k - 1) + (d - 1).
/// - NaN rule: a NaN input is skipped (state unchanged, outputs repeat the previous ones).
/// - Complexity: O(1) amortised per update, O(k + d) memory.
/// @test tests/features/series_osc_test.cpp (naive windows over features::rsi; laws)
class stoch_rsi {
 public:
  struct params {
    std::size_t period = 14;       ///< RSI period n >= 2
    std::size_t fastk_period = 5;  ///< k >= 1
    std::size_t fastd_period = 3;  ///< d >= 1
  };
  static constexpr std::array<std::string_view, 2> output_names{"fastk", "fastd"};

  explicit stoch_rsi(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period", 2)),
        k_(::alpha::detail::ta::check_period(p.fastk_period, "fastk_period")),
        d_(::alpha::detail::ta::check_period(p.fastd_period, "fastd_period")),
        g_(n_),
        lo_({.window = k_}),
        hi_({.window = k_}),
        fastd_({.window = d_}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    g_.push(x);
    if (!g_.ready()) return;
    const double s = g_.up() + g_.down();
    const double r = s != 0.0 ? 100.0 * (g_.up() / s) : 0.0;
    lo_.update(r);
    hi_.update(r);
    if (!hi_.ready()) return;
    const double lo = lo_.value();
    const double diff = (hi_.value() - lo) / 100.0;
    fastk_ = diff != 0.0 ? (r - lo) / diff : 0.0;
    fastd_.update(fastk_);
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept {
    if (!ready()) return {nan, nan};
    return {fastk_, fastd_.value()};
  }
  [[nodiscard]] bool ready() const noexcept { return fastd_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_ + (k_ - 1) + (d_ - 1); }
  void reset() noexcept {
    g_.clear();
    lo_.reset();
    hi_.reset();
    fastd_.reset();
    fastk_ = nan;
  }

 private:
  std::size_t n_, k_, d_;
  ::alpha::detail::ta::wilder_gains g_;
  rolling::min lo_;
  rolling::max hi_;
  rolling::mean fastd_;
  double fastk_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
