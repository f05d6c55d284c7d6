/// @file
/// alpha::features::benchmark_relative_strength: an asset's return over h bars relative to its
/// benchmark's.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/features/cross_asset/concept.hpp"
#include "alpha/features/returns/return_kind.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Relative strength vs a benchmark over h bars:
///   simple: rs_t = (A_t / A_{t-h}) / (B_t / B_{t-h}) - 1 = (1 + ra) / (1 + rb) - 1, the return
///           of holding the asset financed by shorting the benchmark's value (outperformance in
///           price-relative terms);
///   log:    rs_t = ln(A_t / A_{t-h}) - ln(B_t / B_{t-h}) (additive over time).
/// update(asset_price, benchmark_price). Defaults h = 20, simple.
///
/// - Params: horizon h >= 1 (20), kind (simple). Lookback: h.
/// - NaN rule: pairwise (a pair with a NaN side is skipped; h counts complete pairs).
/// - Complexity: O(1) per update, O(h) memory.
/// @test tests/features_ts/cross_book_test.cpp (hand-worked series, laws through a pair adapter)
class benchmark_relative_strength {
 public:
  struct params {
    std::size_t horizon = 20;                ///< h >= 1 bars
    return_kind kind = return_kind::simple;  ///< simple or log
  };
  static constexpr std::array<std::string_view, 1> output_names{"rel_strength_vs_bench"};

  explicit benchmark_relative_strength(const params& p)
      : h_(detail::ts::check_window(p.horizon, "horizon")),
        kind_(detail::ts::check_kind(p.kind)),
        a_(h_ + 1),
        b_(h_ + 1) {}

  /// Pushes the next aligned pair of prices. O(1).
  void update(double asset, double benchmark) noexcept {
    if (is_nan(asset) || is_nan(benchmark)) return;
    a_.push(asset);
    b_.push(benchmark);
  }
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    const double ra = a_.lag(0) / a_.lag(h_), rb = b_.lag(0) / b_.lag(h_);
    return kind_ == return_kind::log ? std::log(ra) - std::log(rb) : ra / rb - 1.0;
  }
  [[nodiscard]] bool ready() const noexcept { return a_.full(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return h_; }
  void reset() noexcept {
    a_.clear();
    b_.clear();
  }

 private:
  std::size_t h_;
  return_kind kind_;
  detail::ts::lag_buffer a_, b_;
};

}  // namespace features
ALPHA_END_NAMESPACE
