/// @file
/// MacKinnon's response-surface coefficients for the Dickey-Fuller tau statistic with one I(1)
/// series (N = 1), as published:
///   - p-values: MacKinnon, J.G. (1994), "Approximate asymptotic distribution functions for
///     unit-root and cointegration tests", Journal of Business & Economic Statistics 12(2),
///     167-176, Table 3 (tau_max, tau_min, tau_star and the small-p / large-p polynomials,
///     printed with scaled higher-order coefficients);
///   - critical values: MacKinnon, J.G. (2010), "Critical values for cointegration tests",
///     Queen's Economics Department Working Paper 1227, Table 2 (beta_inf, beta_1..beta_3 for
///     1 %, 5 %, 10 %); the no-constant case is MacKinnon (1996, Journal of Applied
///     Econometrics 11, Table 1), not re-estimated in 2010.
/// These are the numbers statsmodels' mackinnonp / mackinnoncrit use.
// IWYU pragma: private, include "alpha/features/stationarity/mackinnon.hpp"
#pragma once

#include "alpha/config.hpp"

#include <array>
#include <limits>

ALPHA_BEGIN_NAMESPACE
namespace detail::mackinnon {

/// The tables of one deterministic specification (no constant, constant, constant + trend).
struct tau_tables {
  double tau_max;                 ///< above it the p-value is 1
  double tau_min;                 ///< below it the p-value is 0
  double tau_star;                ///< small-p polynomial at or below it, large-p polynomial above
  std::array<double, 3> small_p;  ///< gamma_0..gamma_2 as printed (gamma_2 scaled by 100)
  std::array<double, 4> large_p;  ///< gamma_0..gamma_3 as printed (x10, x10, x100)
  std::array<std::array<double, 4>, 3> crit;  ///< 1 %, 5 %, 10 %: beta_inf, beta_1, beta_2, beta_3
};

/// The printed scalings: the coefficient used is the printed one times these.
inline constexpr std::array<double, 3> small_p_scale{1.0, 1.0, 1e-2};
inline constexpr std::array<double, 4> large_p_scale{1.0, 1e-1, 1e-1, 1e-2};

inline constexpr tau_tables no_constant{std::numeric_limits<double>::infinity(),
                                        -19.04,
                                        -1.04,
                                        {0.6344, 1.2378, 3.2496},
                                        {0.4797, 9.3557, -0.6999, 3.3066},
                                        {{{-2.56574, -2.2358, -3.627, 0.0},
                                          {-1.94100, -0.2686, -3.365, 31.223},
                                          {-1.61682, 0.2656, -2.714, 25.364}}}};

inline constexpr tau_tables constant{2.74,
                                     -18.83,
                                     -1.61,
                                     {2.1659, 1.4412, 3.8269},
                                     {1.7339, 9.3202, -1.2745, -1.0368},
                                     {{{-3.43035, -6.5393, -16.786, -79.433},
                                       {-2.86154, -2.8903, -4.234, -40.040},
                                       {-2.56677, -1.5384, -2.809, 0.0}}}};

inline constexpr tau_tables constant_trend{0.70,
                                           -16.18,
                                           -2.89,
                                           {3.2512, 1.6047, 4.9588},
                                           {2.5261, 6.1654, -3.7956, -6.0285},
                                           {{{-3.95877, -9.0531, -28.428, -134.155},
                                             {-3.41049, -4.3904, -9.036, -45.374},
                                             {-3.12705, -2.5856, -3.925, -22.380}}}};

}  // namespace detail::mackinnon
ALPHA_END_NAMESPACE
