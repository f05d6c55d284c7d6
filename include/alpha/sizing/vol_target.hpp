/// @file
/// alpha::sizing::vol_target: volatility-targeting sizer (per-asset risk budget, clamp, optional
/// dollar neutrality, gross cap).
#pragma once

#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/exposure.hpp"
#include "alpha/rolling/variance.hpp"
#include "alpha/sizing/concept.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace sizing {

/// Volatility targeting. At decision bar t, with sigma_a the standard deviation (ddof 1,
/// rolling::std_dev) of asset a's simple returns over the last `window` bars up to t (fed by
/// observe()):
///
///   1. active assets: finite score, finite close > 0, finite sigma_a > 0; n = their number;
///   2. w_a = score_a * (target_vol / sqrt(periods_per_year)) / sigma_a / n for active assets,
///      0 for the others (a score of +-1 on every asset then gives each asset an expected
///      annualised volatility of target_vol / n, which adds up to target_vol for uncorrelated
///      assets);
///   3. w_a = clamp(w_a, -max_weight, max_weight);
///   4. if dollar_neutral: w_a -= mean of w over the active assets, then clamp again (the
///      re-clamp can leave a small net exposure when a weight hits the bound);
///   5. if sum |w| > gross_cap: every weight times gross_cap / sum |w|.
///
/// - Warm-up: lookback() = window (returns start at bar 1); before that sigma is NaN and every
///   weight 0. A NaN return occupies its slot and makes sigma NaN until it leaves the window.
/// - Complexity: observe O(assets), size O(assets); memory O(assets x window).
/// - Errors: config_error for target_vol, periods_per_year, max_weight or gross_cap not finite
///   and > 0, window < 2; shape_error for spans of the wrong length.
/// @test tests/policies/sizing_costs_risk_test.cpp (hand-worked weights, warm-up, neutrality)
class vol_target {
 public:
  struct params {
    double target_vol = 0.10;         ///< annualised volatility target (0.10 = 10 %)
    double periods_per_year = 252.0;  ///< bars per year (252 for daily bars)
    std::size_t window = 20;          ///< returns in the rolling volatility, >= 2
    double max_weight = 1.0;          ///< per-asset |weight| bound, > 0
    double gross_cap = 1.0;           ///< sum |weight| bound, > 0
    bool dollar_neutral = false;      ///< demean the active weights
  };

  vol_target(const params& p, std::size_t assets)
      : p_(check(p)),
        per_bar_target_(p.target_vol / std::sqrt(p.periods_per_year)),
        vols_(assets, rolling::std_dev({.window = p.window, .min_periods = {}, .ddof = 1})) {}

  /// Feeds bar t's returns to the per-asset volatility estimates. O(assets).
  void observe(const sizing_context& ctx) {
    ::alpha::detail::policy::require_size(ctx.returns.size(), vols_.size(), "sizing::vol_target",
                                          "returns");
    for (std::size_t a = 0; a < vols_.size(); ++a) vols_[a].update(ctx.returns[a]);
  }

  /// Target weights from the signal (steps 1-5 above). O(assets).
  void size(const combine::signal_slice& sig, const sizing_context& ctx, std::span<double> w) {
    const std::size_t n = vols_.size();
    ::alpha::detail::policy::require_size(sig.score.size(), n, "sizing::vol_target", "score");
    ::alpha::detail::policy::require_size(ctx.close.size(), n, "sizing::vol_target", "close");
    ::alpha::detail::policy::require_size(w.size(), n, "sizing::vol_target", "weights");
    std::size_t active = 0;
    for (std::size_t a = 0; a < n; ++a) {
      const double vol = vols_[a].value(), c = ctx.close[a], s = sig.score[a];
      const bool ok = !is_nan(s) && std::isfinite(c) && c > 0.0 && std::isfinite(vol) && vol > 0.0;
      w[a] = ok ? s * per_bar_target_ / vol : nan;  // NaN marks inactive until step 2 ends
      active += ok ? 1 : 0;
    }
    const double inv_n = active > 0 ? 1.0 / static_cast<double>(active) : 0.0;
    double sum = 0.0;
    for (std::size_t a = 0; a < n; ++a) {
      if (is_nan(w[a])) continue;
      w[a] = ::alpha::detail::policy::clamp_abs(w[a] * inv_n, p_.max_weight);
      sum += w[a];
    }
    if (p_.dollar_neutral && active > 0) {
      const double mean = sum / static_cast<double>(active);
      for (std::size_t a = 0; a < n; ++a)
        if (!is_nan(w[a])) w[a] = ::alpha::detail::policy::clamp_abs(w[a] - mean, p_.max_weight);
    }
    for (double& x : w)
      if (is_nan(x)) x = 0.0;
    ::alpha::detail::policy::cap_gross(w, p_.gross_cap);
  }

  /// Daily volatility estimate of asset a (NaN during warm-up).
  [[nodiscard]] double volatility(std::size_t a) const noexcept { return vols_[a].value(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return p_.window; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }
  void reset() noexcept {
    for (auto& v : vols_) v.reset();
  }

 private:
  static params check(const params& p) {
    namespace pol = ::alpha::detail::policy;
    pol::positive(p.target_vol, "vol_target", "target_vol");
    pol::positive(p.periods_per_year, "vol_target", "periods_per_year");
    pol::at_least(p.window, 2, "vol_target", "window");
    pol::positive(p.max_weight, "vol_target", "max_weight");
    pol::positive(p.gross_cap, "vol_target", "gross_cap");
    return p;
  }

  params p_;
  double per_bar_target_;
  std::vector<rolling::std_dev> vols_;
};

static_assert(Sizer<vol_target>);

}  // namespace sizing
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::sizing::vol_target::params, target_vol, periods_per_year, window,
                        max_weight, gross_cap, dollar_neutral);
