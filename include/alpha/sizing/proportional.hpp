/// @file
/// alpha::sizing::proportional: weight proportional to the score, clamped and gross-capped.
#pragma once

#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/detail/policies/exposure.hpp"
#include "alpha/sizing/concept.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <cmath>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace sizing {

/// Proportional sizing: w_a = clamp(score_a * scale, -max_weight, max_weight); 0 for a NaN score
/// or a close that is NaN, infinite or <= 0; then, if sum |w| > gross_cap, every weight times
/// gross_cap / sum |w|.
///
/// - No state, no warm-up (lookback() = 0; observe() only checks sizes).
/// - Complexity: O(assets). Errors: config_error for scale, max_weight or gross_cap not finite
///   and > 0; shape_error for spans of the wrong length.
/// @test tests/policies/sizing_costs_risk_test.cpp
class proportional {
 public:
  struct params {
    double scale = 1.0;       ///< weight of a score of 1 (before clamp and cap)
    double max_weight = 1.0;  ///< per-asset |weight| bound, > 0
    double gross_cap = 1.0;   ///< sum |weight| bound, > 0
  };

  proportional(const params& p, std::size_t assets) : p_(check(p)), n_(assets) {}

  void observe(const sizing_context& ctx) const {
    ::alpha::detail::policy::require_size(ctx.returns.size(), n_, "sizing::proportional",
                                          "returns");
  }
  void size(const combine::signal_slice& sig, const sizing_context& ctx,
            std::span<double> w) const {
    ::alpha::detail::policy::require_size(sig.score.size(), n_, "sizing::proportional", "score");
    ::alpha::detail::policy::require_size(ctx.close.size(), n_, "sizing::proportional", "close");
    ::alpha::detail::policy::require_size(w.size(), n_, "sizing::proportional", "weights");
    for (std::size_t a = 0; a < n_; ++a) {
      const double s = sig.score[a], c = ctx.close[a];
      w[a] = !is_nan(s) && std::isfinite(c) && c > 0.0
                 ? ::alpha::detail::policy::clamp_abs(s * p_.scale, p_.max_weight)
                 : 0.0;
    }
    ::alpha::detail::policy::cap_gross(w, p_.gross_cap);
  }
  [[nodiscard]] std::size_t lookback() const noexcept { return 0; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }
  void reset() noexcept {}

 private:
  static params check(const params& p) {
    namespace pol = ::alpha::detail::policy;
    pol::positive(p.scale, "proportional", "scale");
    pol::positive(p.max_weight, "proportional", "max_weight");
    pol::positive(p.gross_cap, "proportional", "gross_cap");
    return p;
  }
  params p_;
  std::size_t n_;
};

static_assert(Sizer<proportional>);

}  // namespace sizing
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::sizing::proportional::params, scale, max_weight, gross_cap);
