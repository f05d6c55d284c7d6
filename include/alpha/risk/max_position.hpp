/// @file
/// alpha::risk::max_position: clamp each target weight and cap gross exposure.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/exposure.hpp"
#include "alpha/risk/concept.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace risk {

/// Position limits: w_a = clamp(w_a, -max_weight, max_weight), then, if sum |w| > gross_cap,
/// every weight times gross_cap / sum |w|. Never increases any |w_a| (hence never the gross).
/// A NaN target becomes 0 (a risk control does not pass on an undefined position).
///
/// - Stateless; uses no market data. Complexity O(assets).
/// - Errors: config_error for max_weight or gross_cap not finite and > 0; shape_error for a
///   target span of the wrong length.
/// @test tests/policies/sizing_costs_risk_test.cpp
class max_position {
 public:
  struct params {
    double max_weight = 0.25;  ///< per-asset |weight| bound
    double gross_cap = 2.0;    ///< sum |weight| bound
  };

  max_position(const params& p, std::size_t assets) : p_(p), n_(assets) {
    ::alpha::detail::policy::positive(p.max_weight, "max_position", "max_weight");
    ::alpha::detail::policy::positive(p.gross_cap, "max_position", "gross_cap");
  }

  void apply(std::span<double> w, const risk_context&) const {
    ::alpha::detail::policy::require_size(w.size(), n_, "risk::max_position", "target");
    for (double& x : w)
      if (x != x) x = 0.0;
    ::alpha::detail::policy::clamp_weights(w, p_.max_weight);
    ::alpha::detail::policy::cap_gross(w, p_.gross_cap);
  }
  void reset() noexcept {}
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  params p_;
  std::size_t n_;
};

static_assert(RiskControl<max_position>);

}  // namespace risk
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::risk::max_position::params, max_weight, gross_cap);
