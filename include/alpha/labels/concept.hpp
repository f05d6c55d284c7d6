/// @file
/// The contract of labelers (alpha::labels): what a model is trained to predict.
///
/// A labeler turns each asset's bars into one label per bar. The label of bar s looks forward
/// (e.g. the return from close s to close s + h) and is therefore only *known* after bar
/// s + horizon(): the streaming form returns it exactly then, never earlier, which is how the
/// strategy keeps labels from leaking into decisions (a row (features at s, label of s) enters
/// training at bar s + horizon()).
///
/// Customization points (members):
///   - `using params = ...;` reflected aggregate; `explicit L(const params&)` validates it
///   - `std::size_t horizon() const`  bars after which a label is known (>= 1)
///   - `double update(const alpha::bar& b)`  feed bar t of one asset; returns the label of bar
///     t - horizon() (NaN while t < horizon() or when undefined, e.g. a NaN price)
///   - `void reset()`
///   - `static void batch(const params&, const alpha::bar_series&, std::span<double> out)`
///     out[s] = label of bar s (NaN for the last horizon() bars); must equal the streaming
///     labels bit for bit (out[s] == value returned by update() at bar s + horizon()).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/ohlcv.hpp"

#include <concepts>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace labels {

/// Has a nested params aggregate and is constructible from it.
template <class L>
concept LabelerParams = requires {
  typename L::params;
}
&&std::constructible_from<L, const typename L::params&>;

/// States after how many bars its labels are known.
template <class L>
concept LabelerHorizon = requires(const L& l) {
  { l.horizon() } -> std::convertible_to<std::size_t>;
};

/// Streaming form: one bar in, the label that just became known out.
template <class L>
concept LabelerStreaming = requires(L& l, const bar& b) {
  { l.update(b) } -> std::convertible_to<double>;
  l.reset();
};

/// Batch form over one asset's bars.
template <class L>
concept LabelerBatch = requires(const typename L::params& p, const bar_series& s,
                                std::span<double> out) {
  L::batch(p, s, out);
};

/// A labeler: all of the above.
template <class L>
concept Labeler = LabelerParams<L> && LabelerHorizon<L> && LabelerStreaming<L> && LabelerBatch<L>;

}  // namespace labels
ALPHA_END_NAMESPACE
