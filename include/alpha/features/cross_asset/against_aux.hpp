/// @file
/// alpha::features::against_aux<P>: a cross-asset pair feature as an OHLCV-bar indicator whose
/// benchmark is the bar's auxiliary input (bar::aux, ohlcv_panel::set_aux).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/features/cross_asset/concept.hpp"
#include "alpha/features/ta/concept.hpp"

#include <cstddef>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Adapts pair feature P (asset vs benchmark) to the BarIndicator contract: update(bar) feeds
/// P with (bar.close, bar.aux), so a benchmark series placed in the panel's auxiliary field
/// makes P usable wherever indicators are (features::run, feature sets). Same params, outputs,
/// lookback, NaN rule (a bar with a NaN close or aux is skipped) and complexity as P.
/// features::run over bars without an auxiliary field is a shape_error naming "aux" (the
/// missing benchmark).
/// @test tests/features_ts/cross_book_test.cpp (equals run_pair; missing aux)
template <PairIndicator P>
class against_aux {
 public:
  using params = typename P::params;
  static constexpr auto output_names = P::output_names;
  static constexpr input_fields inputs = input_fields::close | input_fields::aux;

  explicit against_aux(const params& p) : f_(p) {}

  /// Pushes the next bar: asset price = close, benchmark price = aux.
  void update(const bar& b) noexcept { f_.update(b.close, b.aux); }
  [[nodiscard]] auto value() const noexcept { return f_.value(); }
  [[nodiscard]] bool ready() const noexcept { return f_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return f_.lookback(); }
  void reset() noexcept { f_.reset(); }

 private:
  P f_;
};

}  // namespace features
ALPHA_END_NAMESPACE
