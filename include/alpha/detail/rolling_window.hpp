/// @file
/// Private machinery of the windowed and expanding moment accumulators (alpha::rolling):
/// compensated sums, power sums about a shifted origin, parameter validation, and the
/// window_stat / expanding_stat bases that give every accumulator the same streaming and batch
/// code path (so batch == streaming bit for bit by construction).
///
/// Numerical scheme: each accumulator keeps sums of powers of deviations d = x - K from an origin
/// K, with two-sum compensation on every add and remove. K is the first valid value seen by an
/// empty state, and every `window` updates the state is rebuilt exactly from the window (K = the
/// window's mean, sums recomputed oldest to newest): O(w) work every w updates, O(1) amortised.
/// Cancellation in S2 - S1^2/n is thus bounded by how far the mean moved since the last rebuild;
/// an extra rebuild is triggered when that distance exceeds ~316 standard deviations (windows of
/// nearly equal values far from the origin), see drifted().
// IWYU pragma: private, include "alpha/rolling.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/detail/rolling_block.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <span>
#include <string>

ALPHA_BEGIN_NAMESPACE
namespace detail {

/// Running sum with a second word holding the rounding errors (Knuth's two-sum, branch-free).
struct compensated_sum {
  double hi = 0.0;
  double lo = 0.0;
  void add(double x) noexcept {
    const double s = hi + x;
    const double bp = s - hi;
    lo += (hi - (s - bp)) + (x - bp);
    hi = s;
  }
  [[nodiscard]] double value() const noexcept { return hi + lo; }
  void clear() noexcept { hi = lo = 0.0; }
};

/// Effective window configuration after validation.
struct window_config {
  std::size_t window = 0;     ///< slots in the window (inputs, NaN included)
  std::size_t min_count = 0;  ///< valid values needed for an output (>= 1)
};

/// Largest accepted window (keeps the ring allocation and integer time sums sane).
inline constexpr std::size_t max_window = std::size_t{1} << 31;

/// Validates window/min_periods (config_error naming the parameter) and returns the effective
/// minimum count max(min_periods (default window), statistic_min).
inline window_config resolve_window(std::size_t window, std::optional<std::size_t> min_periods,
                                    std::size_t statistic_min, const char* what) {
  if (window == 0) throw config_error("window", "must be >= 1 (got 0)");
  if (window > max_window)
    throw config_error("window", "must be <= 2^31 (got " + std::to_string(window) + ")");
  const std::size_t mp = min_periods.value_or(window);
  if (mp == 0) throw config_error("min_periods", "must be >= 1 (got 0)");
  if (mp > window)
    throw config_error("min_periods", "must be <= window (" + std::to_string(window) + "), got " +
                                          std::to_string(mp));
  if (statistic_min > window)
    throw config_error("window", std::string(what) +
                                     " needs window >= " + std::to_string(statistic_min) +
                                     " (got " + std::to_string(window) + ")");
  return {window, std::max(mp, statistic_min)};
}

/// Validates an expanding min_periods (default 1).
inline std::size_t resolve_expanding(std::optional<std::size_t> min_periods,
                                     std::size_t statistic_min) {
  const std::size_t mp = min_periods.value_or(1);
  if (mp == 0) throw config_error("min_periods", "must be >= 1 (got 0)");
  return std::max(mp, statistic_min);
}

/// Validates ddof (must leave a positive denominator somewhere in the window).
inline void check_ddof(std::size_t ddof, std::size_t window) {
  if (ddof >= window)
    throw config_error(
        "ddof", "must be < window (" + std::to_string(window) + "), got " + std::to_string(ddof));
}

/// Fewest valid values a ddof statistic (variance, covariance and their kin) is defined on:
/// ddof + 1; for windowed params also checks ddof < window (config_error).
template <class P>
[[nodiscard]] std::size_t ddof_statistic_min(const P& p) {
  if constexpr (requires { p.window; }) {
    if (p.window != 0) check_ddof(p.ddof, p.window);
  }
  return p.ddof + 1;
}

/// Rebuild trigger: (sum d)^2 / n > ill_conditioned_ratio * M2, M2 = sum d^2 - (sum d)^2 / n,
/// i.e. the squared distance between the origin and the mean exceeds 1e5 variances: relative
/// error in M2 of order 1e5 * 2^-53 ~ 1e-11 before an extra O(w) rebuild restores it.
inline constexpr double ill_conditioned_ratio = 1e5;
inline bool drifted(double s1, double s2, std::size_t count, bool constant) noexcept {
  if (count < 2 || constant) return false;
  const double shift = s1 * s1 / static_cast<double>(count);
  return shift > ill_conditioned_ratio * (s2 - shift);
}

/// Sums of (x - K)^p, p = 1..P, over the valid (non-NaN) values, plus an "all equal" detector.
template <std::size_t P>
struct power_sums {
  static_assert(P >= 1 && P <= 4);
  using element = double;
  static constexpr std::size_t arity = 1;

