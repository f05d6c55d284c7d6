/// @file
/// alpha::metrics::deflated_sharpe_ratio (Bailey and Lopez de Prado 2014, "The Deflated Sharpe
/// Ratio: Correcting for Selection Bias, Backtest Overfitting and Non-Normality", Journal of
/// Portfolio Management 40(5)): the probabilistic Sharpe ratio of the selected strategy against
/// the Sharpe ratio expected from the best of N skill-less trials.
///
/// Conventions (docs/overfitting.md): every Sharpe ratio and every variance of Sharpe ratios is
/// PER PERIOD, NOT annualised (an annualised SR divides by sqrt(A), its variance by A, for A
/// periods per year); kurtosis is RAW (normal = 3) and carried by alpha::metrics::kurtosis.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/overfitting_math.hpp"
#include "alpha/metrics/probabilistic_sharpe.hpp"

#include <cmath>
#include <cstddef>
#include <numbers>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Euler-Mascheroni constant gamma.
inline constexpr double euler_mascheroni = 0.57721566490153286061;

/// The deflated Sharpe ratio and the benchmark it was measured against.
struct deflated_sharpe {
  double probability = nan;            ///< DSR = PSR(SR0), in [0, 1]
  double benchmark_sharpe = nan;       ///< SR0, per period (expected maximum SR of the trials)
  std::size_t trials = 0;              ///< N
  double trial_sharpe_variance = nan;  ///< V[SR_n] used, per period
};

/// Expected maximum of N zero-mean Sharpe ratio estimates with variance V (per period):
///   SR0 = sqrt(V) ((1 - gamma) Phi^{-1}(1 - 1/N) + gamma Phi^{-1}(1 - 1/(N e))),
/// gamma = Euler-Mascheroni (an extreme-value approximation, accurate for N >> 1). For N = 1,
/// SR0 = 0 (the mean of one draw). Throws config_error if N == 0 or V is negative or not
/// finite. O(1).
[[nodiscard]] inline double expected_maximum_sharpe(std::size_t trials,
                                                    double trial_sharpe_variance) {
  if (trials == 0) throw config_error("trials", "must be >= 1, got 0");
  if (!std::isfinite(trial_sharpe_variance) || trial_sharpe_variance < 0.0)
    throw config_error("trial_sharpe_variance",
                       "must be finite and >= 0, got " + std::to_string(trial_sharpe_variance));
  if (trials == 1) return 0.0;
  const double n = static_cast<double>(trials);
  const double z1 = ::alpha::detail::overfitting::normal_quantile(1.0 - 1.0 / n);
  const double z2 =
      ::alpha::detail::overfitting::normal_quantile(1.0 - 1.0 / (n * std::numbers::e));
  return std::sqrt(trial_sharpe_variance) * ((1.0 - euler_mascheroni) * z1 + euler_mascheroni * z2);
}

/// Variance of the trials' Sharpe ratios, sum (SR_i - mean)^2 / (N - ddof); ddof 1 (sample
/// variance, the default) or 0 (population). Units follow the input: pass PER-PERIOD Sharpe
/// ratios. data_error on a non-finite Sharpe ratio (position named); config_error if
/// N <= ddof or ddof > 1. O(N).
[[nodiscard]] inline double trial_sharpe_variance(std::span<const double> trial_sharpes,
                                                  std::size_t ddof = 1) {
  if (ddof > 1) throw config_error("ddof", "must be 0 or 1, got " + std::to_string(ddof));
  if (trial_sharpes.size() <= ddof)
    throw config_error("trial_sharpes", "needs more than " + std::to_string(ddof) +
                                            " value(s), got " +
                                            std::to_string(trial_sharpes.size()));
  double sum = 0.0;
  for (std::size_t i = 0; i < trial_sharpes.size(); ++i) {
    if (!std::isfinite(trial_sharpes[i]))
      throw data_error({}, "trial_sharpes: value at position " + std::to_string(i) +
                               " is not finite (" + std::to_string(trial_sharpes[i]) + ")");
    sum += trial_sharpes[i];
  }
  const double n = static_cast<double>(trial_sharpes.size());
  const double mean = sum / n;
  double ss = 0.0;
  for (const double s : trial_sharpes) ss += (s - mean) * (s - mean);
  return ss / (n - static_cast<double>(ddof));
}

/// DSR from the selected strategy's moments: PSR(SR0) with SR0 = expected_maximum_sharpe(N, V),
/// i.e. Phi((SR^ - SR0) sqrt(T - 1) / sqrt(1 - gamma_3 SR^ + (gamma_4 - 1)/4 SR^2)), where
/// SR^, T = selected.observations, gamma_3 and the RAW gamma_4 are the selected strategy's.
/// `trial_sharpe_variance` is V[SR_n] of the N trials, per period (not annualised).
/// Throws config_error as expected_maximum_sharpe and probabilistic_sharpe_ratio. O(1).
[[nodiscard]] inline deflated_sharpe deflated_sharpe_ratio(const sharpe_moments& selected,
                                                           std::size_t trials,
                                                           double trial_sharpe_variance) {
  const double sr0 = expected_maximum_sharpe(trials, trial_sharpe_variance);
  return {probabilistic_sharpe_ratio(selected, sr0), sr0, trials, trial_sharpe_variance};
}

/// DSR of the selected strategy's per-period returns (moments by sample_sharpe_moments: sample
/// stdev, population skewness and RAW kurtosis, NaN dropped) against N = trial_sharpes.size()
/// trials whose per-period Sharpe ratios are `trial_sharpes` (the selected one included);
/// V[SR_n] is their sample variance (ddof 1). O(T + N).
[[nodiscard]] inline deflated_sharpe deflated_sharpe_ratio(std::span<const double> selected_returns,
                                                           std::span<const double> trial_sharpes) {
  const double v = trial_sharpe_variance(trial_sharpes, 1);
  return deflated_sharpe_ratio(sample_sharpe_moments(selected_returns), trial_sharpes.size(), v);
}

}  // namespace metrics
ALPHA_END_NAMESPACE
