/// @file
/// Batch driver of technical indicators: runs an indicator over whole series (its static `batch`
/// kernel when it has one, else the streaming interface), with the inputs checked.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/features/ta/concept.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

namespace detail {

template <class I>
concept HasIndicatorBatch = requires(const typename I::params& p, const series_input& in,
                                     const std::array<std::span<double>, output_count<I>>& out) {
  I::batch(p, in, out);
};

/// The fields an indicator reads.
template <Indicator I>
constexpr input_fields fields_read() noexcept {
  if constexpr (BarIndicator<I>)
    return I::inputs;
  else
    return input_fields::close;
}

/// Length of the run: the length of the fields the indicator reads, which must all be equal
/// (shape_error naming the field otherwise, e.g. a missing high for a high/low indicator).
template <Indicator I>
std::size_t checked_length(const series_input& in) {
  constexpr input_fields need = fields_read<I>();
  const std::array<std::pair<input_fields, std::span<const double>>, 6> fields{
      {{input_fields::open, in.open},
       {input_fields::high, in.high},
       {input_fields::low, in.low},
       {input_fields::close, in.close},
       {input_fields::volume, in.volume},
       {input_fields::aux, in.aux}}};
  constexpr std::array<const char*, 6> names{"open", "high", "low", "close", "volume", "aux"};
  std::size_t n = 0, first = fields.size();
  for (std::size_t f = 0; f < fields.size(); ++f)
    if (has(need, fields[f].first) && first == fields.size()) {
      first = f;
      n = fields[f].second.size();
    }
  for (std::size_t f = 0; f < fields.size(); ++f)
    if (has(need, fields[f].first) && fields[f].second.size() != n)
      throw shape_error(std::string("indicator '") + std::string(I::output_names[0]) +
                        "': input '" + names[f] + "' has " +
                        std::to_string(fields[f].second.size()) + " values but '" + names[first] +
                        "' has " + std::to_string(n) +
                        (fields[f].second.empty() ? " (is the field missing?)" : ""));
  return n;
}

}  // namespace detail

/// Runs indicator I over `in`, writing output k of bar t into `out[k][t]`. Every output span
/// must have the input's length; every field the indicator reads must be present with that
/// length (shape_error otherwise). A non-empty input no longer than the indicator's warm-up
/// (n <= lookback(): every output would be NaN) is a config_error naming the indicator.
/// O(n) times the per-bar cost.
template <Indicator I>
void run(const typename I::params& p, const series_input& in,
         const std::array<std::span<double>, output_count<I>>& out) {
  const std::size_t n = detail::checked_length<I>(in);
  for (std::size_t k = 0; k < out.size(); ++k)
    if (out[k].size() != n)
      throw shape_error(std::string("indicator output '") + std::string(I::output_names[k]) +
                        "' has " + std::to_string(out[k].size()) + " slots, expected " +
                        std::to_string(n));
  if (n != 0) {
    const std::size_t warm_up = I(p).lookback();
    if (n <= warm_up)
      throw config_error(std::string(I::output_names[0]),
                         "the series has " + std::to_string(n) + " bars but the indicator needs " +
                             std::to_string(warm_up + 1) + " for its first output (lookback " +
                             std::to_string(warm_up) + "): every output would be NaN");
  }
  if constexpr (detail::HasIndicatorBatch<I>) {
    I::batch(p, in, out);
  } else {
    I ind(p);
    constexpr input_fields need = detail::fields_read<I>();
    for (std::size_t t = 0; t < n; ++t) {
      if constexpr (BarIndicator<I>) {
        bar b;
        if constexpr (has(need, input_fields::open)) b.open = in.open[t];
        if constexpr (has(need, input_fields::high)) b.high = in.high[t];
        if constexpr (has(need, input_fields::low)) b.low = in.low[t];
        if constexpr (has(need, input_fields::close)) b.close = in.close[t];
        if constexpr (has(need, input_fields::volume)) b.volume = in.volume[t];
        if constexpr (has(need, input_fields::aux)) b.aux = in.aux[t];
        ind.update(b);
      } else {
        ind.update(in.close[t]);
      }
      if constexpr (output_count<I> == 1) {
        out[0][t] = ind.value();
      } else {
        const auto v = ind.value();
        for (std::size_t k = 0; k < output_count<I>; ++k) out[k][t] = v[k];
      }
    }
  }
}

/// Runs indicator I and returns its outputs, one vector per output (in output_names order).
template <Indicator I>
[[nodiscard]] std::array<std::vector<double>, output_count<I>> run(const typename I::params& p,
                                                                   const series_input& in) {
  const std::size_t n = detail::checked_length<I>(in);
  std::array<std::vector<double>, output_count<I>> result;
  std::array<std::span<double>, output_count<I>> spans;
  for (std::size_t k = 0; k < output_count<I>; ++k) {
    result[k].assign(n, nan);
    spans[k] = result[k];
  }
  run<I>(p, in, spans);
  return result;
}

}  // namespace features
ALPHA_END_NAMESPACE