  double origin = 0.0;
  std::size_t count = 0;
  std::array<compensated_sum, P> s{};
  std::size_t run = 0;  // length of the current run of equal valid values
  double last = nan;    // newest valid value
  double newest = nan;  // newest input (valid or not)

  [[nodiscard]] static bool valid(double x) noexcept { return !is_nan(x); }

  void add(double x) noexcept {
    newest = x;
    if (!valid(x)) return;
    if (count == 0) reanchor(x);
    run = (x == last) ? run + 1 : 1;
    last = x;
    ++count;
    accumulate(x - origin, 1.0);
  }
  void remove(double x) noexcept {
    if (!valid(x)) return;
    --count;
    accumulate(x - origin, -1.0);
  }
  /// Exact recomputation over the window, visited oldest first by `for_each(f)`.
  template <class ForEach>
  void rebuild(ForEach&& for_each) {
    compensated_sum total;
    std::size_t n = 0;
    for_each([&](double x) {
      if (valid(x)) {
        total.add(x);
        ++n;
      }
    });
    for (auto& c : s) c.clear();
    count = n;
    origin = n == 0 ? 0.0 : total.value() / static_cast<double>(n);
    for_each([&](double x) {
      if (valid(x)) accumulate(x - origin, 1.0);
    });
  }
  void clear() noexcept { *this = power_sums{}; }

  /// True when every valid value is equal (the central moments are exactly zero).
  [[nodiscard]] bool constant() const noexcept { return run >= count; }
  /// True when the origin has drifted so far from the mean, relative to the spread, that
  /// S2 - S1^2/n would lose more than ~5 digits (then the caller rebuilds; never for P = 1).
  [[nodiscard]] bool ill_conditioned() const noexcept {
    if constexpr (P == 1) {
      return false;
    } else {
      return drifted(s[0].value(), s[1].value(), count, constant());
    }
  }
  /// Mean of the valid values (precondition count > 0).
  [[nodiscard]] double mean() const noexcept {
    return origin + s[0].value() / static_cast<double>(count);
  }
  /// Sum of the valid values.
  [[nodiscard]] double sum() const noexcept {
    return static_cast<double>(count) * origin + s[0].value();
  }
  /// Central moment sums M_p = sum (x - mean)^p for p = 2..P (index p-2), from the raw sums.
  [[nodiscard]] std::array<double, 3> central() const noexcept {
    std::array<double, 3> m{0.0, 0.0, 0.0};
    if (count == 0 || constant()) return m;
    const double n = static_cast<double>(count);
    const double a1 = s[0].value() / n;
    if constexpr (P >= 2) m[0] = std::max(0.0, s[1].value() - a1 * s[0].value());
    if constexpr (P >= 3) {
      const double a2 = s[1].value() / n;
      const double a3 = s[2].value() / n;
      m[1] = n * (a3 - 3.0 * a1 * a2 + 2.0 * a1 * a1 * a1);
    }
    if constexpr (P >= 4) {
      const double a2 = s[1].value() / n;
      const double a3 = s[2].value() / n;
      const double a4 = s[3].value() / n;
      const double a1sq = a1 * a1;
      m[2] = std::max(0.0, n * (a4 - 4.0 * a1 * a3 + 6.0 * a1sq * a2 - 3.0 * a1sq * a1sq));
    }
    return m;
  }

