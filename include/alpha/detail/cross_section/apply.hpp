/// @file
/// Internal glue of the cross-sectional transforms: parameter checks and the copying/in-place
/// entry points over the row engine.
// IWYU pragma: private, include "alpha/features/cross_section.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/detail/cross_section/rows.hpp"

#include <cmath>
#include <cstddef>
#include <string>
#include <utility>

ALPHA_BEGIN_NAMESPACE
namespace detail::xs {

/// config_error unless min_count >= floor (the transform needs that many values per date).
inline void check_min_count(std::size_t min_count, std::size_t floor, const char* transform) {
  if (min_count < floor)
    throw config_error("min_count", std::string(transform) +
                                        ": min_count must be >= " + std::to_string(floor) +
                                        ", got " + std::to_string(min_count));
}

/// config_error unless `v` is finite and in [lo, hi].
inline void check_range(double v, double lo, double hi, const char* parameter,
                        const char* transform) {
  if (!(std::isfinite(v) && v >= lo && v <= hi))
    throw config_error(parameter, std::string(transform) + ": must be a finite number in [" +
                                      std::to_string(lo) + ", " + std::to_string(hi) + "], got " +
                                      std::to_string(v));
}

/// Runs a per-row kernel (made by `make`) over `x` in place.
template <class Make>
void in_place(panel<double>& x, bool parallel, Make&& make) {
  for_each_row(x.values(), x.values(), parallel, [&] {
    auto kernel = make();
    return [kernel](std::size_t, std::span<double> row, std::span<const double* const>) mutable {
      kernel(row);
    };
  });
}

/// Runs a per-row kernel over a copy of `x` and returns it (same calendar and assets).
template <class Make>
[[nodiscard]] panel<double> copied(const panel<double>& x, bool parallel, Make&& make) {
  panel<double> out(x.shared_index(), x.shared_assets(),
                    panel<double>::array_type(x.values().rows(), x.values().cols()));
  for_each_row(x.values(), out.values(), parallel, [&] {
    auto kernel = make();
    return [kernel](std::size_t, std::span<double> row, std::span<const double* const>) mutable {
      kernel(row);
    };
  });
  return out;
}

}  // namespace detail::xs
ALPHA_END_NAMESPACE
