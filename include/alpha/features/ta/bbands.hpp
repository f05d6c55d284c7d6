/// @file
/// alpha::features::bbands: Bollinger bands (TA-Lib BBANDS with SMA; population sd).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ta_series.hpp"
#include "alpha/features/ta/concept.hpp"

#if defined(__SSE2__)
#include <immintrin.h>
#endif

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// Bollinger bands, TA-Lib BBANDS (MA type SMA) = TTR BBands: middle = SMA_n(x),
/// sd = POPULATION standard deviation of the same n values (divide by n), upper = middle +
/// nbdev_up sd, lower = middle - nbdev_dn sd; percent_b = (x - lower) / (upper - lower) (TTR
/// pctB; NaN when upper = lower), bandwidth = (upper - lower) / middle (NaN when middle = 0).
/// Moments: sums of deviations from an origin o that is moved to the window mean and the sums
/// rebuilt from the window every n updates (so rounding never accumulates over more than n
/// slides): middle = o + S1 (1/n), var = S2 (1/n) - (S1 (1/n))^2 (>= 0), S_k = sum (x - o)^k. Exact
/// on constant windows (n equal values: middle = the value, sd = 0). More precise than TA-Lib's
/// running sum of squares (CONVENTIONS.md: TA-Lib loses ~1e-9 absolute at levels ~1000); middle
/// differs from TA-Lib's sum/n in the last bits.
///
/// - Params: period n >= 1 (TA-Lib default 5), nbdev_up and nbdev_dn finite (2, 2).
/// - Outputs: upper, middle, lower, percent_b, bandwidth. Lookback: n - 1.
/// - NaN rule: a NaN input is skipped (state unchanged, outputs repeat the previous ones).
/// - Complexity: O(1) amortised per update (an O(n) rebuild every n updates), O(n) memory;
///   batch kernel (the same operations on the input in place, outputs combined in vectorised
///   blocks) bit-equal to streaming.
/// @test tests/features/series_stats_test.cpp (TA-Lib and TTR bb_* on ttrc/sp500/msft; laws)
class bbands {
 public:
  struct params {
    std::size_t period = 5;  ///< n >= 1
    double nbdev_up = 2.0;   ///< finite
    double nbdev_dn = 2.0;   ///< finite
  };
  static constexpr std::array<std::string_view, 5> output_names{"upper", "middle", "lower",
                                                                "percent_b", "bandwidth"};

  explicit bbands(const params& p) : p_(checked(p)), window_(2 * p_.period) {}

  void update(double x) noexcept {
    if (is_nan(x)) return;
    const std::size_t n = p_.period;
    if (count_ < n) {
      if (count_ == 0) m_.o = x;
      window_[count_] = window_[count_ + n] = x;
      m_.add(x);
      ++count_;
    } else {
      m_.slide(x, window_[pos_]);
      window_[pos_] = window_[pos_ + n] = x;
      pos_ = pos_ + 1 == n ? 0 : pos_ + 1;
      if (++since_ == n) {
        since_ = 0;
        m_.rebuild(1.0 / static_cast<double>(n), window_.data() + pos_, n);
      }
    }
    run_ = x == last_ ? run_ + 1 : 1;
    last_ = x;
  }
  [[nodiscard]] std::array<double, 5> value() const noexcept {
    if (!ready()) return {nan, nan, nan, nan, nan};
    double mean, var;
    m_.stats(1.0 / static_cast<double>(p_.period), run_ >= p_.period, last_, mean, var);
    return combine(last_, mean, std::sqrt(var), p_.nbdev_up, p_.nbdev_dn);
  }
  [[nodiscard]] bool ready() const noexcept { return count_ == p_.period; }
  [[nodiscard]] std::size_t lookback() const noexcept { return p_.period - 1; }
  void reset() noexcept {
    m_ = {};
    count_ = pos_ = since_ = run_ = 0;
    last_ = nan;
  }

