/// @file
/// Rolling and expanding minimum, maximum, argmin and argmax (alpha::rolling).
///
/// Customization points: none beyond the accumulator contract of rolling/concept.hpp (nested
/// `params`, `update`, `value`, `ready`, `lookback`, `reset`, static `batch`).
///
/// Conventions shared by every type here:
///   - params: rolling::window_params {window, min_periods}. The window w counts bars, NaN bars
///     included (pandas `rolling(w, min_periods=m)`): a NaN occupies its slot but is skipped;
///     the output is NaN unless the window holds at least `min_periods` non-NaN values (unset:
///     w, pandas' default; 0 or > w is a config_error, as is w = 0).
///   - ties: the most recent of equal extremes is the one reported (this matters for argmin /
///     argmax, and for the sign of a zero: min of {0.0, -0.0} is whichever came last).
///   - argmin / argmax report the number of bars since the extreme: 0 = the current bar,
///     w-1 = the oldest bar of the window (bottleneck's `move_argmin/argmax`). TA-Lib's
///     MININDEX/MAXINDEX report the absolute index t - argmin instead; they pick the most recent
///     tie while the extreme stays in the window (`>=`) but the oldest tie when they rescan after
///     it leaves, so on exact ties TA-Lib may report an older bar than we do.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/window_params.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Parameters of the expanding order statistics (expanding_min/max/median/percent_rank):
/// pandas `expanding(min_periods)`. min_periods >= 1 (unset: 1, pandas' default).
struct expanding_order_params {
  std::optional<std::size_t> min_periods =
      std::nullopt;  ///< valid values needed for an output; unset = 1
};

namespace detail {

/// Ordering policy of a minimum: `newer_wins(newer, older)` keeps the newer of two values when
/// it is at least as good (ties -> most recent); `identity` is the value that never wins.
struct min_order {
  static constexpr double identity = std::numeric_limits<double>::infinity();
  [[nodiscard]] static constexpr bool newer_wins(double newer, double older) noexcept {
    return newer <= older;
  }
  /// True if `older` strictly beats `newer` (so it must be kept over a newer tie).
  [[nodiscard]] static constexpr bool older_wins(double older, double newer) noexcept {
    return older < newer;
  }
};

/// Ordering policy of a maximum (mirror of min_order).
struct max_order {
  static constexpr double identity = -std::numeric_limits<double>::infinity();
  [[nodiscard]] static constexpr bool newer_wins(double newer, double older) noexcept {
    return newer >= older;
  }
  [[nodiscard]] static constexpr bool older_wins(double older, double newer) noexcept {
    return older > newer;
  }
};

/// Validates a window and min_periods (config_error naming the parameter): 1 <= window <= 2^31,
/// 1 <= min_periods <= window (unset: window). Returns the effective min_periods.
inline std::size_t order_min_periods(std::size_t window, std::optional<std::size_t> min_periods) {
  return ::alpha::detail::resolve_window(window, min_periods, 1, "rolling order statistic")
      .min_count;
}

/// Validates an expanding min_periods (unset: 1; 0 is a config_error).
inline std::size_t order_expanding_min_periods(std::optional<std::size_t> min_periods) {
  return ::alpha::detail::resolve_expanding(min_periods, 1);
}

/// Streaming extremum over a fixed window with a monotonic deque held in a ring of capacity
/// `window`: O(1) amortised per update, O(w) memory. `Arg` selects the output: the extreme
/// value (false) or the number of bars since it (true).
template <class Order, bool Arg>
class window_extremum {
 public:
  using params = window_params;

  explicit window_extremum(const params& p)
      : w_(p.window),
        min_periods_(order_min_periods(p.window, p.min_periods)),
        idx_(w_),
        val_(w_),
        valid_(w_) {}

  /// Pushes the next bar (NaN allowed). O(1) amortised.
  void update(double x) noexcept {
    if (t_ >= w_) {
      // the bar t_ - w_ leaves the window
      if (valid_[slot_] != 0) --count_;
      if (size_ != 0 && idx_[head_] + w_ <= t_) pop_front();
    }
    const bool ok = !is_nan(x);
    valid_[slot_] = ok ? 1 : 0;
    if (ok) {
      ++count_;
      while (size_ != 0 && !Order::older_wins(val_[back()], x)) --size_;
      const std::size_t pos = wrap(head_ + size_);
      idx_[pos] = t_;
      val_[pos] = x;
      ++size_;
    }
    ++t_;
    if (++slot_ == w_) slot_ = 0;
  }

  /// The extreme (or the bars since it) over the last `window` bars; NaN while not ready.
  [[nodiscard]] double value() const noexcept {
    if (!ready()) return nan;
    if constexpr (Arg)
      return static_cast<double>(t_ - 1 - idx_[head_]);
    else
      return val_[head_];
  }

  /// True when the window holds at least min_periods non-NaN values.
  [[nodiscard]] bool ready() const noexcept { return count_ >= min_periods_; }

  /// Outputs 0..min_periods-2 are NaN on a NaN-free series.
  [[nodiscard]] std::size_t lookback() const noexcept { return min_periods_ - 1; }

