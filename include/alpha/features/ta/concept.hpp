/// @file
/// The contract of technical indicators (alpha::features), as C++20 concepts.
///
/// Customization points (members, found by the concepts below):
///   - `using params = ...;`  nested aggregate of tunable numbers; `explicit I(const params&)`
///     validates them (config_error naming the parameter)
///   - `static constexpr std::array<std::string_view, K> output_names`  one name per output
///     (`{"macd", "signal", "histogram"}`); K >= 1
///   - `void update(double x)` for indicators of one series (close by default), or
///     `void update(const alpha::bar& b)` for indicators of OHLCV bars (which fields they read is
///     stated by `static constexpr input_fields inputs`)
///   - `value()`: `double` when K == 1, else `std::array<double, K>` in output_names order; NaN
///     while warming up
///   - `bool ready() const`, `std::size_t lookback() const` (outputs 0..lookback()-1 are NaN on a
///     NaN-free input; TA-Lib's convention), `void reset()`
///   - optional fast kernel: `static void batch(const params&, const series_input&,
///     const std::array<std::span<double>, K>&)`, bit-equal to streaming unless documented.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/ohlcv.hpp"

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Bit set of the OHLCV fields an indicator reads.
enum class input_fields : std::uint8_t {
  none = 0,
  open = 1,
  high = 2,
  low = 4,
  close = 8,
  volume = 16,
  aux = 32,  ///< bar::aux, the auxiliary input (ohlcv_panel::set_aux)
  hlc = high | low | close,
  hlcv = high | low | close | volume,
  ohlc = open | high | low | close,
  ohlcv = open | high | low | close | volume,
};
[[nodiscard]] constexpr input_fields operator|(input_fields a, input_fields b) noexcept {
  return static_cast<input_fields>(static_cast<std::uint8_t>(a) | static_cast<std::uint8_t>(b));
}
[[nodiscard]] constexpr bool has(input_fields set, input_fields f) noexcept {
  return (static_cast<std::uint8_t>(set) & static_cast<std::uint8_t>(f)) != 0;
}

/// The input series of a batch run: contiguous, equal-length spans (empty when not given).
/// `close` doubles as "the series" for one-series indicators (pass any series there).
struct series_input {
  std::span<const double> open, high, low, close, volume;
  std::span<const double> aux;  ///< empty when the bars have no auxiliary field

  /// From one asset's bars. O(1).
  [[nodiscard]] static series_input from(const bar_series& b) noexcept {
    return {b.open(), b.high(), b.low(), b.close(), b.volume(), b.aux()};
  }
  /// One series (e.g. closes) for one-series indicators. O(1).
  [[nodiscard]] static series_input from(std::span<const double> x) noexcept {
    series_input in;
    in.close = x;
    return in;
  }
};

/// Has a nested params aggregate and is constructible from it.
template <class I>
concept IndicatorParams = requires {
  typename I::params;
}
&&std::constructible_from<I, const typename I::params&>;

/// Names its outputs.
template <class I>
concept NamedOutputs = requires {
  { I::output_names.size() } -> std::convertible_to<std::size_t>;
  { I::output_names[0] } -> std::convertible_to<std::string_view>;
}
&&(I::output_names.size() >= 1);

/// Has warm-up, readiness and reset like every streaming object of alpha.
template <class I>
concept IndicatorState = requires(I& i, const I& ci) {
  { ci.lookback() } -> std::convertible_to<std::size_t>;
  { ci.ready() } -> std::convertible_to<bool>;
  i.reset();
};

/// Reads one series, one value per update.
template <class I>
concept SeriesIndicator = IndicatorParams<I> && NamedOutputs<I> && IndicatorState<I> &&
    requires(I& i, double x) {
  i.update(x);
};

/// Reads OHLCV bars, one bar per update, declaring which fields it uses.
template <class I>
concept BarIndicator = IndicatorParams<I> && NamedOutputs<I> && IndicatorState<I> &&
    requires(I& i, const bar& b) {
  i.update(b);
  { I::inputs } -> std::convertible_to<input_fields>;
};

/// Any technical indicator.
template <class I>
concept Indicator = SeriesIndicator<I> || BarIndicator<I>;

/// Number of outputs of an indicator.
template <Indicator I>
inline constexpr std::size_t output_count = I::output_names.size();

}  // namespace features
ALPHA_END_NAMESPACE
