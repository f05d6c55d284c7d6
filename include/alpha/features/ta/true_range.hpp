/// @file
/// True range, average true range (ATR) and normalised ATR (NATR) of OHLC bars (alpha::features).
///
/// Shared conventions (TA-Lib TRANGE / ATR / NATR; TTR `ATR` agrees, see
/// ../shared/reference/CONVENTIONS.md):
///   - TR_t = max(H_t, C_{t-1}) - min(L_t, C_{t-1}); undefined at the first bar (no previous
///     close), so true_range has lookback 1.
///   - NaN rule: a bar with a NaN high, low or close is a missing bar: it is skipped (state
///     unchanged, value() repeats the previous output) and the next bar's TR uses the last
///     complete bar's close.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/bar_fields.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/ewm.hpp"

#include <array>
#include <cstddef>
#include <span>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// True range (TA-Lib TRANGE, TTR `TR`): TR_t = max(H_t, C_{t-1}) - min(L_t, C_{t-1}).
/// Parameters: none. Warm-up: lookback() = 1 (bar 0 has no previous close). NaN rule: missing
/// bars skipped (see file comment). O(1) per bar.
/// @test tests/features/bar_reference_test.cpp (TA-Lib `tr`, TTR `tr` on ttrc/sp500/msft; laws)
class true_range {
 public:
  struct params {};
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"trange"};

  explicit true_range(const params& = {}) noexcept {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    if (!is_nan(prev_close_)) tr_ = detail::true_range_of(b.high, b.low, prev_close_);
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return tr_; }
  [[nodiscard]] bool ready() const noexcept { return !is_nan(tr_); }
  [[nodiscard]] std::size_t lookback() const noexcept { return 1; }
  void reset() noexcept { prev_close_ = tr_ = nan; }

 private:
  double prev_close_ = nan;
  double tr_ = nan;
};

/// Average true range (TA-Lib ATR, TTR `ATR(n)`; default n = 14): Wilder smoothing of TR
/// (rolling::wilder): the simple mean of TR over bars 1..n at bar n, then
/// ATR_t = (TR_t - ATR_{t-1}) / n + ATR_{t-1} (TA-Lib writes (ATR_{t-1} (n-1) + TR_t) / n: the
/// same number up to the last bits, < 1e-15 relative).
/// Parameters: period n >= 1 (config_error "period"). Warm-up: lookback() = n (TA-Lib
/// ATR_Lookback). NaN rule: missing bars skipped. O(1) per bar; static batch kernel bit-equal to
/// streaming (one pass, no allocation).
/// @test tests/features/bar_reference_test.cpp (TA-Lib `atr14`, TTR `atr14` on
///       ttrc/sp500/msft; laws; batch == streaming)
class atr {
 public:
  struct params {
    std::size_t period = 14;  ///< n >= 1
  };
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"atr"};

  explicit atr(const params& p) : n_(detail::checked_period("period", p.period)), avg_({n_}) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    if (!is_nan(prev_close_)) avg_.update(detail::true_range_of(b.high, b.low, prev_close_));
    prev_close_ = b.close;
  }
  [[nodiscard]] double value() const noexcept { return avg_.value(); }
  [[nodiscard]] bool ready() const noexcept { return avg_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return n_; }
  void reset() noexcept {
    avg_.reset();
    prev_close_ = nan;
  }

  /// Batch kernel over whole series (lengths checked by features::run): the streaming object
  /// until the seed is formed, then one tight loop with the same operations. Bit-equal to
  /// streaming.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 1>& out) {
    atr a(p);
    const std::size_t size = in.close.size();
    double* y = out[0].data();
    std::size_t t = 0;
    for (; t < size && !a.ready(); ++t) {
      a.update(detail::bar_at<inputs>(in, t));
      y[t] = a.value();
    }
    if (t == size) return;
    const double k = ::alpha::rolling::detail::wilder_factor::factor(a.n_);
    double e = a.value();
    double pc = a.prev_close_;
    const double* h = in.high.data();
    const double* l = in.low.data();
    const double* c = in.close.data();
    for (; t < size; ++t) {
      const double ht = h[t], lt = l[t], ct = c[t];
      if (!is_nan(ht) && !is_nan(lt) && !is_nan(ct)) {
        const double hi = ht > pc ? ht : pc;
        const double lo = lt < pc ? lt : pc;
        e = (((hi - lo) - e) * k) + e;
        pc = ct;
      }
      y[t] = e;
    }
  }

 private:
  std::size_t n_;
  ::alpha::rolling::wilder avg_;
  double prev_close_ = nan;
};

/// Normalised ATR (TA-Lib NATR): 100 * ATR_t / C_t, 0 when |C_t| < 1e-8 (TA-Lib's rule).
/// Parameters: period n >= 1 (default 14; config_error "period"). Warm-up: lookback() = n.
/// NaN rule: missing bars skipped. O(1) per bar.
/// @test tests/features/bar_naive_test.cpp (naive loop from TA-Lib `atr14`'s definition; laws)
class natr {
 public:
  using params = atr::params;
  static constexpr input_fields inputs = input_fields::hlc;
  static constexpr std::array<std::string_view, 1> output_names{"natr"};

  explicit natr(const params& p) : atr_(p) {}

  /// Pushes the next bar. O(1).
  void update(const bar& b) noexcept {
    if (!detail::bar_complete<inputs>(b)) return;
    atr_.update(b);
    if (atr_.ready())
      value_ = detail::talib_is_zero(b.close) ? 0.0 : (atr_.value() / b.close) * 100.0;
  }
  [[nodiscard]] double value() const noexcept { return value_; }
  [[nodiscard]] bool ready() const noexcept { return atr_.ready(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return atr_.lookback(); }
  void reset() noexcept {
    atr_.reset();
    value_ = nan;
  }

 private:
  atr atr_;
  double value_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
