/// @file
/// alpha::rolling::skewness and alpha::rolling::kurtosis: windowed third and fourth standardised
/// moments in pandas' bias-corrected conventions.
///
/// Customization points: none (concrete accumulators modelling alpha::StreamingAccumulator).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/window_params.hpp"

#include <cmath>
#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Rolling skewness, bias-corrected G1 = sqrt(n (n-1)) / (n-2) * m3 / m2^(3/2), with
/// m_k = sum (x - mean)^k / n over the n valid values (pandas `rolling().skew()`, Excel SKEW).
///
/// - NaN rule: NaN inputs occupy a slot and are skipped; NaN unless the window holds
///   >= max(min_periods, 3) valid values (default: window); NaN when all valid values are equal
///   (0/0). pandas additionally returns NaN whenever m2 <= 1e-14 in absolute terms, a
///   scale-dependent cut-off we do not copy.
/// - Warm-up: lookback() = max(min_periods, 3) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update (power sums up to order 3 about a refreshed origin),
///   O(w) memory; batch bit-equal to streaming.
/// @test tests/rolling/moments_test.cpp (long-double two-pass reference with NaNs, laws)
class skewness
    : public ::alpha::detail::window_stat<skewness, ::alpha::detail::power_sums<3>, window_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P&) noexcept {
    return 3;
  }
  static const char* name() noexcept { return "rolling::skewness"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<3>& s, const P&) noexcept {
    const auto c = s.central();
    if (!(c[0] > 0.0)) return nan;
    const double n = static_cast<double>(s.count);
    const double m2 = c[0] / n;
    const double m3 = c[1] / n;
    return std::sqrt(n * (n - 1.0)) / (n - 2.0) * m3 / (m2 * std::sqrt(m2));
  }
  /// @endcond
};

/// Rolling excess kurtosis, bias-corrected G2 = ((n+1) g2 + 6) (n-1) / ((n-2)(n-3)) with
/// g2 = m4 / m2^2 - 3 (pandas `rolling().kurt()`, Excel KURT; a normal sample gives ~0).
///
/// - NaN rule: as skewness, with >= max(min_periods, 4) valid values.
/// - Warm-up: lookback() = max(min_periods, 4) - 1 (w - 1 by default).
/// - Complexity: O(1) amortised per update, O(w) memory; batch bit-equal to streaming.
/// @test tests/rolling/moments_test.cpp (long-double two-pass reference with NaNs, laws)
class kurtosis
    : public ::alpha::detail::window_stat<kurtosis, ::alpha::detail::power_sums<4>, window_params> {
 public:
  using window_stat::window_stat;
  /// @cond
  template <class P>
  static std::size_t statistic_min(const P&) noexcept {
    return 4;
  }
  static const char* name() noexcept { return "rolling::kurtosis"; }
  template <class P>
  static double compute(const ::alpha::detail::power_sums<4>& s, const P&) noexcept {
    const auto c = s.central();
    if (!(c[0] > 0.0)) return nan;
    const double n = static_cast<double>(s.count);
    const double m2 = c[0] / n;
    const double g2 = (c[2] / n) / (m2 * m2) - 3.0;
    return ((n + 1.0) * g2 + 6.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
  }
  /// @endcond
};

}  // namespace rolling
ALPHA_END_NAMESPACE
