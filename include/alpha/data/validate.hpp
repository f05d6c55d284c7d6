/// @file
/// alpha::data::validate(): checks an already-loaded OHLCV or close-price panel against a
/// validation_policy, repairing/dropping in place and returning the report.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/data/validation.hpp"
#include "alpha/detail/validate_bars.hpp"

#include <utility>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// Validates the bars of `px` against `policy` (see docs/data.md, "Validation").
///
/// Rules checked, per asset, inside its active range (first to last bar holding any value):
/// missing_value (a NaN field in a bar that has other values), non_finite, non_positive_price
/// (open/high/low/close/vwap <= 0), negative_volume, high_below_open_close,
/// low_above_open_close, calendar_gap (a bar whose every field is NaN) and outlier_return. A
/// field that is NaN in every cell of the panel (e.g. the volume of data without volume) is
/// treated as absent and not checked. Leading/trailing NaN bars (before listing, after
/// delisting) are not problems. `drop` blanks the bar to NaN; the calendar never changes.
///
/// Strong guarantee: works on a copy and commits only on success. Throws validation_error (after
/// the whole panel has been scanned) if a problem's action is `error`, config_error for an
/// unusable policy. O(T * N) plus O(T log T) per asset for the outlier rule.
/// @test tests/data/validation_test.cpp (Validate.*)
inline validation_report validate(ohlcv_panel& px, const validation_policy& policy = {}) {
  policy.check();
  ohlcv_panel work = px;
  detail::bar_input in;
  in.index = &work.index();
  in.assets = &work.assets();
  const auto use = [](panel<double>::array_type& a) -> panel<double>::array_type* {
    return a.isNaN().all() ? nullptr : &a;
  };
  in.fields[detail::f_open] = use(work.open_values());
  in.fields[detail::f_high] = use(work.high_values());
  in.fields[detail::f_low] = use(work.low_values());
  in.fields[detail::f_close] = use(work.close_values());
  in.fields[detail::f_volume] = use(work.volume_values());
  if (work.has_vwap()) in.fields[detail::f_vwap] = use(work.vwap_values());
  validation_report report;
  (void)detail::validate_bars(in, policy, report);
  detail::throw_if_errors(report);
  px = std::move(work);
  return report;
}

/// Validates a close-price panel (one value per asset and date), as `validate(ohlcv_panel&)`
/// does with only the close field: non_finite, non_positive_price, calendar_gap (a NaN inside the
/// asset's active range), outlier_return. Same guarantees and complexity.
inline validation_report validate(panel<double>& closes, const validation_policy& policy = {}) {
  policy.check();
  panel<double> work = closes;
  detail::bar_input in;
  in.index = &work.index();
  in.assets = &work.assets();
  in.fields[detail::f_close] = &work.values();
  validation_report report;
  (void)detail::validate_bars(in, policy, report);
  detail::throw_if_errors(report);
  closes = std::move(work);
  return report;
}

}  // namespace data
ALPHA_END_NAMESPACE
