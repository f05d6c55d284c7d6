/// @file
/// The contract of normalisers and combiners (alpha::combine).
///
/// A normaliser maps one model's raw cross-sectional predictions to a signal (score in [-1, 1],
/// confidence in [0, 1]); a combiner merges the signals of several sources into one.
///
/// Customization points (members):
///   - normaliser: `using params`; `explicit N(const params&)`;
///     `void normalise(std::span<const double> raw, signal_buffer& out) const` (NaN raw -> NaN
///     score, zero confidence; out has raw.size() entries)
///   - combiner: `using params`; `explicit C(const params&)`;
///     `void combine(std::span<const signal_slice> inputs, signal_buffer& out) const`
///     (one input per source, all of the same length; an asset with no finite input score gets
///     a NaN score)
#pragma once

#include "alpha/combine/signal.hpp"
#include "alpha/config.hpp"

#include <concepts>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace combine {

/// Maps raw predictions to a signal.
template <class N>
concept Normaliser = requires {
  typename N::params;
}
&&std::constructible_from<N, const typename N::params&>&& requires(const N& n,
                                                                   std::span<const double> raw,
                                                                   signal_buffer& out) {
  n.normalise(raw, out);
};

/// Merges several signals into one.
template <class C>
concept Combiner = requires {
  typename C::params;
}
&&std::constructible_from<C, const typename C::params&>&& requires(const C& c,
                                                                   std::span<const signal_slice> in,
                                                                   signal_buffer& out) {
  c.combine(in, out);
};

}  // namespace combine
ALPHA_END_NAMESPACE
