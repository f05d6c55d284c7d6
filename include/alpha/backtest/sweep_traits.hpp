/// @file
/// alpha::backtest::elementwise_policy<P>: the non-intrusive trait that lets a sweep evaluate a
/// strategy per asset with one fused loop (the sweep's fast path), and is_separable<S>.
///
/// A policy is elementwise when its output for asset j at bar t depends only on asset j's
/// inputs at bar t. Specialise `elementwise_policy<YourPolicy>` (in namespace alpha::backtest)
/// to opt a policy in; the primary template is left undefined, so any policy without a
/// specialisation sends the strategy to the general path (backtest::run per variant).
///
/// What a specialisation provides, by role:
///  - model: `static constexpr std::size_t arity`; `static std::array<std::size_t, arity>
///    inputs(const params&)` (the feature columns read); `static auto make(const params&)`
///    returning a callable `double(double x_0, ..., double x_{arity-1})` (the prediction);
///    optionally `static auto make_then(const params&, const G& g)` returning a callable equal
///    to g(prediction(x...)) bit for bit, cheaper when the prediction takes few values (the
///    sweep then evaluates the rest of the pipeline, g, only at those values);
///  - normaliser, combiner (single model), sizer: `static auto make(const params&)` returning a
///    callable `double(double)` (score -> score, score -> score, score -> position);
///  - costs: `static double rate(const params&)`, the cost as a fraction of traded value.
/// The callables must reproduce the policy's own arithmetic (same operations, same NaN rules),
/// so that the fast path and the general path agree; a sizer maps NaN to 0.
#pragma once

#include "alpha/backtest/strategy.hpp"
#include "alpha/combine/normalise.hpp"
#include "alpha/combine/weighted.hpp"
#include "alpha/config.hpp"
#include "alpha/costs/bps.hpp"
#include "alpha/features/feature_set.hpp"
#include "alpha/models/identity_calibrator.hpp"
#include "alpha/models/rule.hpp"
#include "alpha/sizing/proportional.hpp"

#include <array>
#include <cstddef>
#include <limits>
#include <type_traits>

ALPHA_BEGIN_NAMESPACE
namespace detail::sweep {
template <class F>
struct is_feature_set : std::false_type {};
template <class... I>
struct is_feature_set<features::feature_set<I...>> : std::true_type {};
}  // namespace detail::sweep

namespace backtest {

/// See the file comment. Undefined primary template: not elementwise.
template <class Policy>
struct elementwise_policy;

/// Whether elementwise_policy<P> is specialised (complete).
template <class P>
concept Elementwise = requires {
  sizeof(elementwise_policy<P>);
};

/// models::sign_of_difference: d = x[lhs] - x[rhs]; sign(d) in {-1, 0, 1} (or d); NaN -> NaN.
template <>
struct elementwise_policy<models::sign_of_difference> {
  using params = models::sign_of_difference::params;
  static constexpr std::size_t arity = 2;
  static std::array<std::size_t, 2> inputs(const params& p) { return {p.lhs, p.rhs}; }
  static auto make(const params& p) {
    // Written as selects the compiler turns into vector compares and blends (the same values
    // as the model: d > 0 -> 1, d < 0 -> -1, d = +-0 -> +0 (d + 0), NaN -> NaN (d + 0)).
    return [sign = p.sign](double a, double b) {
      const double d = a - b;
      if (!sign) return d;
      return d > 0.0 ? 1.0 : (d < 0.0 ? -1.0 : d + 0.0);
    };
  }
  /// g(model(a, b)) for an elementwise g (the rest of the pipeline). In sign mode the model
  /// takes only the values 1, -1, +0 and NaN, so g is evaluated once at each and the result is
  /// a select: bit-identical to g(model(a, b)), and a few instructions per bar instead of g's.
  template <class G>
  static auto make_then(const params& p, const G& g) {
    constexpr double qnan = std::numeric_limits<double>::quiet_NaN();
    return [g, sign = p.sign, up = g(1.0), down = g(-1.0), zero = g(0.0), none = g(qnan)](
               double a, double b) {
      const double d = a - b;
      if (!sign) return g(d);
      return d > 0.0 ? up : (d < 0.0 ? down : (d == d ? zero : none));
    };
  }
};

/// combine::clamp_normaliser: clamp(scale x, -1, 1); NaN -> NaN.
template <>
struct elementwise_policy<combine::clamp_normaliser> {
  static auto make(const combine::clamp_normaliser::params& p) {
    return [scale = p.scale](double x) {
      // Two one-sided clamps (one vminpd / vmaxpd each, NaN kept): the same as clamp_abs.
      double y = scale * x;
      y = y > 1.0 ? 1.0 : y;
      return y < -1.0 ? -1.0 : y;
    };
  }
};

/// combine::fixed_weight over ONE model: (0 + w a) / (0 + w) for w > 0 (the combiner's sums),
/// NaN otherwise (or for NaN a).
template <>
struct elementwise_policy<combine::fixed_weight> {
  static auto make(const combine::fixed_weight::params& p) {
    // w = 1 (the default): (0 + 1 a) / (0 + 1) = a + 0 exactly, without the division (the
    // branch is loop-invariant: the compiler unswitches it out of the fast path's kernel).
    return [w = p.weights[0], unit = p.weights[0] == 1.0](double a) {
      if (unit) return a + 0.0;
      return w > 0.0 ? (w * a) / w : std::numeric_limits<double>::quiet_NaN();
    };
  }
};

/// models::identity_calibrator: the identity.
template <>
struct elementwise_policy<models::identity_calibrator> {
  static auto make(const models::identity_calibrator::params&) {
    return [](double x) { return x; };
  }
};

/// sizing::proportional, per asset: clamp(score x scale, -max_weight, max_weight), 0 for NaN.
/// The gross cap (a cross-sectional rescaling) is NOT part of the elementwise form: on the fast
/// path each asset is a sleeve of 1/N of the capital (docs/sweeps.md#fast-path).
template <>
struct elementwise_policy<sizing::proportional> {
  static auto make(const sizing::proportional::params& p) {
    return [scale = p.scale, cap = p.max_weight](double s) {
      double w = s * scale;
      w = w > cap ? cap : w;
      w = w < -cap ? -cap : w;
      return s == s ? w : 0.0;
    };
  }
};

/// costs::bps: (commission + half spread + slippage) x 1e-4 of the traded value.
template <>
struct elementwise_policy<costs::bps> {
  static double rate(const costs::bps::params& p) {
    return (p.commission_bps + p.half_spread_bps + p.slippage_bps) * 1e-4;
  }
};

/// Whether strategy S can run on the sweep's fast path: features are a feature_set of
/// indicators, one model, and every other stage (normaliser, combiner, calibrator, sizer,
/// costs) elementwise, with no labeler and no risk control.
template <class S>
inline constexpr bool is_separable = [] {
  if constexpr (!::alpha::detail::sweep::is_feature_set<typename S::features_type>::value ||
                S::model_list::size != 1 || S::has_labeler ||
                !std::is_same_v<typename S::risk_type, no_risk_control>) {
    return false;
  } else {
    using M = std::remove_cvref_t<decltype(boost::hana::at_c<0>(
        std::declval<typename S::model_list::tuple&>()))>;
    return Elementwise<M> && Elementwise<typename S::normaliser_type> &&
           Elementwise<typename S::combiner_type> && Elementwise<typename S::calibrator_type> &&
           Elementwise<typename S::sizer_type> && Elementwise<typename S::costs_type>;
  }
}();

}  // namespace backtest
ALPHA_END_NAMESPACE
