/// @file
/// alpha::costs::sum_of: the sum of two cost models (e.g. bps fees + square-root impact).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/params.hpp"
#include "alpha/costs/concept.hpp"

#include <boost/hana/define_struct.hpp>

ALPHA_BEGIN_NAMESPACE
namespace costs {

/// cost = A.cost(t) + B.cost(t). Params: the two models' params, nested (config keys
/// `first.<key>` and `second.<key>`; reflected with BOOST_HANA_DEFINE_STRUCT since a template's
/// nested type cannot be adapted at global scope). Complexity: that of A plus B.
/// @test tests/policies/sizing_costs_risk_test.cpp
template <CostModel A, CostModel B>
class sum_of {
 public:
  struct params {
    BOOST_HANA_DEFINE_STRUCT(params, (typename A::params, first), (typename B::params, second));
  };

  explicit sum_of(const params& p) : p_(p), a_(p.first), b_(p.second) {}

  [[nodiscard]] double cost(const trade_context& t) const { return a_.cost(t) + b_.cost(t); }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

 private:
  params p_;
  A a_;
  B b_;
};

}  // namespace costs
ALPHA_END_NAMESPACE
