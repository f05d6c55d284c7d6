/// @file
/// Exponentially weighted statistics (alpha::rolling): pandas' `ewm` mean, variance and standard
/// deviation (adjust=True/False, span/halflife/alpha/com), and the SMA-seeded EMA and Wilder
/// smoothing of TA-Lib and TTR.
///
/// Customization points: none beyond the accumulator contract of rolling/concept.hpp.
///
/// Two families, two conventions:
///   - ewm_mean / ewm_var / ewm_std follow pandas 1.5 `Series.ewm(...)` to the operation: the
///     same recurrences as pandas' `ewm`/`ewmcov` kernels, so the outputs agree to the last bits.
///     Output from the first bar (no seed window), NaN until min_periods valid values.
///   - ema / wilder follow TA-Lib (default compatibility) and TTR: NaN for the first n-1 bars,
///     the simple mean of the first n values at bar n-1, then e += k (x - e) (TA-Lib's operation
///     order) with k = 2/(n+1) (ema) or 1/n (wilder, TTR `EMA(wilder=TRUE)`, the smoothing of
///     RSI, ATR and ADX).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Parameters of pandas-style exponentially weighted statistics. The decay is stored as the
/// centre of mass `com` (as pandas does); build it with a factory, one per pandas
/// parameterisation, each validating its own argument (config_error naming it):
///   from_span(s):      s >= 1,            com = (s - 1) / 2        (alpha = 2 / (s + 1))
///   from_halflife(h):  h > 0,             com = 1 / (1 - exp(log(0.5) / h)) - 1
///   from_alpha(a):     0 < a <= 1,        com = (1 - a) / a
///   from_com(c):       c >= 0,            com = c                  (alpha = 1 / (1 + c))
/// The smoothing factor is then alpha = 1 / (1 + com), computed like pandas.
struct ewm_params {
  /// Centre of mass (>= 0). NaN (the default) means "not set": the accumulators throw.
  double com = nan;
  /// pandas `adjust`: true = weights (1-alpha)^i normalised by their sum (the weighted mean of
  /// all past values); false = the recursion m_t = (1-alpha) m_{t-1} + alpha x_t, m_0 = x_0.
  bool adjust = true;
  /// pandas `ignore_na`: false (pandas' default) = the weights decay with the bars' absolute
  /// positions, NaN bars included; true = NaN bars are removed before weighting.
  bool ignore_na = false;
  /// Valid (non-NaN) values needed for an output; 0 and 1 both mean 1 (pandas clamps to 1).
  std::size_t min_periods = 0;
  /// Variance / std only: false (pandas' default) = bias-corrected, true = the plain weighted
  /// variance (pandas `var(bias=True)`).
  bool bias = false;

  /// pandas `span`: s >= 1.
  [[nodiscard]] static ewm_params from_span(double span) {
    if (!(span >= 1.0) || !std::isfinite(span))
      throw config_error("span", "must be a finite number >= 1 (got " + std::to_string(span) + ")");
    return with_com((span - 1) / 2);
  }
  /// pandas `halflife` (in bars): h > 0.
  [[nodiscard]] static ewm_params from_halflife(double halflife) {
    if (!(halflife > 0.0) || !std::isfinite(halflife))
      throw config_error("halflife",
                         "must be a finite number > 0 (got " + std::to_string(halflife) + ")");
    const double decay = 1 - std::exp(std::log(0.5) / halflife);
    return with_com(1 / decay - 1);
  }
  /// pandas `alpha`: 0 < a <= 1.
  [[nodiscard]] static ewm_params from_alpha(double alpha) {
    if (!(alpha > 0.0 && alpha <= 1.0))
      throw config_error("alpha",
                         "must satisfy 0 < alpha <= 1 (got " + std::to_string(alpha) + ")");
    return with_com((1 - alpha) / alpha);
  }
  /// pandas `com`: c >= 0.
  [[nodiscard]] static ewm_params from_com(double com) {
    if (!(com >= 0.0) || !std::isfinite(com))
      throw config_error("com", "must be a finite number >= 0 (got " + std::to_string(com) + ")");
    return with_com(com);
  }

  /// The smoothing factor alpha = 1 / (1 + com).
  [[nodiscard]] double alpha() const noexcept { return 1.0 / (1.0 + com); }

