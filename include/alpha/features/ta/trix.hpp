/// @file
/// alpha::features::trix: rate of change of a triple EMA (TA-Lib TRIX).
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

/// TRIX, TA-Lib: e3 = EMA_n(EMA_n(EMA_n(x))) (each TA-Lib-seeded), trix = 100 (e3_t / e3_{t-1}
/// - 1), 0 when e3_{t-1} = 0.
///
/// - Params: period n >= 1 (TA-Lib default 30). Lookback: 3 (n - 1) + 1.
/// - NaN rule: a NaN input is skipped (state unchanged, output repeats the previous one).
/// - Complexity: O(1) per update and memory.
/// @test tests/features/series_osc_test.cpp (naive chained EMAs; laws)
class trix {
 public:
  struct params {
    std::size_t period = 30;  ///< n >= 1
  };
  static constexpr std::array<std::string_view, 1> output_names{"trix"};

  explicit trix(const params& p)
      : n_(::alpha::detail::ta::check_period(p.period, "period")), c_(n_) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    c_.push(x);
    if (!c_.ready()) return;
    const double e = c_[2];
    if (has_prev_) out_ = prev_ != 0.0 ? ((e / prev_) - 1.0) * 100.0 : 0.0;
    prev_ = e;
    has_prev_ = true;
  }
  [[nodiscard]] double value() const noexcept { return out_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(out_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 3 * (n_ - 1) + 1; }
  void reset() noexcept {
    c_.clear();
    has_prev_ = false;
    prev_ = 0.0;
    out_ = nan;
  }

 private:
  std::size_t n_;
  ::alpha::detail::ta::ema_chain<3> c_;
  bool has_prev_ = false;
  double prev_ = 0.0, out_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
