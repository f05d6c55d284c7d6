/// @file
/// The named slots of alpha::strategy (`with::features<...>`, `with::model<...>`, ...), how a
/// strategy finds the policy of each role among its template arguments (any order, defaults for
/// optional slots), and the compile-time checks that turn a mis-composed strategy into one
/// readable `static_assert` message naming the stage, the missing operation and the doc page.
#pragma once

#include "alpha/combine/concept.hpp"
#include "alpha/config.hpp"
#include "alpha/costs/concept.hpp"
#include "alpha/features/feature_set.hpp"
#include "alpha/labels/concept.hpp"
#include "alpha/models/concept.hpp"
#include "alpha/risk/concept.hpp"
#include "alpha/sizing/concept.hpp"

#include <cstddef>
#include <tuple>
#include <type_traits>

ALPHA_BEGIN_NAMESPACE

/// Slot tags naming the role of each policy given to alpha::strategy (any order).
namespace with {
/// Features: indicators composed into a feature_set, or one FeatureSet type. Required.
template <class... I>
struct features {};
/// Labeler: what a trained model learns to predict. Required when a model is trained.
template <class... L>
struct labeler {};
/// Model(s): one signal source per model. Required.
template <class... M>
struct model {};
/// Normaliser: raw predictions -> signal (score, confidence). Optional (z-score).
template <class... N>
struct normaliser {};
/// Combiner: several signals -> one. Optional (fixed-weight average).
template <class... C>
struct combiner {};
/// Calibrator: combined score -> calibrated score. Optional (identity).
template <class... K>
struct calibrator {};
/// Sizer: signal -> target weights. Required.
template <class... S>
struct sizer {};
/// Cost model: the cost of each fill. Required.
template <class... C>
struct costs {};
/// Risk control: last word on target weights. Optional (none).
template <class... R>
struct risk {};
}  // namespace with

