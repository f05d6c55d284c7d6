/// @file
/// alpha::features::kst: Pring's know sure thing oscillator.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Know sure thing (Martin Pring; not in TA-Lib): kst = sum_{i=1..4} i SMA_{s_i}(roc_{r_i}),
/// roc_r = 100 (x_t / x_{t-r} - 1) (0 when x_{t-r} = 0), weights 1, 2, 3, 4 (Pring's);
/// signal = SMA_g(kst). Both outputs start on the same bar (TA-Lib's multi-output convention).
///
/// - Params: roc {10, 15, 20, 30}, sma {10, 10, 10, 15}, signal 9 (every period >= 1).
/// - Lookback: max_i(r_i + s_i - 1) + g - 1 (52 by default).
/// - NaN rule: a NaN input is skipped (state unchanged, outputs repeat the previous ones).
/// - Complexity: O(1) amortised per update, O(sum of periods) memory.
/// @test tests/features/series_osc_test.cpp (naive loops in long double; laws)
class kst {
 public:
  struct params {
    std::array<std::size_t, 4> roc{10, 15, 20, 30};  ///< ROC periods r_i >= 1
    std::array<std::size_t, 4> sma{10, 10, 10, 15};  ///< their SMA periods s_i >= 1
    std::size_t signal = 9;                          ///< signal SMA period g >= 1
  };
  static constexpr std::array<std::string_view, 2> output_names{"kst", "signal"};

  explicit kst(const params& p)
      : lags_{lag(p, 0), lag(p, 1), lag(p, 2), lag(p, 3)},
        means_{mean(p, 0), mean(p, 1), mean(p, 2), mean(p, 3)},
        signal_({.window = ::alpha::detail::ta::check_period(p.signal, "signal")}) {
    std::size_t m = 0;
    for (std::size_t i = 0; i < 4; ++i) m = std::max(m, p.roc[i] + p.sma[i] - 1);
    lookback_ = m + p.signal - 1;
  }

  void update(double x) noexcept {
    if (is_nan(x)) return;
    bool all = true;
    double k = 0.0;
    for (std::size_t i = 0; i < 4; ++i) {
      lags_[i].push(x);
      if (lags_[i].full()) {
        const double pr = lags_[i].oldest();
        means_[i].update(pr != 0.0 ? ((lags_[i].newest() / pr) - 1.0) * 100.0 : 0.0);
      }
      if (!means_[i].ready()) {
        all = false;
      } else {
        k += static_cast<double>(i + 1) * means_[i].value();
      }
    }
    if (!all) return;
    kst_ = k;
    signal_.update(k);
  }
  [[nodiscard]] std::array<double, 2> value() const noexcept {
    if (!ready()) return {nan, nan};
    return {kst_, signal_.value()};
  }
  [[nodiscard]] bool ready() const noexcept { return signal_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return lookback_; }
  void reset() noexcept {
    for (auto& l : lags_) l.clear();
    for (auto& m : means_) m.reset();
    signal_.reset();
    kst_ = nan;
  }

 private:
  static ::alpha::detail::ta::lag_window lag(const params& p, std::size_t i) {
    return ::alpha::detail::ta::lag_window(::alpha::detail::ta::check_period(p.roc[i], "roc"));
  }
  static rolling::mean mean(const params& p, std::size_t i) {
    return rolling::mean({.window = ::alpha::detail::ta::check_period(p.sma[i], "sma")});
  }
  std::array<::alpha::detail::ta::lag_window, 4> lags_;
  std::array<rolling::mean, 4> means_;
  rolling::mean signal_;
  std::size_t lookback_ = 0;
  double kst_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
