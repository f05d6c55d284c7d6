// Params reflection of every policy: format_params -> read_params round trip with non-default
// values, JSON input, and bad values read from a config -> config_error naming the parameter.
#include "alpha/core/params.hpp"

#include "alpha/combine/normalise.hpp"
#include "alpha/combine/weighted.hpp"
#include "alpha/core/error.hpp"
#include "alpha/costs/bps.hpp"
#include "alpha/costs/composite.hpp"
#include "alpha/costs/sqrt_impact.hpp"
#include "alpha/labels/forward_return.hpp"
#include "alpha/models/identity_calibrator.hpp"
#include "alpha/models/ridge.hpp"
#include "alpha/models/rule.hpp"
#include "alpha/risk/drawdown_derisk.hpp"
#include "alpha/risk/max_position.hpp"
#include "alpha/sizing/proportional.hpp"
#include "alpha/sizing/vol_target.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

// format_params gives "k=v, k=v"; read_params takes ';'-separated pairs.
template <class P>
P round_trip(const P& p) {
  const std::string formatted = alpha::format_params(p);
  std::string text;  // ", " -> ";" (built by appending: g++ 12 warns falsely on replace at -O3)
  for (std::size_t i = 0; i < formatted.size(); ++i) {
    if (formatted[i] == ',' && i + 1 < formatted.size() && formatted[i + 1] == ' ') {
      text += ';';
      ++i;
    } else {
      text += formatted[i];
    }
  }
  P q{};
  alpha::read_params(q, text);
  EXPECT_EQ(alpha::format_params(q), alpha::format_params(p));
  return q;
}

// Reads `config` into default params and expects constructing the policy to throw a
// config_error naming `parameter`.
template <class Make, class P>
void expect_rejected(P p, const std::string& config, const std::string& parameter, Make make) {
  alpha::read_params(p, config);
  try {
    make(p);
    ADD_FAILURE() << config << " was accepted";
  } catch (const alpha::config_error& e) {
    EXPECT_EQ(e.parameter(), parameter) << e.what();
  }
}

TEST(PolicyParams, LabelsAndModels) {
  using fr = alpha::labels::forward_return;
  EXPECT_EQ(alpha::format_params(fr::params{}), "horizon=1, log_return=false, vol_window=0");
  const auto f = round_trip(fr::params{.horizon = 5, .log_return = true, .vol_window = 63});
  EXPECT_EQ(f.horizon, 5u);
  EXPECT_TRUE(f.log_return);
  EXPECT_EQ(f.vol_window, 63u);
  expect_rejected(fr::params{}, "horizon=0", "forward_return.horizon", [](auto& p) { fr{p}; });
  expect_rejected(fr::params{}, "vol_window=1", "forward_return.vol_window",
                  [](auto& p) { fr{p}; });

  using alpha::models::ridge;
  const auto r = round_trip(ridge::params{.lambda = 0.125, .min_rows = 40});
  EXPECT_EQ(r.lambda, 0.125);
  EXPECT_EQ(r.min_rows, 40u);
  expect_rejected(ridge::params{}, "lambda=-2", "ridge.lambda", [](auto& p) { ridge(p, 3); });
  expect_rejected(ridge::params{}, "min_rows=1", "ridge.min_rows", [](auto& p) { ridge(p, 3); });

  using alpha::models::sign_of_difference;
  const auto s = round_trip(sign_of_difference::params{.lhs = 2, .rhs = 0, .sign = false});
  EXPECT_EQ(s.lhs, 2u);
  EXPECT_FALSE(s.sign);
  expect_rejected(sign_of_difference::params{}, "rhs=5", "sign_of_difference.rhs",
                  [](auto& p) { sign_of_difference(p, 2); });

  using alpha::models::linear_rule;
  linear_rule::params lp;
  lp.weights = {0.5, -1.25, 3, 0, 0, 0, 0, 0};
  lp.bias = -0.75;
  EXPECT_EQ(alpha::format_params(lp),
            "weights.0=0.5, weights.1=-1.25, weights.2=3, weights.3=0, weights.4=0, "
            "weights.5=0, weights.6=0, weights.7=0, bias=-0.75");
  const auto l = round_trip(lp);
  EXPECT_EQ(l.weights[1], -1.25);
  expect_rejected(linear_rule::params{}, "weights.4=1", "linear_rule.weights.4",
                  [](auto& p) { linear_rule(p, 3); });
  expect_rejected(linear_rule::params{}, "bias=nan", "linear_rule.bias",
                  [](auto& p) { linear_rule(p, 3); });

  EXPECT_EQ(alpha::param_count(alpha::models::identity_calibrator::params{}), 0u);
}

