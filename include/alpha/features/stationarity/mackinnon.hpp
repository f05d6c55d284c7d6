/// @file
/// alpha::features::mackinnon_p and mackinnon_crit: p-values and critical values of the
/// (augmented) Dickey-Fuller tau statistic from MacKinnon's response surfaces.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/detail/stationarity/mackinnon_tables.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Deterministic terms of a Dickey-Fuller regression (statsmodels' `regression=`):
/// `n` none, `c` a constant, `ct` a constant and a linear trend.
enum class adf_regression { n, c, ct };

/// statsmodels' name of the specification: "n", "c" or "ct".
[[nodiscard]] constexpr const char* to_string(adf_regression r) noexcept {
  return r == adf_regression::n ? "n" : r == adf_regression::c ? "c" : "ct";
}

namespace detail {
[[nodiscard]] inline const ::alpha::detail::mackinnon::tau_tables& mackinnon_tables(
    adf_regression r) noexcept {
  namespace m = ::alpha::detail::mackinnon;
  return r == adf_regression::n   ? m::no_constant
         : r == adf_regression::c ? m::constant
                                  : m::constant_trend;
}
}  // namespace detail

/// MacKinnon (1994) approximate asymptotic p-value of a Dickey-Fuller tau statistic with one
/// I(1) series, as statsmodels' mackinnonp(stat, regression, N=1): 1 above tau_max, 0 below
/// tau_min, else Phi(g_0 + g_1 tau + g_2 tau^2 [+ g_3 tau^3]) with the small-p polynomial for
/// tau <= tau_star and the large-p one above (Phi the standard normal CDF, polynomial in Horner
/// form). A NaN statistic gives NaN. O(1).
[[nodiscard]] inline double mackinnon_p(double tau, adf_regression r) noexcept {
  namespace m = ::alpha::detail::mackinnon;
  const m::tau_tables& t = detail::mackinnon_tables(r);
  if (tau != tau) return tau;
  if (tau > t.tau_max) return 1.0;
  if (tau < t.tau_min) return 0.0;
  double z = 0.0;
  if (tau <= t.tau_star) {
    for (std::size_t k = t.small_p.size(); k-- > 0;)
      z = z * tau + t.small_p[k] * m::small_p_scale[k];
  } else {
    for (std::size_t k = t.large_p.size(); k-- > 0;)
      z = z * tau + t.large_p[k] * m::large_p_scale[k];
  }
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

/// MacKinnon (2010) finite-sample critical values at 1 %, 5 % and 10 % for a regression on
/// `nobs` observations, as statsmodels' mackinnoncrit(N=1, regression, nobs):
/// c(T) = beta_inf + beta_1 / T + beta_2 / T^2 + beta_3 / T^3 (Horner in 1/T); nobs = 0 gives the
/// asymptotic values beta_inf. O(1).
[[nodiscard]] inline std::array<double, 3> mackinnon_crit(adf_regression r, std::size_t nobs) {
  const auto& t = detail::mackinnon_tables(r);
  std::array<double, 3> out{};
  const double u = nobs == 0 ? 0.0 : 1.0 / static_cast<double>(nobs);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& b = t.crit[i];
    out[i] = nobs == 0 ? b[0] : ((b[3] * u + b[2]) * u + b[1]) * u + b[0];
  }
  return out;
}

}  // namespace features
ALPHA_END_NAMESPACE
