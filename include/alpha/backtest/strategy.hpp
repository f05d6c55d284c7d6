/// @file
/// alpha::strategy<Slots...>: a strategy as a type, composed of one policy per role.
///
/// ```
/// using my_strategy = alpha::strategy<
///     alpha::with::features<features::rsi, features::macd>,
///     alpha::with::labeler<labels::forward_return>,
///     alpha::with::model<models::ridge>,
///     alpha::with::sizer<sizing::vol_target>,
///     alpha::with::costs<costs::bps>>;
/// ```
/// Slots come in any order. Required: features, model, sizer, costs, and a labeler when a model
/// is trained. Optional (defaults): normaliser (z-score), combiner (fixed-weight average),
/// calibrator (identity), risk (none). A missing, duplicated or malformed policy fails to
/// compile with a static_assert starting "alpha:" that names the stage (docs/strategy.md).
///
/// Every policy's tunable numbers are reachable through `strategy::params`, a reflected
/// aggregate with one field per slot (`features`, `labeler`, `model`, `normaliser`, `combiner`,
/// `calibrator`, `sizer`, `costs`, `risk`, `walk_forward`): print it with format_params, read it
/// with read_params (`model.0.lambda=10`), sweep it.
#pragma once

#include "alpha/backtest/slots.hpp"
#include "alpha/combine/normalise.hpp"
#include "alpha/combine/weighted.hpp"
#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/type_name.hpp"
#include "alpha/models/identity_calibrator.hpp"

#include <boost/hana/at.hpp>
#include <boost/hana/define_struct.hpp>
#include <boost/hana/tuple.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE

namespace backtest {

/// Walk-forward schedule of the model(s): refit every `refit_every` bars on the rows whose
/// labels are known; `train_window` = 0 trains on all of them (expanding window), else only on
/// rows of the last `train_window` label bars (rolling window).
struct walk_forward_params {
  std::size_t refit_every = 20;  ///< >= 1 bars between refits
  std::size_t train_window = 0;  ///< 0 = expanding; else rolling, in bars
};

/// Stands in for the labeler of a strategy whose models are rules (no labels needed).
struct no_labeler {
  struct params {};
};

/// No risk control: the default of the optional risk slot.
struct no_risk_control {
  struct params {};
  no_risk_control(const params&, std::size_t) {}
  void apply(std::span<double>, const risk::risk_context&) {}
  void reset() {}
};

}  // namespace backtest
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::backtest::walk_forward_params, refit_every, train_window);
BOOST_HANA_ADAPT_STRUCT(alpha::backtest::no_risk_control::params);
BOOST_HANA_ADAPT_STRUCT(alpha::backtest::no_labeler::params);

ALPHA_BEGIN_NAMESPACE