  /// Back to the freshly constructed state.
  void reset() noexcept {
    t_ = slot_ = head_ = size_ = count_ = 0;
    std::fill(valid_.begin(), valid_.end(), static_cast<unsigned char>(0));
  }

  /// Batch kernel (used by rolling::run), bit-equal to streaming. min/max (value_batch): van
  /// Herk / Gil-Werman block algorithm, 3 comparisons per point independent of w, O(w) scratch;
  /// the same most-recent-tie rule in every comparison; NaN is replaced by the order's identity,
  /// which can only win in a window without valid values, where the output is NaN.
  /// argmin/argmax (arg_batch): the same on (value, bar) pairs, see arg_batch.
  static void batch(const params& p, std::span<const double> in, std::span<double> out) {
    if constexpr (Arg)
      arg_batch(p, in, out);
    else
      value_batch(p, in, out);
  }

 private:
  static void value_batch(const params& p, std::span<const double> in, std::span<double> out) {
    const std::size_t min_periods = order_min_periods(p.window, p.min_periods);
    if (in.size() != out.size())
      throw shape_error("rolling min/max: input has " + std::to_string(in.size()) +
                        " values but output has " + std::to_string(out.size()));
    const std::size_t n = in.size();
    const std::size_t w = p.window;
    constexpr double id = Order::identity;
    // h[k]: extreme of in[b-w+k .. b-1] (suffixes of the previous block); h[w] = identity.
    std::vector<double> h(w + 1, id);
    std::size_t count = 0;
    const double* x = in.data();
    double* y = out.data();
    // first block: windows are prefixes
    const std::size_t e0 = std::min(n, w);
    double g = id;
    for (std::size_t t = 0; t < e0; ++t) {
      const double v = x[t];
      const bool ok = !is_nan(v);
      count += ok ? 1U : 0U;
      const double c = ok ? v : id;
      g = Order::newer_wins(c, g) ? c : g;
      y[t] = count >= min_periods ? g : nan;
    }
    for (std::size_t b = w; b < n; b += w) {
      // suffixes of the previous block [b-w, b)
      double s = id;
      for (std::size_t k = w; k-- > 0;) {
        const double v = x[b - w + k];
        const double c = is_nan(v) ? id : v;
        s = Order::older_wins(c, s) ? c : s;
        h[k] = s;
      }
      const std::size_t e = std::min(n, b + w);
      g = id;
      for (std::size_t t = b; t < e; ++t) {
        const double old = x[t - w];
        count -= is_nan(old) ? 0U : 1U;
        const double v = x[t];
        const bool ok = !is_nan(v);
        count += ok ? 1U : 0U;
        const double c = ok ? v : id;
        g = Order::newer_wins(c, g) ? c : g;
        const double hs = h[t - b + 1];
        const double r = Order::newer_wins(g, hs) ? g : hs;
        y[t] = count >= min_periods ? r : nan;
      }
    }
  }

  /// Batch kernel of argmin/argmax (bars since the extreme): van Herk / Gil-Werman on
  /// (value, bar) pairs, a few branch-free compare-selects per point independent of w, O(w)
  /// scratch. Bit-equal to streaming: every comparison applies the most-recent-tie rule, and
  /// NaN bars never win (a window without valid values gives NaN by the count rule).
  static void arg_batch(const params& p, std::span<const double> in, std::span<double> out) {
    const std::size_t min_periods = order_min_periods(p.window, p.min_periods);
    if (in.size() != out.size())
      throw shape_error("rolling argmin/argmax: input has " + std::to_string(in.size()) +
                        " values but output has " + std::to_string(out.size()));
    const std::size_t n = in.size();
    const std::size_t w = p.window;
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    constexpr double id = Order::identity;
    // (hv[k], hi[k]): best value and its bar over in[b-w+k .. b-1] (suffixes of the previous
    // block); hi = none when that range holds no valid value. hv[w]/hi[w]: the empty suffix.
    std::vector<double> hv(w + 1, id);
    std::vector<std::size_t> hi(w + 1, none);
    std::size_t count = 0;
    const double* x = in.data();
    double* y = out.data();
    const auto emit = [&](std::size_t t, std::size_t idx) {
      y[t] = count >= min_periods ? static_cast<double>(t - idx) : nan;
    };
    const std::size_t e0 = std::min(n, w);
    double g = id;
    std::size_t gi = none;
    for (std::size_t t = 0; t < e0; ++t) {
      const double v = x[t];
      const bool ok = !is_nan(v);
      count += ok ? 1U : 0U;
      const bool take = ok && (gi == none || Order::newer_wins(v, g));
      g = take ? v : g;
      gi = take ? t : gi;
      emit(t, gi);
    }
    for (std::size_t b = w; b < n; b += w) {
      double s = id;
      std::size_t si = none;
      for (std::size_t k = w; k-- > 0;) {
        const std::size_t pos = b - w + k;
        const double v = x[pos];
        const bool take = !is_nan(v) && (si == none || Order::older_wins(v, s));
        s = take ? v : s;
        si = take ? pos : si;
        hv[k] = s;
        hi[k] = si;
      }
      const std::size_t e = std::min(n, b + w);
      g = id;
      gi = none;
      for (std::size_t t = b; t < e; ++t) {
        count -= is_nan(x[t - w]) ? 0U : 1U;
        const double v = x[t];
        const bool ok = !is_nan(v);
        count += ok ? 1U : 0U;
        const bool take = ok && (gi == none || Order::newer_wins(v, g));
        g = take ? v : g;
        gi = take ? t : gi;
        const double hs = hv[t - b + 1];
        const std::size_t hsi = hi[t - b + 1];
        const bool use_g = gi != none && (hsi == none || Order::newer_wins(g, hs));
        emit(t, use_g ? gi : hsi);
      }
    }
  }

