/// @file
/// alpha::features::benchmark_beta and alpha::features::benchmark_correlation: rolling beta and
/// correlation of an asset's returns against a benchmark's.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/cross_asset/concept.hpp"
#include "alpha/features/returns/return_kind.hpp"
#include "alpha/rolling/covariance.hpp"

#include <array>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Rolling beta of the asset on the benchmark: beta_t = cov(ra, rb) / var(rb) over the last w
/// one-bar return pairs (OLS slope with intercept; rolling::beta), returns simple (default) or
/// log. update(asset_price, benchmark_price).
///
/// - Params: window w >= 2 (60), kind (simple). Lookback: w (the first return is at bar 1).
/// - NaN when the benchmark returns are constant over the window.
/// - NaN rule: pairwise (see cross_asset/concept.hpp). Complexity: O(1) amortised, O(w) memory.
/// @test tests/features_ts/cross_book_test.cpp (two-pass loop, laws through a pair adapter)
class benchmark_beta {
 public:
  struct params {
    std::size_t window = 60;                 ///< w >= 2 return pairs
    return_kind kind = return_kind::simple;  ///< simple or log returns
  };
  static constexpr std::array<std::string_view, 1> output_names{"beta"};

  explicit benchmark_beta(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        ret_(detail::ts::check_kind(p.kind)),
        beta_({.window = w_}) {}

  /// Pushes the next aligned pair of prices. O(1) amortised.
  void update(double asset, double benchmark) noexcept {
    double ra, rb;
    if (ret_.push(asset, benchmark, ra, rb)) beta_.update(rb, ra);
  }
  [[nodiscard]] double value() const noexcept { return beta_.value(); }
  [[nodiscard]] bool ready() const noexcept { return beta_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    beta_.reset();
    ret_.clear();
  }

 private:
  std::size_t w_;
  detail::ts::pair_returns ret_;
  rolling::beta beta_;
};

/// Rolling Pearson correlation of the asset's and the benchmark's one-bar returns over the last
/// w pairs (rolling::correlation), simple (default) or log returns.
///
/// - Params: window w >= 2 (60), kind (simple). Lookback: w.
/// - NaN when either return series is constant over the window.
/// - NaN rule: pairwise (see cross_asset/concept.hpp). Complexity: O(1) amortised, O(w) memory.
/// @test tests/features_ts/cross_book_test.cpp (two-pass loop, laws through a pair adapter)
class benchmark_correlation {
 public:
  struct params {
    std::size_t window = 60;                 ///< w >= 2 return pairs
    return_kind kind = return_kind::simple;  ///< simple or log returns
  };
  static constexpr std::array<std::string_view, 1> output_names{"benchmark_corr"};

  explicit benchmark_correlation(const params& p)
      : w_(detail::ts::check_window(p.window, "window", 2)),
        ret_(detail::ts::check_kind(p.kind)),
        corr_({.window = w_}) {}

  /// Pushes the next aligned pair of prices. O(1) amortised.
  void update(double asset, double benchmark) noexcept {
    double ra, rb;
    if (ret_.push(asset, benchmark, ra, rb)) corr_.update(ra, rb);
  }
  [[nodiscard]] double value() const noexcept { return corr_.value(); }
  [[nodiscard]] bool ready() const noexcept { return corr_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return w_; }
  void reset() noexcept {
    corr_.reset();
    ret_.clear();
  }

 private:
  std::size_t w_;
  detail::ts::pair_returns ret_;
  rolling::correlation corr_;
};

}  // namespace features
ALPHA_END_NAMESPACE
