/// @file
/// The contract of cost models (alpha::costs): the cost of one trade, in currency.
///
/// Engines call `cost()` once per fill with what is known at the fill: the signed traded value
/// and the asset's liquidity measured on data up to the decision bar (daily volatility of close
/// to close returns and average daily traded value, both over the engine's liquidity window).
///
/// Customization points (members):
///   - `using params`; `explicit C(const params&)` validates params
///   - `double cost(const trade_context&) const`  >= 0, in the same currency as the values
#pragma once

#include "alpha/config.hpp"

#include <concepts>
#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace costs {

/// One fill as a cost model sees it.
struct trade_context {
  std::size_t asset = 0;      ///< column of the asset
  double traded_value = 0.0;  ///< signed quantity x fill price (> 0 buy, < 0 sell)
  double price = 0.0;         ///< fill price
  double daily_vol = 0.0;     ///< std of daily simple returns (ddof 1); NaN when unknown
  double adv = 0.0;           ///< average daily traded value (close x volume); NaN when unknown
  double equity = 0.0;        ///< portfolio value before the fill
};

/// A cost model.
template <class C>
concept CostModel = requires {
  typename C::params;
}
&&std::constructible_from<C, const typename C::params&>&& requires(const C& c,
                                                                   const trade_context& t) {
  { c.cost(t) } -> std::convertible_to<double>;
};

}  // namespace costs
ALPHA_END_NAMESPACE
