/// @file
/// alpha::costs::bps: commission, half spread and slippage in basis points of traded value.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/params.hpp"
#include "alpha/costs/concept.hpp"
#include "alpha/detail/policies/checks.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cmath>

ALPHA_BEGIN_NAMESPACE
namespace costs {

/// Linear costs: cost = |traded value| x (commission_bps + half_spread_bps + slippage_bps) / 1e4.
/// A round trip of value V therefore costs 2 V (c + s/2 + slip) / 1e4, with s the full quoted
/// spread in bps. Defaults: 1 bp commission, 1 bp half spread, no slippage (a liquid large-cap).
///
/// - A NaN traded value gives a NaN cost (the engine must not trade on NaN).
/// - Complexity O(1). Errors: config_error for a negative or non-finite parameter.
/// @test tests/policies/sizing_costs_risk_test.cpp
class bps {
 public:
  struct params {
    double commission_bps = 1.0;   ///< broker commission, bps of traded value
    double half_spread_bps = 1.0;  ///< half the quoted bid-ask spread, bps
    double slippage_bps = 0.0;     ///< extra adverse fill price, bps
  };

  explicit bps(const params& p)
      : p_(check(p)), rate_((p.commission_bps + p.half_spread_bps + p.slippage_bps) * 1e-4) {}

  [[nodiscard]] double cost(const trade_context& t) const noexcept {
    return std::abs(t.traded_value) * rate_;
  }
  /// The total rate as a fraction of traded value.
  [[nodiscard]] double rate() const noexcept { return rate_; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  static params check(const params& p) {
    namespace pol = ::alpha::detail::policy;
    pol::non_negative(p.commission_bps, "bps", "commission_bps");
    pol::non_negative(p.half_spread_bps, "bps", "half_spread_bps");
    pol::non_negative(p.slippage_bps, "bps", "slippage_bps");
    return p;
  }
  params p_;
  double rate_;
};

static_assert(CostModel<bps>);

}  // namespace costs
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::costs::bps::params, commission_bps, half_spread_bps, slippage_bps);
