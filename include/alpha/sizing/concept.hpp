/// @file
/// The contract of sizers (alpha::sizing): from a combined signal to target portfolio weights.
///
/// Weights are fractions of equity: +0.05 = long 5 % of equity, -0.05 short, 0 flat; gross
/// exposure = sum |w|. A sizer sees every bar through `observe()` (so volatility estimates are
/// warm before the first signal) and decides with data up to the decision bar only.
///
/// Customization points (members):
///   - `using params`; `S(const params&, std::size_t assets)` validates params
///   - `void observe(const sizing_context&)`  bar t's data (called once per bar, before size())
///   - `void size(const combine::signal_slice&, const sizing_context&, std::span<double> w)`
///     writes one target weight per asset (0 for a NaN score or an untradable asset)
///   - `std::size_t lookback() const`  bars of observe() before size() is meaningful
///   - `void reset()`
#pragma once

#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"

#include <concepts>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace sizing {

/// What a sizer may look at, at decision bar t (all spans have one entry per asset).
struct sizing_context {
  std::size_t bar = 0;                           ///< index of the decision bar t
  std::span<const double> close = {};            ///< close at t (NaN = no price)
  std::span<const double> returns = {};          ///< simple return close t-1 -> t (NaN at t = 0)
  std::span<const double> current_weights = {};  ///< weights held going into the decision
  double equity = 0.0;                           ///< portfolio value at close t
};

/// Has params; constructible from them and the number of assets.
template <class S>
concept SizerParams = requires {
  typename S::params;
}
&&std::constructible_from<S, const typename S::params&, std::size_t>;

/// Decides target weights.
template <class S>
concept SizerDecision = requires(S& s, const S& cs, const combine::signal_slice& sig,
                                 const sizing_context& ctx, std::span<double> w) {
  s.observe(ctx);
  s.size(sig, ctx, w);
  { cs.lookback() } -> std::convertible_to<std::size_t>;
  s.reset();
};

/// A sizer: both.
template <class S>
concept Sizer = SizerParams<S> && SizerDecision<S>;

}  // namespace sizing
ALPHA_END_NAMESPACE