 private:
  void reanchor(double x) noexcept {
    origin = x;
    for (auto& c : s) c.clear();
  }
  void accumulate(double d, double sign) noexcept {
    double p = sign * d;
    s[0].add(p);
    if constexpr (P >= 2) {
      p *= d;
      s[1].add(p);
    }
    if constexpr (P >= 3) {
      p *= d;
      s[2].add(p);
    }
    if constexpr (P >= 4) {
      p *= d;
      s[3].add(p);
    }
  }
};

/// Sums over pairs (x, y) for covariance-type statistics; a pair is valid iff both are non-NaN.
struct pair_sums {
  using element = std::array<double, 2>;
  static constexpr std::size_t arity = 2;

  double ox = 0.0, oy = 0.0;  // origins
  std::size_t count = 0;
  compensated_sum sx, sy, sxx, syy, sxy;
  std::size_t run_x = 0, run_y = 0;
  double last_x = nan, last_y = nan;
  element newest{nan, nan};

  [[nodiscard]] static bool valid(const element& e) noexcept {
    return !is_nan(e[0]) && !is_nan(e[1]);
  }
  void add(const element& e) noexcept {
    newest = e;
    if (!valid(e)) return;
    if (count == 0) {
      ox = e[0];
      oy = e[1];
      clear_sums();
    }
    run_x = (e[0] == last_x) ? run_x + 1 : 1;
    run_y = (e[1] == last_y) ? run_y + 1 : 1;
    last_x = e[0];
    last_y = e[1];
    ++count;
    accumulate(e[0] - ox, e[1] - oy, 1.0);
  }
  void remove(const element& e) noexcept {
    if (!valid(e)) return;
    --count;
    accumulate(e[0] - ox, e[1] - oy, -1.0);
  }
  template <class ForEach>
  void rebuild(ForEach&& for_each) {
    compensated_sum tx, ty;
    std::size_t n = 0;
    for_each([&](const element& e) {
      if (valid(e)) {
        tx.add(e[0]);
        ty.add(e[1]);
        ++n;
      }
    });
    clear_sums();
    count = n;
    ox = n == 0 ? 0.0 : tx.value() / static_cast<double>(n);
    oy = n == 0 ? 0.0 : ty.value() / static_cast<double>(n);
    for_each([&](const element& e) {
      if (valid(e)) accumulate(e[0] - ox, e[1] - oy, 1.0);
    });
  }
  void clear() noexcept { *this = pair_sums{}; }

  [[nodiscard]] bool constant_x() const noexcept { return run_x >= count; }
  [[nodiscard]] bool ill_conditioned() const noexcept {
    return drifted(sx.value(), sxx.value(), count, constant_x()) ||
           drifted(sy.value(), syy.value(), count, constant_y());
  }
  [[nodiscard]] bool constant_y() const noexcept { return run_y >= count; }
  /// Centred sums: sum (x-mx)^2, sum (y-my)^2, sum (x-mx)(y-my).
  [[nodiscard]] std::array<double, 3> central() const noexcept {
    if (count == 0) return {0.0, 0.0, 0.0};
    const double n = static_cast<double>(count);
    const double mx = sx.value() / n;
    const double my = sy.value() / n;
    const double cxx = constant_x() ? 0.0 : std::max(0.0, sxx.value() - mx * sx.value());
    const double cyy = constant_y() ? 0.0 : std::max(0.0, syy.value() - my * sy.value());
    const double cxy = (constant_x() || constant_y()) ? 0.0 : sxy.value() - mx * sy.value();
    return {cxx, cyy, cxy};
  }

