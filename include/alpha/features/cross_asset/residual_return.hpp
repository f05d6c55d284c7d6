/// @file
/// alpha::features::residual_return: an asset's return net of its benchmark exposure, with the
/// beta estimated strictly before the bar.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/cross_asset/concept.hpp"
#include "alpha/features/returns/return_kind.hpp"
#include "alpha/rolling/covariance.hpp"
#include "alpha/rolling/sum.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Residual (idiosyncratic) return: e_t = ra_t - beta_{t-1} rb_t, where ra, rb are the one-bar
/// returns (simple by default, or log) of the asset and the benchmark, and beta_{t-1} is the
/// OLS slope (with intercept) of ra on rb over the w return pairs ending at bar t-1. The beta is
/// estimated on data up to t-1 and applied at t, so e_t is a genuine out-of-sample residual (an
/// in-sample beta would use r_t itself). The regression intercept is not subtracted: it is
/// part of the idiosyncratic return (set with_intercept to remove alpha_{t-1} as well).
///
/// - Params: window w >= 2 (60), kind (simple), with_intercept (false).
/// - Lookback: w + 1 (returns start at bar 1; the first beta uses bars 1..w, applied at w + 1).
/// - NaN when the benchmark returns are constant over the estimation window.
/// - NaN rule: pairwise (see cross_asset/concept.hpp). Complexity: O(1) amortised, O(w) memory.
/// @test tests/features_ts/cross_book_test.cpp (two-pass OLS loop, laws through a pair adapter)
class residual_return {
 public:
  struct params {
    std::size_t window = 60;                 ///< w >= 2 return pairs in the beta
    return_kind kind = return_kind::simple;  ///< simple or log returns
    bool with_intercept = false;             ///< also subtract the regression intercept
  };
  static constexpr std::array<std::string_view, 1> output_names{"residual_return"};

  explicit residual_return(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        intercept_(p.with_intercept),
        ret_(detail::ts::check_kind(p.kind)),
        beta_({.window = w_}),
        mean_a_({.window = w_}),
        mean_b_({.window = w_}) {}

  /// Pushes the next aligned pair of prices. O(1) amortised.
  void update(double asset, double benchmark) noexcept {
    double ra, rb;
    if (!ret_.push(asset, benchmark, ra, rb)) return;
    if (beta_.ready()) {
      const double b = beta_.value();
      value_ = ra - b * rb;
      if (intercept_) value_ -= mean_a_.value() - b * mean_b_.value();
      has_output_ = true;
    }
    beta_.update(rb, ra);
    mean_a_.update(ra);
    mean_b_.update(rb);
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return has_output_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_ + 1; }
  void reset() noexcept {
    beta_.reset();
    mean_a_.reset();
    mean_b_.reset();
    ret_.clear();
    value_ = nan;
    has_output_ = false;
  }

 private:
  std::size_t w_;
  bool intercept_;
  detail::ts::pair_returns ret_;
  rolling::beta beta_;
  rolling::mean mean_a_, mean_b_;
  double value_ = nan;
  bool has_output_ = false;
};

}  // namespace features
ALPHA_END_NAMESPACE
