/// @file
/// alpha::features::aux_input: the bar's auxiliary input as a feature (an external signal or a
/// point-in-time fundamental placed in ohlcv_panel::set_aux).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/params.hpp"
#include "alpha/features/ta/concept.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// The auxiliary input of each bar (`bar::aux`), passed through: value at t = aux_t, known at the
/// close of t like any other field. Lookback 0; NaN in, NaN out. A run over bars without an
/// auxiliary field is a shape_error naming "aux" (features::run's field check).
/// Complexity: O(1) per update; the batch form is a copy.
class aux_input {
 public:
  struct params {};
  static constexpr std::array<std::string_view, 1> output_names{"aux"};
  static constexpr input_fields inputs = input_fields::aux;

  explicit aux_input(const params& = {}) noexcept {}
  void update(const bar& b) noexcept { x_ = b.aux; }
  [[nodiscard]] double value() const noexcept { return x_; }
  [[nodiscard]] bool ready() const noexcept { return true; }
  [[nodiscard]] std::size_t lookback() const noexcept { return 0; }
  void reset() noexcept { x_ = nan; }

  /// Batch form: a copy of the auxiliary series.
  static void batch(const params&, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    std::copy(in.aux.begin(), in.aux.end(), out[0].begin());
  }

 private:
  double x_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::features::aux_input::params);