namespace detail {

template <template <class...> class W, class T>
struct is_slot : std::false_type {};
template <template <class...> class W, class... A>
struct is_slot<W, W<A...>> : std::true_type {};

template <template <class...> class W, class... Slots>
inline constexpr std::size_t slot_count = (std::size_t{0} + ... +
                                           (is_slot<W, Slots>::value ? 1 : 0));

template <class T>
inline constexpr bool is_known_slot =
    is_slot<with::features, T>::value || is_slot<with::labeler, T>::value ||
    is_slot<with::model, T>::value || is_slot<with::normaliser, T>::value ||
    is_slot<with::combiner, T>::value || is_slot<with::calibrator, T>::value ||
    is_slot<with::sizer, T>::value || is_slot<with::costs, T>::value ||
    is_slot<with::risk, T>::value;

/// The arguments of the first slot W<A...> among Slots, as W<A...>; `Default` if there is none.
template <template <class...> class W, class Default, class... Slots>
struct find_slot {
  using type = Default;
};
template <template <class...> class W, class Default, class First, class... Rest>
struct find_slot<W, Default, First, Rest...> {
  using type = std::conditional_t<is_slot<W, First>::value, First,
                                  typename find_slot<W, Default, Rest...>::type>;
};

template <class Slot>
struct slot_args;
template <template <class...> class W, class... A>
struct slot_args<W<A...>> {
  static constexpr std::size_t count = sizeof...(A);
  using first = std::tuple_element_t<0, std::tuple<A..., void>>;
};

/// The single policy of a one-policy slot (void when the slot is empty).
template <class Slot>
using single_policy = typename slot_args<Slot>::first;

/// Resolves with::features<I...> to a FeatureSet: one FeatureSet type as is, else feature_set.
template <class Slot>
struct resolve_features;
template <class... I>
struct resolve_features<with::features<I...>> {
  using first = std::tuple_element_t<0, std::tuple<I..., void>>;
  static constexpr bool one_set = sizeof...(I) == 1 && features::FeatureSet<first>;
  static constexpr bool all_indicators = (features::Indicator<I> && ...);
  // Lazily: naming feature_set<I...> with a non-indicator I would be a hard error before the
  // readable check in check_features_slot.
  template <int Kind, class = void>
  struct pick {
    using type = first;  // one FeatureSet
  };
  template <class V>
  struct pick<1, V> {
    using type = features::feature_set<I...>;
  };
  template <class V>
  struct pick<2, V> {
    using type = void;  // malformed: reported by check_features_slot
  };
  using type = typename pick<one_set ? 0 : (all_indicators ? 1 : 2)>::type;
};

// --- Per-role checks: one static_assert per missing operation, in the order a reader fixes
// them. Each returns true so it can initialise a constexpr bool.

template <class I>
constexpr bool check_indicator() {
  static_assert(features::IndicatorParams<I>,
                "alpha: features stage: an indicator has no nested `params` aggregate or no "
                "constructor I(const params&); see docs/strategy.md#features");
  static_assert(features::NamedOutputs<I>,
                "alpha: features stage: an indicator has no `static constexpr std::array "
                "output_names`; see docs/strategy.md#features");
  static_assert(features::IndicatorState<I>,
                "alpha: features stage: an indicator lacks lookback() const, ready() const or "
                "reset(); see docs/strategy.md#features");
  static_assert(features::Indicator<I>,
                "alpha: features stage: an indicator lacks update(double) or update(const bar&) "
                "with `inputs`; see docs/strategy.md#features");
  return true;
}

template <class Slot>
struct check_features_slot;
template <class... I>
struct check_features_slot<with::features<I...>> {
  static constexpr bool value = [] {
    static_assert(sizeof...(I) >= 1,
                  "alpha: features stage: with::features<> is empty: give indicators or a "
                  "FeatureSet; see docs/strategy.md#features");
    if constexpr (sizeof...(I) == 1 &&
                  features::FeatureSet<typename resolve_features<with::features<I...>>::first>)
      return true;
    else
      return (check_indicator<I>() && ...);
  }();
};

template <class L>
constexpr bool check_labeler() {
  static_assert(labels::LabelerParams<L>,
                "alpha: labeler stage: no nested `params` aggregate or no constructor "
                "L(const params&); see docs/strategy.md#labeler");
  static_assert(labels::LabelerHorizon<L>,
                "alpha: labeler stage: missing `std::size_t horizon() const`; see "
                "docs/strategy.md#labeler");
  static_assert(labels::LabelerStreaming<L>,
                "alpha: labeler stage: missing `double update(const bar&)` or `reset()`; see "
                "docs/strategy.md#labeler");
  static_assert(labels::LabelerBatch<L>,
                "alpha: labeler stage: missing `static void batch(const params&, const "
                "bar_series&, std::span<double>)`; see docs/strategy.md#labeler");
  return true;
}

template <class M>
constexpr bool check_model() {
  static_assert(models::ModelParams<M>,
                "alpha: model stage: no nested `params` aggregate or no constructor "
                "M(const params&, std::size_t features); see docs/strategy.md#model");
  static_assert(models::ModelTraining<M>,
                "alpha: model stage: missing observe(x, y), forget(x, y), fit() or reset(); see "
                "docs/strategy.md#model");
  static_assert(models::ModelPrediction<M>,
                "alpha: model stage: missing `double predict(std::span<const double>) const`, "
                "fitted() or training_rows(); see docs/strategy.md#model");
  return true;
}

template <class N>
constexpr bool check_normaliser() {
  static_assert(combine::Normaliser<N>,
                "alpha: normaliser stage: needs `params`, N(const params&) and "
                "`normalise(std::span<const double>, signal_buffer&) const`; see "
                "docs/strategy.md#normaliser");
  return true;
}

template <class C>
constexpr bool check_combiner() {
  static_assert(combine::Combiner<C>,
                "alpha: combiner stage: needs `params`, C(const params&) and "
                "`combine(std::span<const signal_slice>, signal_buffer&) const`; see "
                "docs/strategy.md#combiner");
  return true;
}

template <class K>
constexpr bool check_calibrator() {
  static_assert(models::Calibrator<K>,
                "alpha: calibrator stage: needs `params`, K(const params&), observe(score, "
                "realised), fit() and `calibrate(std::span<double>) const`; see "
                "docs/strategy.md#calibrator");
  return true;
}

template <class S>
constexpr bool check_sizer() {
  static_assert(sizing::SizerParams<S>,
                "alpha: sizer stage: no nested `params` aggregate or no constructor "
                "S(const params&, std::size_t assets); see docs/strategy.md#sizer");
  static_assert(sizing::SizerDecision<S>,
                "alpha: sizer stage: missing observe(const sizing_context&), size(signal, "
                "context, weights), lookback() const or reset(); see docs/strategy.md#sizer");
  return true;
}

template <class C>
constexpr bool check_costs() {
  static_assert(costs::CostModel<C>,
                "alpha: costs stage: needs `params`, C(const params&) and `double cost(const "
                "trade_context&) const`; see docs/strategy.md#costs");
  return true;
}

template <class R>
constexpr bool check_risk() {
  static_assert(risk::RiskControl<R>,
                "alpha: risk stage: needs `params`, R(const params&, std::size_t assets), "
                "apply(weights, const risk_context&) and reset(); see docs/strategy.md#risk");
  return true;
}

}  // namespace detail
ALPHA_END_NAMESPACE
