/// @file
/// alpha::costs::sqrt_impact: square-root market impact plus an optional linear bps part.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/params.hpp"
#include "alpha/costs/concept.hpp"
#include "alpha/detail/policies/checks.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cmath>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace costs {

/// Square-root impact (the "square-root law" of metaorder impact; Almgren et al. 2005, Toth et
/// al. 2011): with V = |traded value|,
///
///   cost = coefficient x daily_vol x sqrt(V / adv) x V  +  V x bps / 1e4
///
/// where daily_vol is the std of daily simple returns and adv the average daily traded value,
/// both from the trade_context (measured by the engine up to the decision bar). The impact per
/// unit traded grows as the square root of the participation V / adv. coefficient ~ 1 is the
/// order of magnitude reported for equities (default 1).
///
/// - Missing liquidity (daily_vol or adv NaN, adv <= 0, daily_vol < 0) on a non-zero trade:
///   `missing_liquidity` = "bps_only" (default) charges the bps part only; "error" throws
///   data_error naming the asset column. A zero trade costs 0.
/// - Complexity O(1). Errors: config_error for a negative or non-finite coefficient or bps, or a
///   missing_liquidity other than "bps_only" / "error".
/// @test tests/policies/sizing_costs_risk_test.cpp
class sqrt_impact {
 public:
  struct params {
    double coefficient = 1.0;                    ///< Y in Y sigma sqrt(V / adv), >= 0
    double bps = 0.0;                            ///< linear part, bps of traded value, >= 0
    std::string missing_liquidity = "bps_only";  ///< "bps_only" or "error"
  };

  explicit sqrt_impact(const params& p) : p_(check(p)), error_(p.missing_liquidity == "error") {}

  [[nodiscard]] double cost(const trade_context& t) const {
    const double v = std::abs(t.traded_value);
    const double linear = v * p_.bps * 1e-4;
    if (v == 0.0) return 0.0;
    if (!(t.adv > 0.0 && std::isfinite(t.adv) && t.daily_vol >= 0.0 &&
          std::isfinite(t.daily_vol))) {
      if (error_)
        throw data_error({}, "costs::sqrt_impact: no liquidity data (daily_vol " +
                                 std::to_string(t.daily_vol) + ", adv " + std::to_string(t.adv) +
                                 ") for a trade in asset column " + std::to_string(t.asset));
      return linear;
    }
    return p_.coefficient * t.daily_vol * std::sqrt(v / t.adv) * v + linear;
  }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  static params check(const params& p) {
    namespace pol = ::alpha::detail::policy;
    pol::non_negative(p.coefficient, "sqrt_impact", "coefficient");
    pol::non_negative(p.bps, "sqrt_impact", "bps");
    if (p.missing_liquidity != "bps_only" && p.missing_liquidity != "error")
      throw config_error("sqrt_impact.missing_liquidity",
                         "must be \"bps_only\" or \"error\", got \"" + p.missing_liquidity + "\"");
    return p;
  }
  params p_;
  bool error_;
};

static_assert(CostModel<sqrt_impact>);

}  // namespace costs
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::costs::sqrt_impact::params, coefficient, bps, missing_liquidity);
