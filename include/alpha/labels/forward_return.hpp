/// @file
/// alpha::labels::forward_return: the return from close s to close s + h, simple or log,
/// optionally divided by the volatility known at s.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/params.hpp"
#include "alpha/detail/policies/checks.hpp"
#include "alpha/labels/concept.hpp"
#include "alpha/rolling/variance.hpp"

#include <boost/hana/adapt_struct.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace labels {

/// Forward return over h bars of the close c, the label of bar s:
///
/// - simple: R_s = c[s+h] / c[s] - 1; log (`log_return`): R_s = log(c[s+h] / c[s]).
/// - vol scaling (`vol_window` = w > 0): label_s = R_s / (sigma_s sqrt(h)), where sigma_s is the
///   rolling standard deviation (ddof 1, rolling::std_dev) of the daily simple returns
///   r_t = c[t] / c[t-1] - 1 over t = s-w+1 .. s, i.e. measured with data up to bar s only. Under
///   i.i.d. daily returns sigma_s sqrt(h) is the std of an h-bar return, so the scaled label is
///   in units of "expected h-bar moves" and comparable across assets and regimes.
///
/// - Known at: bar s + h (horizon() = h); update(bar t) returns the label of bar t - h.
/// - NaN rule: a close that is NaN, infinite, zero or negative counts as missing: every label
///   that uses it (R_s for s or s + h at that bar, sigma_s for windows that contain a return
///   touching it) is NaN. sigma_s needs all w returns of its window (min_periods = w), so the
///   first scaled label is at s = w; sigma_s = 0 (a flat price) gives a NaN label.
/// - Complexity: O(1) per update (ring of h + 1 closes and vols, O(1) rolling std), O(h + w)
///   memory; batch O(n). Batch and streaming perform the same operations: bit-equal.
/// - Errors: config_error for horizon 0 or vol_window 1; shape_error if batch's out is not one
///   entry per bar.
/// @test tests/policies/labels_models_test.cpp (hand values, batch == streaming, no look-ahead)
class forward_return {
 public:
  struct params {
    std::size_t horizon = 1;     ///< h >= 1 bars
    bool log_return = false;     ///< false: c[s+h]/c[s] - 1; true: log(c[s+h]/c[s])
    std::size_t vol_window = 0;  ///< w: 0 = no scaling, else >= 2 daily returns
  };

  explicit forward_return(const params& p)
      : p_(check(p)),
        sqrt_h_(std::sqrt(static_cast<double>(p_.horizon))),
        closes_(p_.horizon + 1, nan),
        vols_(p_.horizon + 1, nan),
        std_(std_params(p_)) {}

  /// Bars after which a label is known: h.
  [[nodiscard]] std::size_t horizon() const noexcept { return p_.horizon; }
  [[nodiscard]] const params& parameters() const noexcept { return p_; }

  /// Feeds bar t; returns the label of bar t - h (NaN while t < h). O(1).
  double update(const bar& b) noexcept {
    const double c = usable(b.close);
    double vol = nan;
    if (p_.vol_window != 0) {
      std_.update(c / prev_ - 1.0);  // NaN at t = 0 (prev_ is NaN) and around missing closes
      vol = std_.value();
    }
    const std::size_t slots = p_.horizon + 1;
    const std::size_t slot = t_ % slots;
    closes_[slot] = c;
    vols_[slot] = vol;
    double out = nan;
    if (t_ >= p_.horizon) {
      const std::size_t s = (t_ - p_.horizon) % slots;
      out = label(closes_[s], c, vols_[s]);
    }
    prev_ = c;
    ++t_;
    return out;
  }

  /// Back to the freshly constructed state.
  void reset() noexcept {
    t_ = 0;
    prev_ = nan;
    std::fill(closes_.begin(), closes_.end(), nan);
    std::fill(vols_.begin(), vols_.end(), nan);
    std_.reset();
  }

  /// out[s] = label of bar s for one asset's bars (NaN for the last h bars). O(n).
  static void batch(const params& p, const bar_series& bars, std::span<double> out) {
    const params q = check(p);
    const std::size_t n = bars.size();
    if (out.size() != n)
      throw shape_error("labels::forward_return: out has " + std::to_string(out.size()) +
                        " entries for " + std::to_string(n) + " bars");
    const std::span<const double> close = bars.close();
    std::vector<double> c(n), vol;
    for (std::size_t t = 0; t < n; ++t) c[t] = usable(close[t]);
    if (q.vol_window != 0) {
      std::vector<double> r(n);
      double prev = nan;
      for (std::size_t t = 0; t < n; ++t) {
        r[t] = c[t] / prev - 1.0;
        prev = c[t];
      }
      vol.resize(n);
      rolling::std_dev::batch(std_params(q), r, vol);
    }
    const double sqrt_h = std::sqrt(static_cast<double>(q.horizon));
    for (std::size_t s = 0; s < n; ++s)
      out[s] = s + q.horizon < n
                   ? of(q, sqrt_h, c[s], c[s + q.horizon], q.vol_window != 0 ? vol[s] : nan)
                   : nan;
  }

 private:
  static params check(const params& p) {
    ::alpha::detail::policy::at_least(p.horizon, 1, "forward_return", "horizon");
    if (p.vol_window == 1)
      throw config_error("forward_return.vol_window",
                         "must be 0 (no scaling) or >= 2 (a sample std needs two returns)");
    return p;
  }
  static rolling::window_ddof_params std_params(const params& p) {
    return {.window = p.vol_window == 0 ? 2 : p.vol_window, .min_periods = {}, .ddof = 1};
  }
  /// A close usable as a price: finite and > 0; NaN otherwise.
  static double usable(double c) noexcept { return std::isfinite(c) && c > 0.0 ? c : nan; }
  static double of(const params& p, double sqrt_h, double c0, double c1, double vol) noexcept {
    const double ratio = c1 / c0;
    double r = p.log_return ? std::log(ratio) : ratio - 1.0;
    if (p.vol_window != 0) r = vol > 0.0 ? r / (vol * sqrt_h) : nan;
    return r;
  }
  double label(double c0, double c1, double vol) const noexcept {
    return of(p_, sqrt_h_, c0, c1, vol);
  }

  params p_;
  double sqrt_h_;
  std::vector<double> closes_, vols_;  // rings of h + 1 entries, slot t % (h + 1)
  rolling::std_dev std_;
  std::size_t t_ = 0;
  double prev_ = nan;
};

static_assert(Labeler<forward_return>);

}  // namespace labels
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::labels::forward_return::params, horizon, log_return, vol_window);