 private:
  void clear_sums() noexcept {
    sx.clear();
    sy.clear();
    sxx.clear();
    syy.clear();
    sxy.clear();
  }
  void accumulate(double dx, double dy, double sign) noexcept {
    sx.add(sign * dx);
    sy.add(sign * dy);
    sxx.add(sign * dx * dx);
    syy.add(sign * dy * dy);
    sxy.add(sign * dx * dy);
  }
};

/// Shared body of a windowed accumulator D over sums S with params P. D provides
/// `static std::size_t statistic_min(const P&)`, `static const char* name()` and
/// `static double compute(const S&, const P&)` (called only once count >= min_count).
/// P has `window` and `min_periods`. The streaming update and the static batch kernel run the
/// same sequence of floating-point operations, so their outputs are bit-equal.
template <class D, class S, class P>
class window_stat {
 public:
  using params = P;

  explicit window_stat(const P& p)
      : p_(p),
        cfg_(resolve_window(p.window, p.min_periods, D::statistic_min(p), D::name())),
        ring_(p.window) {}

  /// Pushes one input (one-input accumulators).
  void update(double x) noexcept requires(S::arity == 1) { push(x); }
  /// Pushes one aligned pair (two-input accumulators).
  void update(double x, double y) noexcept requires(S::arity == 2) { push({x, y}); }

  /// The statistic over the current window; NaN unless ready().
  [[nodiscard]] double value() const noexcept { return ready() ? D::compute(sums_, p_) : nan; }
  /// True once the window holds >= min_count valid values.
  [[nodiscard]] bool ready() const noexcept { return sums_.count >= cfg_.min_count; }
  /// Number of leading NaN outputs on a NaN-free series: min_count - 1 (w - 1 by default).
  [[nodiscard]] std::size_t lookback() const noexcept { return cfg_.min_count - 1; }
  /// Valid (non-NaN) values currently in the window.
  [[nodiscard]] std::size_t count() const noexcept { return sums_.count; }
  /// The validated parameters.
  [[nodiscard]] const P& parameters() const noexcept { return p_; }
  /// The running sums (for derived accessors such as linear_regression::slope()).
  [[nodiscard]] const S& sums() const noexcept { return sums_; }
  /// Back to the freshly constructed state.
  void reset() noexcept {
    ring_.clear();
    sums_.clear();
    since_rebuild_ = 0;
  }

  /// Batch kernel over a series (one-input accumulators); bit-equal to streaming.
  static void batch(const P& p, std::span<const double> in,
                    std::span<double> out) requires(S::arity == 1) {
    check_lengths(in.size(), out.size());
    run_batch(
        p, in.size(), [&](std::size_t i) { return in[i]; }, out);
  }
  /// Batch kernel over aligned x, y (two-input accumulators); bit-equal to streaming.
  static void batch(const P& p, std::span<const double> x, std::span<const double> y,
                    std::span<double> out) requires(S::arity == 2) {
    check_lengths(x.size(), y.size());
    check_lengths(x.size(), out.size());
    run_batch(
        p, x.size(),
        [&](std::size_t i) {
          return typename S::element{x[i], y[i]};
        },
        out);
  }

 private:
  using element = typename S::element;

  static void check_lengths(std::size_t a, std::size_t b) {
    if (a != b)
      throw shape_error(std::string(D::name()) + ": inputs/outputs of " + std::to_string(a) +
                        " and " + std::to_string(b) + " values");
  }

  void push(const element& x) noexcept {
    if (ring_.full()) sums_.remove(ring_.front());
    ring_.push(x);
    sums_.add(x);
    if (++since_rebuild_ == cfg_.window || sums_.ill_conditioned()) {
      since_rebuild_ = 0;
      sums_.rebuild([this](auto&& f) { ring_.for_each(f); });
    }
  }

