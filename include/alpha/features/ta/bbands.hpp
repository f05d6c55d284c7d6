/// @file
/// alpha::features::bbands: Bollinger bands (TA-Lib BBANDS with SMA; population sd).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/sum.hpp"
#include "alpha/rolling/variance.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Bollinger bands, TA-Lib BBANDS (MA type SMA) = TTR BBands: middle = SMA_n(x),
/// sd = POPULATION standard deviation of the same n values (divide by n), upper = middle +
/// nbdev_up sd, lower = middle - nbdev_dn sd; percent_b = (x - lower) / (upper - lower) (TTR
/// pctB; NaN when upper = lower), bandwidth = (upper - lower) / middle (NaN when middle = 0).
/// The sd is rolling::std_dev (compensated, exact 0 on constant windows), more precise than
/// TA-Lib's running sum of squares (CONVENTIONS.md: TA-Lib loses ~1e-9 absolute at levels ~1000).
///
/// - Params: period n >= 1 (TA-Lib default 5), nbdev_up and nbdev_dn finite (2, 2).
/// - Outputs: upper, middle, lower, percent_b, bandwidth. Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, outputs repeat the previous ones).
/// - Complexity: O(1) amortised per update, O(n) memory; batch kernel (one loop) bit-equal to
///   streaming.
/// @test tests/features/series_stats_test.cpp (TA-Lib and TTR bb_* on ttrc/sp500/msft; laws)
class bbands {
 public:
  struct params {
    std::size_t period = 5;  ///< n >= 1
    double nbdev_up = 2.0;   ///< finite
    double nbdev_dn = 2.0;   ///< finite
  };
  static constexpr std::array<std::string_view, 5> output_names{"upper", "middle", "lower",
                                                                "percent_b", "bandwidth"};

  explicit bbands(const params& p)
      : p_(checked(p)), mean_({.window = p_.period}), sd_({.window = p_.period, .ddof = 0}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    mean_.update(x);
    sd_.update(x);
    last_ = x;
  }
  [[nodiscard]] std::array<double, 5> value() const noexcept {
    if (!ready()) return {nan, nan, nan, nan, nan};
    return combine(last_, mean_.value(), sd_.value(), p_.nbdev_up, p_.nbdev_dn);
  }
  [[nodiscard]] bool ready() const noexcept { return mean_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return p_.period - 1; }
  void reset() noexcept {
    mean_.reset();
    sd_.reset();
    last_ = nan;
  }

  /// Batch kernel: one loop over the NaN-free values with the accumulators inline (the
  /// streaming operations), then the combination. Bit-equal to streaming. (rolling::mean and
  /// rolling::std_dev's own batch kernels were measured 1 ulp apart from their streaming form
  /// here, so they are not used.)
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 5>& out) {
    const params q = checked(p);
    ::alpha::detail::ta::skip_nan_batch<5>(in.close, out, [&q](auto xs, const auto& o) {
      rolling::mean mean({.window = q.period});
      rolling::std_dev sd({.window = q.period, .ddof = 0});
      const std::size_t size = xs.size();
      for (std::size_t t = 0; t < size; ++t) {
        mean.update(xs[t]);
        sd.update(xs[t]);
        if (!mean.ready()) {
          o[0][t] = o[1][t] = o[2][t] = o[3][t] = o[4][t] = nan;
          continue;
        }
        const auto v = combine(xs[t], mean.value(), sd.value(), q.nbdev_up, q.nbdev_dn);
        for (std::size_t k = 0; k < 5; ++k) o[k][t] = v[k];
      }
    });
  }

 private:
  static std::array<double, 5> combine(double x, double m, double sd, double up,
                                       double dn) noexcept {
    const double upper = m + up * sd;
    const double lower = m - dn * sd;
    const double width = upper - lower;
    return {upper, m, lower, width != 0.0 ? (x - lower) / width : nan, m != 0.0 ? width / m : nan};
  }
  static params checked(const params& p) {
    ::alpha::detail::ta::check_period(p.period, "period");
    ::alpha::detail::ta::check_finite(p.nbdev_up, "nbdev_up");
    ::alpha::detail::ta::check_finite(p.nbdev_dn, "nbdev_dn");
    return p;
  }
  params p_;
  rolling::mean mean_;
  rolling::std_dev sd_;
  double last_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