namespace detail {

template <class... Slots>
constexpr bool check_slots() {
  static_assert((is_known_slot<Slots> && ...),
                "alpha: strategy: every template argument must be a slot: with::features<...>, "
                "with::labeler<L>, with::model<M...>, with::normaliser<N>, with::combiner<C>, "
                "with::calibrator<K>, with::sizer<S>, with::costs<C> or with::risk<R>; see "
                "docs/strategy.md#slots");
  static_assert(slot_count<with::features, Slots...> == 1,
                "alpha: features stage: a strategy needs exactly one with::features<...> slot; "
                "see docs/strategy.md#features");
  static_assert(slot_count<with::model, Slots...> == 1,
                "alpha: model stage: a strategy needs exactly one with::model<...> slot; see "
                "docs/strategy.md#model");
  static_assert(slot_count<with::sizer, Slots...> == 1,
                "alpha: sizer stage: a strategy needs exactly one with::sizer<S> slot; see "
                "docs/strategy.md#sizer");
  static_assert(slot_count<with::costs, Slots...> == 1,
                "alpha: costs stage: a strategy needs exactly one with::costs<C> slot; see "
                "docs/strategy.md#costs");
  static_assert(slot_count<with::labeler, Slots...> <= 1,
                "alpha: labeler stage: more than one with::labeler slot; see "
                "docs/strategy.md#labeler");
  static_assert(slot_count<with::normaliser, Slots...> <= 1,
                "alpha: normaliser stage: more than one with::normaliser slot; see "
                "docs/strategy.md#normaliser");
  static_assert(slot_count<with::combiner, Slots...> <= 1,
                "alpha: combiner stage: more than one with::combiner slot; see "
                "docs/strategy.md#combiner");
  static_assert(slot_count<with::calibrator, Slots...> <= 1,
                "alpha: calibrator stage: more than one with::calibrator slot; see "
                "docs/strategy.md#calibrator");
  static_assert(slot_count<with::risk, Slots...> <= 1,
                "alpha: risk stage: more than one with::risk slot; see docs/strategy.md#risk");
  return true;
}

template <class Slot, std::size_t Want>
constexpr bool check_arity(const char*) {
  return slot_args<Slot>::count == Want;
}

template <class... M>
struct model_list {
  static constexpr std::size_t size = sizeof...(M);
  static constexpr bool any_trained = (models::is_trained<M>() || ...);
  using params = boost::hana::tuple<typename M::params...>;
  using tuple = boost::hana::tuple<M...>;
  /// One instance of each model over `width` features.
  static tuple make(const params& p, std::size_t width) {
    return make_impl(p, width, std::index_sequence_for<M...>{});
  }

 private:
  template <std::size_t... K>
  static tuple make_impl(const params& p, std::size_t width, std::index_sequence<K...>) {
    return tuple(M(boost::hana::at_c<K>(p), width)...);
  }
};
template <class Slot>
struct models_of;
template <class... M>
struct models_of<with::model<M...>> {
  using type = model_list<M...>;
};

}  // namespace detail

/// A strategy composed of one policy per role (see the file comment). Holds the params; the
/// per-run state lives in backtest::strategy_state (alpha/backtest/run.hpp).
template <class... Slots>
class strategy {
  static constexpr bool slots_ok = detail::check_slots<Slots...>();

  using features_slot =
      typename detail::find_slot<with::features, with::features<>, Slots...>::type;
  using model_slot = typename detail::find_slot<with::model, with::model<>, Slots...>::type;
  using labeler_slot = typename detail::find_slot<with::labeler, with::labeler<>, Slots...>::type;
  using normaliser_slot =
      typename detail::find_slot<with::normaliser, with::normaliser<combine::zscore_normaliser>,
                                 Slots...>::type;
  using combiner_slot =
      typename detail::find_slot<with::combiner, with::combiner<combine::fixed_weight>,
                                 Slots...>::type;
  using calibrator_slot =
      typename detail::find_slot<with::calibrator, with::calibrator<models::identity_calibrator>,
                                 Slots...>::type;
  using sizer_slot = typename detail::find_slot<with::sizer, with::sizer<>, Slots...>::type;
  using costs_slot = typename detail::find_slot<with::costs, with::costs<>, Slots...>::type;
  using risk_slot =
      typename detail::find_slot<with::risk, with::risk<backtest::no_risk_control>, Slots...>::type;

  static_assert(!slots_ok || detail::slot_args<model_slot>::count >= 1,
                "alpha: model stage: with::model<> is empty: give at least one model; see "
                "docs/strategy.md#model");
  static_assert(!slots_ok || detail::slot_args<sizer_slot>::count == 1,
                "alpha: sizer stage: with::sizer<S> takes exactly one policy; see "
                "docs/strategy.md#sizer");
  static_assert(!slots_ok || detail::slot_args<costs_slot>::count == 1,
                "alpha: costs stage: with::costs<C> takes exactly one policy; see "
                "docs/strategy.md#costs");
  static_assert(detail::slot_args<labeler_slot>::count <= 1 &&
                    detail::slot_args<normaliser_slot>::count == 1 &&
                    detail::slot_args<combiner_slot>::count == 1 &&
                    detail::slot_args<calibrator_slot>::count == 1 &&
                    detail::slot_args<risk_slot>::count == 1,
                "alpha: strategy: with::labeler, with::normaliser, with::combiner, "
                "with::calibrator and with::risk take exactly one policy each; see "
                "docs/strategy.md#slots");