 private:
  [[nodiscard]] static ewm_params with_com(double c) {
    ewm_params p;
    p.com = c;
    return p;
  }
};

namespace detail {
inline void check_ewm(const ewm_params& p) {
  if (is_nan(p.com))
    throw config_error("com",
                       "not set: build ewm_params with from_span, from_halflife, "
                       "from_alpha or from_com");
  if (!(p.com >= 0.0) || !std::isfinite(p.com))
    throw config_error("com", "must be a finite number >= 0 (got " + std::to_string(p.com) + ")");
}
inline std::size_t ewm_min_periods(const ewm_params& p) noexcept {
  return p.min_periods < 1 ? 1 : p.min_periods;
}
}  // namespace detail

/// Exponentially weighted mean, pandas `ewm(com|span|halflife|alpha, min_periods, adjust,
/// ignore_na).mean()` (the same recurrence as pandas' kernel):
///   adjust=True:  m_t = sum_i w_i x_{t-i} / sum_i w_i, w_i = (1-alpha)^i over valid x;
///   adjust=False: m_0 = x_0, m_t = (1-alpha) m_{t-1} + alpha x_t.
/// NaN rule (ignore_na=False, pandas' default): a NaN bar leaves the mean unchanged (its output
/// repeats the previous mean) but still ages the older weights, i.e. weights follow absolute
/// positions; with ignore_na=True the NaN bar is simply skipped. Leading NaN bars: the mean
/// starts at the first valid value. Output NaN until min_periods valid values (>= 1) were seen.
/// Warm-up: lookback() = max(min_periods, 1) - 1 (0 by default: no warm-up). O(1) per update.
/// @test tests/rolling/ewm_test.cpp (Ewm.Mean*: pandas ewm span 20 adjust True/False on
///       ttrc/sp500/msft; brute-force weights in long double with NaNs; laws)
class ewm_mean {
 public:
  using params = ewm_params;

  explicit ewm_mean(const params& p)
      : factor_(1.0 - p.alpha()),
        new_wt_(p.adjust ? 1.0 : p.alpha()),
        min_periods_(detail::ewm_min_periods(p)),
        adjust_(p.adjust),
        ignore_na_(p.ignore_na) {
    detail::check_ewm(p);
  }

  /// Pushes the next bar (NaN allowed). O(1).
  void update(double x) noexcept {
    const bool ok = !is_nan(x);
    if (!started_) {
      started_ = true;
      mean_ = x;
      nobs_ = ok ? 1 : 0;
      old_wt_ = 1.0;
      return;
    }
    if (ok) ++nobs_;
    if (!is_nan(mean_)) {
      if (ok || !ignore_na_) {
        old_wt_ *= factor_;
        if (ok) {
          if (mean_ != x) {  // pandas: avoids rounding drift on a constant series
            mean_ = old_wt_ * mean_ + new_wt_ * x;
            mean_ /= (old_wt_ + new_wt_);
          }
          old_wt_ = adjust_ ? old_wt_ + new_wt_ : 1.0;
        }
      }
    } else if (ok) {
      mean_ = x;
    }
  }

  [[nodiscard]] double value() const noexcept { return ready() ? mean_ : nan; }
  [[nodiscard]] bool ready() const noexcept { return nobs_ >= min_periods_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return min_periods_ - 1; }
  void reset() noexcept {
    started_ = false;
    mean_ = nan;
    old_wt_ = 1.0;
    nobs_ = 0;
  }

 private:
  double factor_;
  double new_wt_;
  std::size_t min_periods_;
  bool adjust_;
  bool ignore_na_;
  bool started_ = false;
  double mean_ = nan;
  double old_wt_ = 1.0;
  std::size_t nobs_ = 0;
};

/// Exponentially weighted variance, pandas `ewm(...).var(bias)` (the recurrence of pandas'
/// `ewmcov` kernel with x = y). With weights w_i as for ewm_mean (adjust=False: the recursion's
/// effective weights), the biased variance is v = sum w_i (x_i - m)^2 / sum w_i and
/// bias=False (pandas' default) returns
///   v * (sum w_i)^2 / ((sum w_i)^2 - sum w_i^2),
/// NaN while the denominator is not > 0 (a single valid value; or every bar when com = 0,
/// i.e. alpha = 1). bias=True returns v (0 at the first valid value).
/// NaN rule as ewm_mean (ignore_na). Output NaN until min_periods valid values.
/// Warm-up: lookback() = max(min_periods, 2) - 1 with bias=False (1 by default),
/// max(min_periods, 1) - 1 with bias=True. O(1) per update.
/// @test tests/rolling/ewm_test.cpp (Ewm.Var*: brute-force weights in long double with NaNs,
///       adjust True/False, bias True/False, ignore_na; laws)
class ewm_var {
 public:
  using params = ewm_params;

