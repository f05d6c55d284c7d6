/// @file
/// alpha::features::macd: moving average convergence/divergence (TA-Lib MACD).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/ewm.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// MACD with TA-Lib's convention: macd = EMA_fast(x) - EMA_slow(x), signal = EMA_signal(macd),
/// histogram = macd - signal, k = 2/(p+1) for each EMA. TA-Lib seeds the slow EMA at bar
/// slow-1 with the SMA of bars 0..slow-1 and the FAST EMA ON THE SAME BAR with the SMA of bars
/// slow-fast..slow-1 (both start together; TTR seeds the fast EMA at bar fast-1 instead, which
/// differs early and converges as ((fast-1)/(fast+1))^t). The signal EMA is seeded with the SMA
/// of the first `signal` macd values. All three outputs start on bar slow + signal - 2 (TA-Lib).
///
/// - Params: fast_period >= 1 (12) < slow_period (26); signal_period >= 1 (9).
/// - Lookback: (slow - 1) + (signal - 1) = 33 by default.
/// - NaN rule: a NaN input is skipped (state unchanged, outputs repeat the previous ones).
/// - Complexity: O(1) per update, O(fast) memory; batch kernel (one loop) bit-equal to
///   streaming.
/// @test tests/features/series_osc_test.cpp (TA-Lib macd/macd_signal/macd_hist on
///       ttrc/sp500/msft from the first row; TTR's from row 300; laws)
class macd {
 public:
  struct params {
    std::size_t fast_period = 12;   ///< >= 1, < slow_period
    std::size_t slow_period = 26;   ///< > fast_period
    std::size_t signal_period = 9;  ///< >= 1
  };
  static constexpr std::array<std::string_view, 3> output_names{"macd", "signal", "histogram"};

  explicit macd(const params& p)
      : p_(checked(p)),
        kf_(2.0 / (static_cast<double>(p_.fast_period) + 1.0)),
        recent_(p_.fast_period),
        slow_({.period = p_.slow_period}),
        signal_({.period = p_.signal_period}) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    recent_.push(x);
    slow_.update(x);
    if (!fast_started_) {
      if (!slow_.ready()) return;
      double sum = 0.0;
      recent_.for_each([&sum](double v) { sum += v; });
      fast_ = sum / static_cast<double>(p_.fast_period);
      fast_started_ = true;
    } else {
      fast_ = ((x - fast_) * kf_) + fast_;
    }
    macd_ = fast_ - slow_.value();
    signal_.update(macd_);
  }
  [[nodiscard]] std::array<double, 3> value() const noexcept {
    if (!ready()) return {nan, nan, nan};
    const double s = signal_.value();
    return {macd_, s, macd_ - s};
  }
  [[nodiscard]] bool ready() const noexcept { return signal_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept {
    return (p_.slow_period - 1) + (p_.signal_period - 1);
  }
  void reset() noexcept {
    recent_.clear();
    slow_.reset();
    signal_.reset();
    fast_started_ = false;
    fast_ = macd_ = nan;
  }

  /// Batch kernel: the streaming operations in one loop, state in registers. Bit-equal. Inputs
  /// with NaN go through detail::ta::skip_nan_batch.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 3>& out) {
    const params q = checked(p);
    // The kernel on the series as given; a NaN input propagates into the slow EMA for good, so a
    // NaN final slow EMA (or a series shorter than the seed) sends the whole run through the
    // NaN-skipping path instead (no separate scan for NaN on the common path).
    const auto kernel = [&q](auto xs, const auto& o) -> bool {
      const std::size_t size = xs.size(), nf = q.fast_period, ns = q.slow_period,
                        ng = q.signal_period;
      const double* x = xs.data();
      double *m = o[0].data(), *sg = o[1].data(), *h = o[2].data();
      const double kf = 2.0 / (static_cast<double>(nf) + 1.0);
      const double ks = 2.0 / (static_cast<double>(ns) + 1.0);
      const double kg = 2.0 / (static_cast<double>(ng) + 1.0);
      const std::size_t first = ns - 1, lookback = ns + ng - 2;
      for (std::size_t t = 0; t < size && t < lookback; ++t) m[t] = sg[t] = h[t] = nan;
      if (size <= lookback) return true;
      double slow = 0.0;
      for (std::size_t t = 0; t < ns; ++t) slow += x[t];
      slow /= static_cast<double>(ns);
      double fast = 0.0;
      for (std::size_t t = ns - nf; t < ns; ++t) fast += x[t];
      fast /= static_cast<double>(nf);
      double sig = fast - slow;  // running sum of the signal seed, then the signal EMA
      std::size_t t = first + 1;
      for (; t < size && t <= lookback; ++t) {
        fast = ((x[t] - fast) * kf) + fast;
        slow = ((x[t] - slow) * ks) + slow;
        sig += fast - slow;
      }
      sig /= static_cast<double>(ng);
      {
        const double mv = fast - slow;
        m[lookback] = mv;
        sg[lookback] = sig;
        h[lookback] = mv - sig;
      }
      for (; t < size; ++t) {
        fast = ((x[t] - fast) * kf) + fast;
        slow = ((x[t] - slow) * ks) + slow;
        const double mv = fast - slow;
        sig = ((mv - sig) * kg) + sig;
        m[t] = mv;
        sg[t] = sig;
        h[t] = mv - sig;
      }
      return is_nan(slow);
    };
    if (kernel(in.close, out))
      ::alpha::detail::ta::skip_nan_batch<3>(in.close, out,
                                             [&kernel](auto xs, const auto& o) { kernel(xs, o); });
  }

 private:
  static params checked(const params& p) {
    ::alpha::detail::ta::check_period(p.fast_period, "fast_period");
    ::alpha::detail::ta::check_period(p.slow_period, "slow_period", 2);
    ::alpha::detail::ta::check_period(p.signal_period, "signal_period");
    if (p.fast_period >= p.slow_period) throw config_error("fast_period", "must be < slow_period");
    return p;
  }
  params p_;
  double kf_;
  ::alpha::detail::ring_buffer<double> recent_;
  rolling::ema slow_, signal_;
  bool fast_started_ = false;
  double fast_ = nan, macd_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