 public:
  using features_type = typename detail::resolve_features<features_slot>::type;
  using model_list = typename detail::models_of<model_slot>::type;
  using labeler_type = detail::single_policy<labeler_slot>;
  using normaliser_type = detail::single_policy<normaliser_slot>;
  using combiner_type = detail::single_policy<combiner_slot>;
  using calibrator_type = detail::single_policy<calibrator_slot>;
  using sizer_type = detail::single_policy<sizer_slot>;
  using costs_type = detail::single_policy<costs_slot>;
  using risk_type = detail::single_policy<risk_slot>;
  static constexpr bool has_labeler = !std::is_void_v<labeler_type>;

 private:
 private:
  // Each check's static_assert fires here, at class instantiation, before any use of the
  // policies' members (so the first error a user sees is the one naming the stage).
  static_assert(detail::check_features_slot<features_slot>::value);
  static_assert([]<class... M>(with::model<M...>*) {
    return (detail::check_model<M>() && ...);
  }(static_cast<model_slot*>(nullptr)));
  static_assert(!model_list::any_trained || has_labeler,
                "alpha: labeler stage: the strategy's model is trained but no with::labeler<L> "
                "slot says what it learns; see docs/strategy.md#labeler");
  static_assert([] {
    if constexpr (has_labeler)
      return detail::check_labeler<labeler_type>();
    else
      return true;
  }());
  static_assert(detail::check_normaliser<normaliser_type>());
  static_assert(detail::check_combiner<combiner_type>());
  static_assert(detail::check_calibrator<calibrator_type>());
  static_assert(detail::check_sizer<sizer_type>());
  static_assert(detail::check_costs<costs_type>());
  static_assert(detail::check_risk<risk_type>());

  using labeler_params_t =
      typename std::conditional_t<has_labeler, labeler_type, backtest::no_labeler>::params;

 public:
  using features_params = typename features_type::params;
  using model_params = typename model_list::params;
  using labeler_params = labeler_params_t;
  using normaliser_params = typename normaliser_type::params;
  using combiner_params = typename combiner_type::params;
  using calibrator_params = typename calibrator_type::params;
  using sizer_params = typename sizer_type::params;
  using costs_params = typename costs_type::params;
  using risk_params = typename risk_type::params;
  using walk_forward_params = backtest::walk_forward_params;

  /// Every tunable number of every policy, one field per slot (reflected).
  struct params {
    BOOST_HANA_DEFINE_STRUCT(params, (features_params, features), (labeler_params, labeler),
                             (model_params, model), (normaliser_params, normaliser),
                             (combiner_params, combiner), (calibrator_params, calibrator),
                             (sizer_params, sizer), (costs_params, costs), (risk_params, risk),
                             (walk_forward_params, walk_forward));
  };

  /// A strategy with the given params (defaults: each policy's defaults). Validates the
  /// schedule (config_error); the policies validate their own params when a run builds them.
  explicit strategy(params p = {}) : params_(std::move(p)) {
    if (params_.walk_forward.refit_every == 0)
      throw config_error("walk_forward.refit_every", "must be >= 1");
  }

  /// The strategy's type written out, e.g. "alpha::strategy<alpha::with::features<...>, ...>"
  /// (from the compiler's function signature; for reports).
  [[nodiscard]] static std::string type_name() {
    std::string name(detail::type_name<strategy>());
    for (std::size_t at = name.find("::v0::"); at != std::string::npos;
         at = name.find("::v0::", at))
      name.erase(at, 4);
    return name;
  }

  [[nodiscard]] const params& parameters() const noexcept { return params_; }
  [[nodiscard]] params& parameters() noexcept { return params_; }

  /// Names of the feature columns, e.g. "rsi[period=14]". O(width).
  [[nodiscard]] std::vector<std::string> feature_names() const {
    return features_type::names(params_.features);
  }

 private:
  params params_;
};

ALPHA_END_NAMESPACE