  explicit ewm_var(const params& p)
      : factor_(1.0 - p.alpha()),
        new_wt_(p.adjust ? 1.0 : p.alpha()),
        min_periods_(detail::ewm_min_periods(p)),
        adjust_(p.adjust),
        ignore_na_(p.ignore_na),
        bias_(p.bias) {
    detail::check_ewm(p);
  }

  /// Pushes the next bar (NaN allowed). O(1).
  void update(double x) noexcept {
    const bool ok = !is_nan(x);
    if (!started_) {
      started_ = true;
      mean_ = ok ? x : nan;
      nobs_ = ok ? 1 : 0;
      cov_ = 0.0;
      sum_wt_ = sum_wt2_ = old_wt_ = 1.0;
      return;
    }
    if (ok) ++nobs_;
    if (!is_nan(mean_)) {
      if (ok || !ignore_na_) {
        sum_wt_ *= factor_;
        sum_wt2_ *= factor_ * factor_;
        old_wt_ *= factor_;
        if (ok) {
          const double old_mean = mean_;
          if (mean_ != x) mean_ = ((old_wt_ * old_mean) + (new_wt_ * x)) / (old_wt_ + new_wt_);
          cov_ = ((old_wt_ * (cov_ + ((old_mean - mean_) * (old_mean - mean_)))) +
                  (new_wt_ * ((x - mean_) * (x - mean_)))) /
                 (old_wt_ + new_wt_);
          sum_wt_ += new_wt_;
          sum_wt2_ += (new_wt_ * new_wt_);
          old_wt_ += new_wt_;
          if (!adjust_) {
            sum_wt_ /= old_wt_;
            sum_wt2_ /= (old_wt_ * old_wt_);
            old_wt_ = 1.0;
          }
        }
      }
    } else if (ok) {
      mean_ = x;
    }
  }

  [[nodiscard]] double value() const noexcept {
    if (nobs_ < min_periods_) return nan;
    if (bias_) return cov_;
    const double numerator = sum_wt_ * sum_wt_;
    const double denominator = numerator - sum_wt2_;
    return denominator > 0 ? (numerator / denominator) * cov_ : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(value()); }
  [[nodiscard]] std::size_t lookback() const noexcept {
    const std::size_t m = bias_ || min_periods_ >= 2 ? min_periods_ : 2;
    return m - 1;
  }
  void reset() noexcept {
    started_ = false;
    mean_ = nan;
    cov_ = 0.0;
    sum_wt_ = sum_wt2_ = old_wt_ = 1.0;
    nobs_ = 0;
  }

 private:
  double factor_;
  double new_wt_;
  std::size_t min_periods_;
  bool adjust_;
  bool ignore_na_;
  bool bias_;
  bool started_ = false;
  double mean_ = nan;
  double cov_ = 0.0;
  double sum_wt_ = 1.0;
  double sum_wt2_ = 1.0;
  double old_wt_ = 1.0;
  std::size_t nobs_ = 0;
};

/// Exponentially weighted standard deviation: sqrt of ewm_var (pandas `ewm(...).std(bias)`).
/// Same parameters, NaN rule and warm-up as ewm_var. O(1) per update.
/// @test tests/rolling/ewm_test.cpp (Ewm.Std*; laws)
class ewm_std {
 public:
  using params = ewm_params;
  explicit ewm_std(const params& p) : var_(p) {}
  void update(double x) noexcept { var_.update(x); }
  [[nodiscard]] double value() const noexcept {
    const double v = var_.value();
    return v > 0 ? std::sqrt(v) : (v == 0 ? 0.0 : v);  // v < 0 cannot occur; NaN stays NaN
  }
  [[nodiscard]] bool ready() const noexcept { return var_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return var_.lookback(); }
  void reset() noexcept { var_.reset(); }

 private:
  ewm_var var_;
};