  [[nodiscard]] std::size_t wrap(std::size_t i) const noexcept { return i >= w_ ? i - w_ : i; }
  [[nodiscard]] std::size_t back() const noexcept { return wrap(head_ + size_ - 1); }
  void pop_front() noexcept {
    head_ = wrap(head_ + 1);
    --size_;
  }

  std::size_t w_;
  std::size_t min_periods_;
  std::vector<std::size_t> idx_;      // deque ring: bar index of each candidate
  std::vector<double> val_;           // deque ring: value of each candidate
  std::vector<unsigned char> valid_;  // per window slot: was that bar non-NaN
  std::size_t t_ = 0;                 // bars seen
  std::size_t slot_ = 0;              // t_ % w_
  std::size_t head_ = 0;              // deque front position in the ring
  std::size_t size_ = 0;              // deque length
  std::size_t count_ = 0;             // non-NaN values in the window
};

/// Running extremum since the first bar (expanding window). O(1) per update.
template <class Order>
class expanding_extremum {
 public:
  using params = expanding_order_params;

  explicit expanding_extremum(const params& p)
      : min_periods_(order_expanding_min_periods(p.min_periods)) {}

  /// Pushes the next bar (NaN allowed: skipped). O(1).
  void update(double x) noexcept {
    if (is_nan(x)) return;
    ++count_;
    best_ = Order::newer_wins(x, best_) ? x : best_;
  }
  /// The extreme so far; NaN while fewer than min_periods non-NaN values were seen.
  [[nodiscard]] double value() const noexcept { return ready() ? best_ : nan; }
  [[nodiscard]] bool ready() const noexcept { return count_ >= min_periods_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return min_periods_ - 1; }
  void reset() noexcept {
    count_ = 0;
    best_ = Order::identity;
  }

 private:
  std::size_t min_periods_;
  std::size_t count_ = 0;
  double best_ = Order::identity;
};

}  // namespace detail

/// Rolling minimum over the last `window` bars (pandas `rolling(window, min_periods).min()`,
/// TTR `runMin`, TA-Lib `MIN`, bottleneck `move_min`).
/// Streaming: monotonic deque, O(1) amortised per update, O(w) memory. Batch (`rolling::run`):
/// van Herk / Gil-Werman, bit-equal to streaming. Warm-up: lookback() = min_periods - 1
/// (w - 1 by default). NaN: skipped inside the window; NaN output unless >= min_periods valid.
/// @test tests/rolling/minmax_test.cpp (MinMax.*, reference TTR runMin / TA-Lib MIN 20; laws)
using min = detail::window_extremum<detail::min_order, false>;

/// Rolling maximum; as rolling::min (pandas `rolling().max()`, TTR `runMax`, TA-Lib `MAX`).
/// @test tests/rolling/minmax_test.cpp (MinMax.*, reference TTR runMax / TA-Lib MAX 20; laws)
using max = detail::window_extremum<detail::max_order, false>;

/// Bars since the rolling minimum (0 = current bar, ties -> most recent; = bottleneck
/// `move_argmin`; TA-Lib `MININDEX` = t - value() except on exact ties, see the file comment).
/// O(1) amortised; warm-up and NaN rule as rolling::min (the age counts NaN bars). Batch
/// (`rolling::run`): van Herk / Gil-Werman on (value, bar) pairs, bit-equal to streaming.
/// @test tests/rolling/minmax_test.cpp (MinMax.ArgAgainstNaive; laws)
using argmin = detail::window_extremum<detail::min_order, true>;

/// Bars since the rolling maximum; as rolling::argmin.
/// @test tests/rolling/minmax_test.cpp (MinMax.ArgAgainstNaive; laws)
using argmax = detail::window_extremum<detail::max_order, true>;

/// Minimum of every non-NaN value since the first bar (pandas `expanding(min_periods).min()`).
/// O(1) per update. Warm-up: lookback() = min_periods - 1 (default min_periods = 1, as pandas).
/// NaN inputs are skipped.
/// @test tests/rolling/minmax_test.cpp (MinMax.Expanding; laws)
using expanding_min = detail::expanding_extremum<detail::min_order>;

/// Maximum of every non-NaN value since the first bar; as rolling::expanding_min.
/// @test tests/rolling/minmax_test.cpp (MinMax.Expanding; laws)
using expanding_max = detail::expanding_extremum<detail::max_order>;

}  // namespace rolling
ALPHA_END_NAMESPACE