  /// Batch kernel: the streaming operations over the NaN-free values (the window read from the
  /// input itself), mean and sd of a block of bars first, then the five outputs of the block in
  /// one vectorisable loop. Bit-equal to streaming.
  static void batch(const params& p, const series_input& in,
                    const std::array<std::span<double>, 5>& out) {
    const params q = checked(p);
    // The kernel on the series as given, checking each block for NaN while it is in cache; a
    // NaN (or a series shorter than the window) sends the whole run through the NaN-skipping
    // path (no separate scan of the series on the common path).
    const auto kernel = [&q](auto xs, const auto& o) -> bool {
      const std::size_t size = xs.size(), n = q.period;
      const double inv_n = 1.0 / static_cast<double>(n), up = q.nbdev_up, dn = q.nbdev_dn;
      const double* x = xs.data();
      double *yu = o[0].data(), *ym = o[1].data(), *yl = o[2].data(), *yp = o[3].data(),
             *yb = o[4].data();
      for (std::size_t t = 0; t < size && t + 1 < n; ++t)
        yu[t] = ym[t] = yl[t] = yp[t] = yb[t] = nan;
      if (size < n) return true;
      bool bad = false;
      for (std::size_t t = 0; t < n; ++t) bad |= is_nan(x[t]);
      moments m;
      m.o = x[0];
      std::size_t run = 0, since = 0;
      double last = nan;
      for (std::size_t t = 0; t < n; ++t) {
        m.add(x[t]);
        run = x[t] == last ? run + 1 : 1;
        last = x[t];
      }
      constexpr std::size_t block = 64;
      double var[block];
      for (std::size_t b0 = n - 1; b0 < size; b0 += block) {
        const std::size_t b1 = b0 + block < size ? b0 + block : size;
        for (std::size_t t = b0; t < b1; ++t) {
          if (t >= n) {
            const double v = x[t];
            m.slide(v, x[t - n]);
            if (++since == n) {
              since = 0;
              m.rebuild(inv_n, x + (t + 1 - n), n);
            }
            run = v == last ? run + 1 : 1;
            last = v;
          }
          m.stats(inv_n, run >= n, last, ym[t], var[t - b0]);
        }
        sqrt_block(var, b1 - b0);
        bad |= combine_block(b1 - b0, x + b0, ym + b0, var, up, dn, yu + b0, yl + b0, yp + b0,
                             yb + b0);
      }
      return bad;
    };
    if (kernel(in.close, out))
      ::alpha::detail::ta::skip_nan_batch<5>(in.close, out,
                                             [&kernel](auto xs, const auto& o) { kernel(xs, o); });
  }

