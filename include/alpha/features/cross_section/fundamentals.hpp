/// @file
/// Fundamental features of source design S0: every field of a fundamentals set joined
/// point-in-time onto a panel's calendar and assets, then z-scored cross-sectionally per date.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/data/point_in_time.hpp"
#include "alpha/data/read_fundamentals.hpp"
#include "alpha/features/cross_section/standardise.hpp"

#include <cstddef>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features::cross_section {

/// One fundamental field as features: the point-in-time values, their cross-sectional z-scores
/// and the join's report.
struct fundamental_feature {
  std::string field;
  panel<double> values;  ///< as-of values (data::point_in_time)
  panel<double> zscore;  ///< zscore(values) per date
  data::point_in_time_report report;
};

/// For every field of `f` (sorted by name): data::point_in_time() onto the calendar and assets
/// of `like`, then zscore() per date (see both for the NaN, staleness and before-start rules).
/// Look-ahead: none (each date's z-score uses values available at that date only).
/// Complexity: O(F (R_f log T + T N)) for F fields.
/// @test tests/cross_section/fundamentals_test.cpp
template <class T>
[[nodiscard]] std::vector<fundamental_feature> fundamental_zscores(
    const data::fundamentals& f, const panel<T>& like, const data::point_in_time_options& join = {},
    const zscore_params& z = {}) {
  std::vector<fundamental_feature> out;
  out.reserve(f.fields().size());
  for (const std::string& field : f.fields()) {
    data::point_in_time_panel p = data::point_in_time(f, field, like, join);
    panel<double> zs = zscore(p.values, z);
    out.push_back({field, std::move(p.values), std::move(zs), std::move(p.report)});
  }
  return out;
}

}  // namespace features::cross_section
ALPHA_END_NAMESPACE
