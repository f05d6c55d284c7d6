/// @file
/// The contract of rolling accumulators (alpha::rolling), as C++20 concepts.
///
/// Customization points (members, found by the concepts below):
///   - `using params = ...;`   nested aggregate of tunable numbers (window, min_periods, ...)
///   - `explicit A(const params&)` validates them (config_error naming the parameter)
///   - `void update(double x)` (one input) or `void update(double x, double y)` (two inputs)
///   - `double value() const`  current output; NaN while not ready
///   - `bool ready() const`    true once the output is defined
///   - `std::size_t lookback() const`  index of the first output that can be defined on a
///     series without NaN: outputs 0..lookback()-1 are NaN (TA-Lib's convention: window w -> w-1)
///   - `void reset()`          back to the freshly constructed state
#pragma once

#include "alpha/config.hpp"

#include <concepts>
#include <cstddef>

ALPHA_BEGIN_NAMESPACE

/// Has a nested params aggregate and is constructible from it.
template <class A>
concept HasParams = requires {
  typename A::params;
}
&&std::constructible_from<A, const typename A::params&>;

/// Has a warm-up length (`lookback()`: number of leading NaN outputs on a NaN-free series).
template <class A>
concept HasLookback = requires(const A& a) {
  { a.lookback() } -> std::convertible_to<std::size_t>;
};

/// Can be reset to its initial state.
template <class A>
concept Resettable = requires(A& a) {
  a.reset();
};

/// Produces a value, NaN until ready.
template <class A>
concept HasValue = requires(const A& a) {
  { a.value() } -> std::convertible_to<double>;
  { a.ready() } -> std::convertible_to<bool>;
};

/// A streaming accumulator of one input series.
template <class A>
concept StreamingAccumulator = HasParams<A> && HasLookback<A> && Resettable<A> && HasValue<A> &&
    requires(A& a, double x) {
  a.update(x);
};

/// A streaming accumulator of two aligned input series (covariance, correlation, beta...).
template <class A>
concept PairAccumulator = HasParams<A> && HasLookback<A> && Resettable<A> && HasValue<A> &&
    requires(A& a, double x, double y) {
  a.update(x, y);
};

ALPHA_END_NAMESPACE
