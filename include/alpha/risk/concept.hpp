/// @file
/// The contract of risk controls (alpha::risk): an optional last word on target weights.
///
/// Customization points (members):
///   - `using params`; `R(const params&, std::size_t assets)`
///   - `void apply(std::span<double> target, const risk_context&)` may shrink, clamp or zero
///     targets (never increase gross exposure), with data up to the decision bar only
///   - `void reset()`
#pragma once

#include "alpha/config.hpp"

#include <concepts>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace risk {

/// What a risk control may look at, at decision bar t.
struct risk_context {
  std::size_t bar = 0;
  double equity = 0.0;       ///< portfolio value at close t
  double peak_equity = 0.0;  ///< highest equity so far
  std::span<const double> current_weights = {};
};

/// A risk control.
template <class R>
concept RiskControl = requires {
  typename R::params;
}
&&std::constructible_from<R, const typename R::params&, std::size_t>&& requires(
    R& r, std::span<double> w, const risk_context& ctx) {
  r.apply(w, ctx);
  r.reset();
};

}  // namespace risk
ALPHA_END_NAMESPACE