TEST(PolicyParams, Combine) {
  using namespace alpha::combine;
  const auto z = round_trip(zscore_normaliser::params{.z_cap = 2.5, .ddof = 0});
  EXPECT_EQ(z.z_cap, 2.5);
  EXPECT_EQ(z.ddof, 0u);
  expect_rejected(zscore_normaliser::params{}, "z_cap=-1", "zscore_normaliser.z_cap",
                  [](auto& p) { zscore_normaliser{p}; });
  expect_rejected(zscore_normaliser::params{}, "ddof=3", "zscore_normaliser.ddof",
                  [](auto& p) { zscore_normaliser{p}; });
  EXPECT_EQ(round_trip(clamp_normaliser::params{.scale = 40}).scale, 40.0);
  expect_rejected(clamp_normaliser::params{}, "scale=0", "clamp_normaliser.scale",
                  [](auto& p) { clamp_normaliser{p}; });
  EXPECT_EQ(alpha::param_count(rank_normaliser::params{}), 0u);
  EXPECT_EQ(alpha::param_count(minmax_normaliser::params{}), 0u);
  EXPECT_EQ(alpha::param_count(confidence_weighted::params{}), 0u);
  EXPECT_EQ(alpha::param_count(rank_average::params{}), 0u);
  EXPECT_EQ(alpha::param_count(best_confidence::params{}), 0u);

  fixed_weight::params w;
  w.weights[2] = 0.25;
  EXPECT_EQ(round_trip(w).weights[2], 0.25);
  fixed_weight::params j;
  alpha::read_params_json(j, R"({"weights": [2, 1.5, 0]})");
  EXPECT_EQ(j.weights[0], 2.0);
  EXPECT_EQ(j.weights[1], 1.5);
  EXPECT_EQ(j.weights[2], 0.0);
  EXPECT_EQ(j.weights[3], 1.0);  // untouched default
  expect_rejected(fixed_weight::params{}, "weights.1=-0.5", "fixed_weight.weights.1",
                  [](auto& p) { fixed_weight{p}; });
}

TEST(PolicyParams, SizingCostsRisk) {
  using alpha::sizing::proportional;
  using alpha::sizing::vol_target;
  const auto v = round_trip(vol_target::params{.target_vol = 0.15,
                                               .periods_per_year = 52,
                                               .window = 26,
                                               .max_weight = 0.05,
                                               .gross_cap = 2,
                                               .dollar_neutral = true});
  EXPECT_EQ(v.periods_per_year, 52.0);
  EXPECT_TRUE(v.dollar_neutral);
  expect_rejected(vol_target::params{}, "window=1", "vol_target.window",
                  [](auto& p) { vol_target(p, 3); });
  expect_rejected(vol_target::params{}, "target_vol=0", "vol_target.target_vol",
                  [](auto& p) { vol_target(p, 3); });
  expect_rejected(vol_target::params{}, "max_weight=inf", "vol_target.max_weight",
                  [](auto& p) { vol_target(p, 3); });
  EXPECT_EQ(
      round_trip(proportional::params{.scale = 0.3, .max_weight = 0.1, .gross_cap = 1.5}).gross_cap,
      1.5);
  expect_rejected(proportional::params{}, "gross_cap=-1", "proportional.gross_cap",
                  [](auto& p) { proportional(p, 3); });

  using alpha::costs::bps;
  using alpha::costs::sqrt_impact;
  EXPECT_EQ(round_trip(bps::params{.commission_bps = 0.5, .half_spread_bps = 3, .slippage_bps = 2})
                .half_spread_bps,
            3.0);
  expect_rejected(bps::params{}, "half_spread_bps=-3", "bps.half_spread_bps",
                  [](auto& p) { bps{p}; });
  const auto q =
      round_trip(sqrt_impact::params{.coefficient = 0.7, .bps = 2, .missing_liquidity = "error"});
  EXPECT_EQ(q.missing_liquidity, "error");
  expect_rejected(sqrt_impact::params{}, "missing_liquidity=zero", "sqrt_impact.missing_liquidity",
                  [](auto& p) { sqrt_impact{p}; });
  using both = alpha::costs::sum_of<bps, sqrt_impact>;
  both::params bp;
  alpha::read_params(bp, "first.commission_bps=4; second.coefficient=0.5");
  EXPECT_EQ(bp.first.commission_bps, 4.0);
  EXPECT_EQ(bp.second.coefficient, 0.5);
  EXPECT_EQ(alpha::format_params(round_trip(bp)),
            "first.commission_bps=4, first.half_spread_bps=1, first.slippage_bps=0, "
            "second.coefficient=0.5, second.bps=0, second.missing_liquidity=bps_only");

  using alpha::risk::drawdown_derisk;
  using alpha::risk::max_position;
  EXPECT_EQ(round_trip(max_position::params{.max_weight = 0.02, .gross_cap = 1.2}).max_weight,
            0.02);
  expect_rejected(max_position::params{}, "max_weight=0", "max_position.max_weight",
                  [](auto& p) { max_position(p, 3); });
  EXPECT_EQ(round_trip(drawdown_derisk::params{.start = 0.05, .limit = 0.3}).limit, 0.3);
  expect_rejected(drawdown_derisk::params{}, "start=0.5", "drawdown_derisk.start",
                  [](auto& p) { drawdown_derisk(p, 3); });
}

}  // namespace
