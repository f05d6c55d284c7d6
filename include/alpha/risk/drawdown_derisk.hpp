/// @file
/// alpha::risk::drawdown_derisk: scale exposure down as the drawdown deepens, to zero at a limit.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/exposure.hpp"
#include "alpha/risk/concept.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace risk {

/// Drawdown de-risking. With dd = 1 - equity / peak_equity (0 at a new high), every target is
/// multiplied by
///
///   k = 1 for dd <= start;  k = (limit - dd) / (limit - start) for start < dd < limit;
///   k = 0 for dd >= limit  (start == limit: a hard stop at the limit).
///
/// evaluated on equity levels (dd >= limit as equity <= peak (1 - limit)), so that round
/// thresholds are hit exactly.
///
/// - Note: once flat at the limit the equity no longer moves, so the drawdown cannot recover
///   and the strategy stays flat: the usual circuit-breaker behaviour (a new peak requires
///   exposure). Use start < limit for a gradual control.
/// - Non-finite or non-positive equity or peak: k = 0 (nothing is known about the drawdown;
///   flat is the safe choice). A NaN target becomes 0.
/// - Stateless apart from the context; O(assets).
/// - Errors: config_error unless 0 <= start <= limit <= 1 and limit > 0; shape_error for a
///   target span of the wrong length.
/// @test tests/policies/sizing_costs_risk_test.cpp
class drawdown_derisk {
 public:
  struct params {
    double start = 0.10;  ///< drawdown at which de-risking begins (0.10 = 10 % below the peak)
    double limit = 0.20;  ///< drawdown at which every target is 0
  };

  drawdown_derisk(const params& p, std::size_t assets) : p_(p), n_(assets) {
    ::alpha::detail::policy::in_range(p.limit, 0.0, 1.0, "drawdown_derisk", "limit");
    if (!(p.limit > 0.0)) throw config_error("drawdown_derisk.limit", "must be > 0");
    ::alpha::detail::policy::in_range(p.start, 0.0, p.limit, "drawdown_derisk", "start");
  }

  /// The multiplier k for the context. O(1).
  [[nodiscard]] double scale(const risk_context& ctx) const noexcept {
    if (!(std::isfinite(ctx.equity) && std::isfinite(ctx.peak_equity) && ctx.equity > 0.0 &&
          ctx.peak_equity > 0.0))
      return 0.0;
    // Compared as equity levels (peak (1 - limit) is exact for round numbers, where
    // 1 - equity / peak is not: 1 - 80/100 = 0.19999999999999996).
    const double e = ctx.equity, peak = ctx.peak_equity;
    const double floor = peak * (1.0 - p_.limit);
    if (e <= floor) return 0.0;
    if (e >= peak * (1.0 - p_.start)) return 1.0;
    return (e - floor) / (peak * (p_.limit - p_.start));  // = (limit - dd) / (limit - start)
  }

  void apply(std::span<double> w, const risk_context& ctx) const {
    ::alpha::detail::policy::require_size(w.size(), n_, "risk::drawdown_derisk", "target");
    const double k = scale(ctx);
    for (double& x : w) x = x != x ? 0.0 : x * k;
  }
  void reset() noexcept {}
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  params p_;
  std::size_t n_;
};

static_assert(RiskControl<drawdown_derisk>);

}  // namespace risk
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::risk::drawdown_derisk::params, start, limit);