  template <class Get>
  static void run_batch(const P& p, std::size_t n, Get get, std::span<double> out) {
    const window_config cfg =
        resolve_window(p.window, p.min_periods, D::statistic_min(p), D::name());
    exact_range(p, cfg, get, out.data(), 0, n);
  }

  /// Outputs [from, to) by the exact (streaming) operations, starting from an empty state at the
  /// first input of the window ending at `from`. With from = 0 this is the streaming sequence.
  template <class Get>
  static void exact_range(const P& p, const window_config& cfg, Get get, double* out,
                          std::size_t from, std::size_t to) {
    const std::size_t w = cfg.window;
    const std::size_t lo = from + 1 >= w ? from + 1 - w : 0;
    S sums;
    std::size_t since = 0;
    for (std::size_t i = lo; i < to; ++i) {
      if (i >= lo + w) sums.remove(get(i - w));
      sums.add(get(i));
      if (++since == w || sums.ill_conditioned()) {
        since = 0;
        const std::size_t first = std::max(lo, i + 1 >= w ? i + 1 - w : 0);  // window not full
        sums.rebuild([&](auto&& f) {
          for (std::size_t j = first; j <= i; ++j) f(get(j));
        });
      }
      if (i >= from) out[i] = sums.count >= cfg.min_count ? D::compute(sums, p) : nan;
    }
  }

 protected:
  /// Fast batch kernel (block two-scan of rolling_block.hpp) over the K channels of S's shifted
  /// sums; `fin(const block::sums8&, block::m8& ill, block::v8& out)` finalises 8 outputs. Not
  /// bit-equal to streaming: see the accumulators' documented tolerance.
  template <std::size_t K, class Fin>
  static void block_batch(const P& p, std::size_t ddof, std::span<const double> x,
                          std::span<const double> y, std::span<double> out, Fin fin) {
    check_lengths(x.size(), out.size());
    if constexpr (S::arity == 2) check_lengths(x.size(), y.size());
    const window_config cfg =
        resolve_window(p.window, p.min_periods, D::statistic_min(p), D::name());
    block::kernel<S::arity, K> k(cfg.window, cfg.min_count, ddof, x.data(),
                                 S::arity == 2 ? y.data() : nullptr, x.size());
    k.run(out.data(), fin, [&](std::size_t from, std::size_t to) {
      if constexpr (S::arity == 2)
        exact_range(
            p, cfg,
            [&](std::size_t i) {
              return element{x[i], y[i]};
            },
            out.data(), from, to);
      else
        exact_range(
            p, cfg, [&](std::size_t i) { return x[i]; }, out.data(), from, to);
    });
  }

 private:
  P p_;
  window_config cfg_;
  ring_buffer<element> ring_;
  S sums_;
  std::size_t since_rebuild_ = 0;
};

/// Shared body of an expanding accumulator: every input since construction/reset is in the
/// window; no removal, no rebuild. P has `min_periods` (default 1).
template <class D, class S, class P>
class expanding_stat {
 public:
  using params = P;

  explicit expanding_stat(const P& p)
      : p_(p), min_count_(resolve_expanding(p.min_periods, D::statistic_min(p))) {}

  void update(double x) noexcept requires(S::arity == 1) { sums_.add(x); }
  void update(double x, double y) noexcept requires(S::arity == 2) { sums_.add({x, y}); }
  [[nodiscard]] double value() const noexcept { return ready() ? D::compute(sums_, p_) : nan; }
  [[nodiscard]] bool ready() const noexcept { return sums_.count >= min_count_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return min_count_ - 1; }
  [[nodiscard]] std::size_t count() const noexcept { return sums_.count; }
  [[nodiscard]] const P& parameters() const noexcept { return p_; }
  [[nodiscard]] const S& sums() const noexcept { return sums_; }
  void reset() noexcept { sums_.clear(); }

 private:
  P p_;
  std::size_t min_count_;
  S sums_;
};

}  // namespace detail
ALPHA_END_NAMESPACE