 private:
  /// v = sqrt(v) elementwise (>= 0 inputs), with the x86 packet instructions where available:
  /// IEEE sqrt is correctly rounded, so this equals std::sqrt bit for bit (std::sqrt in a loop
  /// does not vectorise without -fno-math-errno; Eigen's AVX-512 packet sqrt is an rsqrt
  /// approximation under EIGEN_FAST_MATH, so it is not used).
  static void sqrt_block(double* v, std::size_t len) noexcept {
    std::size_t i = 0;
#if defined(__AVX512F__)
    for (; i + 8 <= len; i += 8) _mm512_storeu_pd(v + i, _mm512_sqrt_pd(_mm512_loadu_pd(v + i)));
#elif defined(__AVX__)
    for (; i + 4 <= len; i += 4) _mm256_storeu_pd(v + i, _mm256_sqrt_pd(_mm256_loadu_pd(v + i)));
#elif defined(__SSE2__)
    for (; i + 2 <= len; i += 2) _mm_storeu_pd(v + i, _mm_sqrt_pd(_mm_loadu_pd(v + i)));
#endif
    for (; i < len; ++i) v[i] = std::sqrt(v[i]);
  }
  /// Window moments about an origin o: s1 = sum (x - o), s2 = sum (x - o)^2.
  struct moments {
    double o = 0.0, s1 = 0.0, s2 = 0.0;
    void add(double x) noexcept {
      const double d = x - o;
      s1 += d;
      s2 = ::alpha::detail::ta::madd(d, d, s2);
    }
    void slide(double in, double out) noexcept {
      const double a = in - o, b = out - o;
      s1 += a - b;
      s2 += ::alpha::detail::ta::madd(a, a, -(b * b));
    }
    /// Moves o to the window mean and recomputes the sums from the window w[0, n), oldest first.
    void rebuild(double inv_n, const double* w, std::size_t n) noexcept {
      o = ::alpha::detail::ta::madd(s1, inv_n, o);
      // Four partial sums by position (i mod 4): independent dependency chains.
      double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0, b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
      std::size_t i = 0;
      for (; i + 4 <= n; i += 4) {
        const double d0 = w[i] - o, d1 = w[i + 1] - o, d2 = w[i + 2] - o, d3 = w[i + 3] - o;
        a0 += d0;
        a1 += d1;
        a2 += d2;
        a3 += d3;
        b0 = ::alpha::detail::ta::madd(d0, d0, b0);
        b1 = ::alpha::detail::ta::madd(d1, d1, b1);
        b2 = ::alpha::detail::ta::madd(d2, d2, b2);
        b3 = ::alpha::detail::ta::madd(d3, d3, b3);
      }
      if (i < n) {
        const double d = w[i] - o;
        a0 += d;
        b0 = ::alpha::detail::ta::madd(d, d, b0);
      }
      if (i + 1 < n) {
        const double d = w[i + 1] - o;
        a1 += d;
        b1 = ::alpha::detail::ta::madd(d, d, b1);
      }
      if (i + 2 < n) {
        const double d = w[i + 2] - o;
        a2 += d;
        b2 = ::alpha::detail::ta::madd(d, d, b2);
      }
      s1 = (a0 + a1) + (a2 + a3);
      s2 = (b0 + b1) + (b2 + b3);
    }
    /// Mean and population variance (>= 0; exactly the last value and 0 if `constant`).
    void stats(double inv_n, bool constant, double last, double& mean, double& var) const noexcept {
      if (constant) {
        mean = last;
        var = 0.0;
        return;
      }
      const double m1 = s1 * inv_n;
      mean = ::alpha::detail::ta::madd(s1, inv_n, o);
      const double v = ::alpha::detail::ta::madd(-m1, m1, s2 * inv_n);
      var = v > 0.0 ? v : 0.0;
    }
  };

  /// combine() over a block, vectorisable (disjoint arrays; both NaN alternatives computed).
  /// Returns whether x has a NaN in the block.
  static bool combine_block(std::size_t len, const double* __restrict x, const double* __restrict m,
                            const double* __restrict sd, double up, double dn,
                            double* __restrict yu, double* __restrict yl, double* __restrict yp,
                            double* __restrict yb) noexcept {
    for (std::size_t i = 0; i < len; ++i) {
      const double upper = ::alpha::detail::ta::madd(up, sd[i], m[i]);
      const double lower = ::alpha::detail::ta::madd(-dn, sd[i], m[i]);
      const double width = upper - lower;
      const double pb = (x[i] - lower) / width, bw = width / m[i];
      yu[i] = upper;
      yl[i] = lower;
      yp[i] = width != 0.0 ? pb : nan;
      yb[i] = m[i] != 0.0 ? bw : nan;
    }
    unsigned bad = 0;  // (not bool: GCC vectorises the integer OR reduction)
    for (std::size_t i = 0; i < len; ++i) bad |= static_cast<unsigned>(x[i] != x[i]);
    return bad != 0;
  }
  static std::array<double, 5> combine(double x, double m, double sd, double up,
                                       double dn) noexcept {
    const double upper = ::alpha::detail::ta::madd(up, sd, m);
    const double lower = ::alpha::detail::ta::madd(-dn, sd, m);
    const double width = upper - lower;
    return {upper, m, lower, width != 0.0 ? (x - lower) / width : nan, m != 0.0 ? width / m : nan};
  }
  static params checked(const params& p) {
    ::alpha::detail::ta::check_period(p.period, "period");
    ::alpha::detail::ta::check_finite(p.nbdev_up, "nbdev_up");
    ::alpha::detail::ta::check_finite(p.nbdev_dn, "nbdev_dn");
    return p;
  }
  params p_;
  // The last n values, a ring once full (pos_ = oldest), stored twice (slots i and i + n) so
  // that the window is always the contiguous range [pos_, pos_ + n).
  std::vector<double> window_;
  moments m_;
  std::size_t count_ = 0, pos_ = 0, since_ = 0, run_ = 0;
  double last_ = nan;
};

}  // namespace features
ALPHA_END_NAMESPACE