namespace detail {

/// SMA-seeded exponential smoothing with factor k = K::factor(period) (TA-Lib's EMA layout).
template <class K>
class seeded_ema {
 public:
  /// Parameters of an SMA-seeded exponential average.
  struct params {
    std::size_t period = 20;  ///< n >= 1: seed length, and the smoothing factor's period
  };

  explicit seeded_ema(const params& p) : n_(checked(p)), k_(K::factor(n_)) {}

  /// Pushes the next bar. NaN bars are skipped: they do not count towards the n seed values and
  /// leave the average unchanged (the output at a NaN bar repeats the previous one). O(1).
  void update(double x) noexcept {
    if (is_nan(x)) return;
    if (count_ < n_) {
      sum_ += x;
      if (++count_ == n_) e_ = sum_ / static_cast<double>(n_);
    } else {
      e_ = ((x - e_) * k_) + e_;
    }
  }
  [[nodiscard]] double value() const noexcept { return ready() ? e_ : nan; }
  [[nodiscard]] bool ready() const noexcept { return count_ >= n_; }
  /// n - 1: outputs 0..n-2 are NaN on a NaN-free series (TA-Lib EMA_Lookback).
  [[nodiscard]] std::size_t lookback() const noexcept { return n_ - 1; }
  void reset() noexcept {
    count_ = 0;
    sum_ = 0.0;
    e_ = nan;
  }

  /// Batch kernel: the same operations as update/value in one loop. Bit-equal to streaming.
  static void batch(const params& p, std::span<const double> in, std::span<double> out) {
    if (in.size() != out.size())
      throw shape_error("rolling ema: input has " + std::to_string(in.size()) +
                        " values but output has " + std::to_string(out.size()));
    seeded_ema acc(p);
    const std::size_t size = in.size();
    std::size_t t = 0;
    for (; t < size && !acc.ready(); ++t) {
      acc.update(in[t]);
      out[t] = acc.value();
    }
    const double k = acc.k_;
    double e = acc.e_;
    const double* x = in.data();
    double* y = out.data();
    for (; t < size; ++t) {
      const double v = x[t];
      if (!is_nan(v)) e = ((v - e) * k) + e;
      y[t] = e;
    }
  }

 private:
  static std::size_t checked(const params& p) {
    if (p.period == 0) throw config_error("period", "must be >= 1 (got 0)");
    return p.period;
  }
  std::size_t n_;
  double k_;
  std::size_t count_ = 0;
  double sum_ = 0.0;
  double e_ = nan;
};

struct ema_factor {
  static double factor(std::size_t n) noexcept { return 2.0 / (static_cast<double>(n) + 1.0); }
};
struct wilder_factor {
  static double factor(std::size_t n) noexcept { return 1.0 / static_cast<double>(n); }
};

}  // namespace detail

/// Exponential moving average with TA-Lib's (default compatibility) and TTR's convention:
/// k = 2/(n+1); NaN for bars 0..n-2; bar n-1 = simple mean of the first n values (summed in
/// order, then divided by n); then e_t = (x_t - e_{t-1}) k + e_{t-1} (TA-Lib's operation order,
/// so the outputs are TA-Lib's to the last bit on NaN-free input). Differs from pandas'
/// ewm(span=n) in the first bars (see ewm_mean). NaN inputs are skipped (not counted in the
/// seed; the output repeats the previous value). Warm-up: lookback() = n - 1. O(1) per update;
/// batch kernel bit-equal to streaming.
/// @test tests/rolling/ewm_test.cpp (Ema.*: TA-Lib and TTR EMA20 on ttrc/sp500/msft; laws)
using ema = detail::seeded_ema<detail::ema_factor>;

/// Wilder smoothing (Wilder's moving average, RMA/SMMA): as rolling::ema with k = 1/n
/// (TTR `EMA(n, wilder=TRUE)`; the smoothing inside TA-Lib's RSI, ATR, ADX): the SMA of the
/// first n values at bar n-1, then e_t = (x_t - e_{t-1}) / n + e_{t-1}. Warm-up: lookback()
/// = n - 1. NaN inputs skipped. O(1) per update.
/// @test tests/rolling/ewm_test.cpp (Ema.Wilder*: TTR ema20_wilder on ttrc/sp500/msft; laws)
using wilder = detail::seeded_ema<detail::wilder_factor>;

}  // namespace rolling
ALPHA_END_NAMESPACE
