/// @file
/// Private machinery of the fast batch kernels of the windowed moment accumulators
/// (rolling::sum, mean, variance, std_dev, zscore, covariance, correlation, beta):
/// a vectorised block two-scan (van Herk / Gil-Werman decomposition applied to sums).
///
/// Scheme. The series is cut into blocks of w inputs. The window ending at t = (k+1)w + j
/// (0 <= j < w) is the suffix of block k from j+1 plus the prefix of block k+1 up to j, so
///     S(t) = suffix_k[j+1] + prefix_{k+1}[j],
/// two fresh sums of at most w terms each: no subtraction of values that left the window, hence
/// no drift and no cancellation against values outside the window. For the second-order sums
/// both scans work on shifted data d = x - a, with one anchor a per block pair: the last valid
/// input of block k (known at every t of block k+1: no look-ahead); sum and mean sum x itself. The
/// scans run 8 lanes at a time (in-register log-step scan plus a carry), on GCC/Clang vector
/// extensions, so the same operations (and results) are produced with or without AVX-512; only the
/// square root uses explicit x86 packet intrinsics (IEEE sqrt, correctly rounded, so equal to
/// std::sqrt).
///
/// NaN: a NaN input contributes 0 to every sum and 0 to the valid count (an extra scanned
/// channel, only in blocks that hold a NaN); outputs with count < min_count are NaN.
///
/// Conditioning: when the anchor is far from the window mean relative to the spread
/// ((sum d)^2 / n > block_ill_ratio * M2, M2 = sum d^2 - (sum d)^2 / n; this includes windows of
/// equal values that differ from the anchor) the kernel stops at that output and finishes the
/// block with the exact streaming kernel (compensated sums, exact zero on constant windows), so
/// the relative error of M2 stays below ~(w + 8) 2^-53 (1 + 2 block_ill_ratio). The first block
/// (windows not yet full) also uses the exact kernel. Outputs before t never depend on inputs
/// after t.
///
/// Cost: per input, 2 scans per sum (one prefix, one suffix), one load of the input from memory
/// (the second visit of a block hits L1), one store; O(w) scratch.
// IWYU pragma: private, include "alpha/rolling.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

ALPHA_BEGIN_NAMESPACE
namespace detail::block {

// Vector types are passed by value between inlined helpers; silence GCC's note that the ABI of
// 64-byte vectors differs with/without AVX-512 (nothing here crosses a translation unit).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

/// 8 doubles (one AVX-512 register; split by the compiler on narrower targets).
using v8 = double __attribute__((vector_size(64)));
/// Lane mask of a comparison of two v8 (all ones = true).
using m8 = decltype(v8{} < v8{});

inline constexpr std::size_t lanes = 8;

/// Ratio above which a window is re-done by the exact kernel (see the file comment).
inline constexpr double block_ill_ratio = 1024.0;

/// Documented bound on |fast batch - streaming| relative to the output's scale, for window w:
/// the fast kernel's error, (w + 8) u (1 + 3 block_ill_ratio) with u = 2^-53 (sums of at most
/// 2w shifted terms in scan order, then M2 = S2 - S1^2/n with S1^2/n <= block_ill_ratio M2),
/// plus the streaming kernel's, 4 u ill_conditioned_ratio (its own rebuild trigger, 1e5).
[[nodiscard]] constexpr double tolerance(std::size_t window) noexcept {
  constexpr double u = 0x1p-53;
  return (static_cast<double>(window) + 8.0) * u * (1.0 + 3.0 * block_ill_ratio) + 4.0 * u * 1e5;
}

// Helpers take and return vectors by reference only: a 64-byte vector passed or returned by
// value makes GCC warn (-Wpsabi) about an ABI change without AVX-512, at a location that no
// diagnostic pragma covers.
#define ALPHA_BLOCK_INLINE [[gnu::always_inline]] inline

ALPHA_BLOCK_INLINE void load(v8& v, const double* p) noexcept { std::memcpy(&v, p, sizeof v); }
ALPHA_BLOCK_INLINE void store(double* p, const v8& v) noexcept { std::memcpy(p, &v, sizeof v); }

/// Loads the 8 values p[start + i] with lo <= start + i < hi (other lanes read as 0).
ALPHA_BLOCK_INLINE void load_partial(v8& v, const double* p, std::ptrdiff_t start,
                                     std::ptrdiff_t lo, std::ptrdiff_t hi) noexcept {
  v = v8{};
  for (std::ptrdiff_t i = 0; i < 8; ++i)
    if (start + i >= lo && start + i < hi) v[i] = p[start + i];
}

/// In place inclusive prefix sum across the lanes: v[i] = v[0] + ... + v[i] (log-step order).
ALPHA_BLOCK_INLINE void prefix_scan(v8& v) noexcept {
  const v8 z{};
  v += __builtin_shufflevector(z, v, 0, 8, 9, 10, 11, 12, 13, 14);
  v += __builtin_shufflevector(z, v, 0, 1, 8, 9, 10, 11, 12, 13);
  v += __builtin_shufflevector(z, v, 0, 1, 2, 3, 8, 9, 10, 11);
}
/// In place inclusive suffix sum across the lanes: v[i] = v[i] + ... + v[7].
ALPHA_BLOCK_INLINE void suffix_scan(v8& v) noexcept {
  const v8 z{};
  v += __builtin_shufflevector(v, z, 1, 2, 3, 4, 5, 6, 7, 8);
  v += __builtin_shufflevector(v, z, 2, 3, 4, 5, 6, 7, 8, 9);
  v += __builtin_shufflevector(v, z, 4, 5, 6, 7, 8, 9, 10, 11);
}

/// In place elementwise IEEE square root (correctly rounded: equal to std::sqrt lane by lane).
ALPHA_BLOCK_INLINE void sqrt_in_place(v8& v) noexcept {
#if defined(__AVX512F__)
  __m512d r;
  std::memcpy(&r, &v, sizeof v);
  r = _mm512_sqrt_pd(r);
  std::memcpy(&v, &r, sizeof v);
#elif defined(__AVX__)
  alignas(64) double a[8];
  std::memcpy(a, &v, sizeof v);
  _mm256_store_pd(a, _mm256_sqrt_pd(_mm256_load_pd(a)));
  _mm256_store_pd(a + 4, _mm256_sqrt_pd(_mm256_load_pd(a + 4)));
  std::memcpy(&v, a, sizeof v);
#elif defined(__SSE2__)
  alignas(64) double a[8];
  std::memcpy(a, &v, sizeof v);
  for (int i = 0; i < 8; i += 2) _mm_store_pd(a + i, _mm_sqrt_pd(_mm_load_pd(a + i)));
  std::memcpy(&v, a, sizeof v);
#else
  for (int i = 0; i < 8; ++i) v[i] = std::sqrt(v[i]);
#endif
}

[[nodiscard]] ALPHA_BLOCK_INLINE bool any(const m8& m) noexcept {
  long long r = 0;
  for (int i = 0; i < 8; ++i) r |= static_cast<long long>(m[i]);
  return r != 0;
}
/// Index of the first true lane (precondition: any(m)).
[[nodiscard]] ALPHA_BLOCK_INLINE std::size_t first(const m8& m) noexcept {
  for (std::size_t i = 0; i < 8; ++i)
    if (m[i] != 0) return i;
  return 8;
}

/// What a finaliser sees for 8 consecutive outputs: the window sums of the K channels (of the
/// shifted data: d, d^2 for one input; dx, dy, dx^2, dy^2, dx dy for pairs), the valid count n,
/// 1 / n, 1 / (n - ddof), the newest shifted input dx = x_t - a (NaN if x_t is NaN) and the
/// anchor a of x (the sums are of x - a).
struct sums8 {
  std::array<v8, 5> s;
  v8 n, inv_n, inv_dof, dx, a;
};

/// m2 = max(0, sum d^2 - (sum d)^2 / n) from (S1, S2); `ill` is set where the anchor is too far
/// from the window mean for M2 to keep its precision (see block_ill_ratio).
ALPHA_BLOCK_INLINE void centred(v8& m2, const v8& s1, const v8& s2, const v8& n, const v8& inv_n,
                                m8& ill) noexcept {
  const v8 shift = s1 * s1 * inv_n;
  m2 = s2 - shift;
  ill |= (shift > block_ill_ratio * m2) & (n >= 2.0);
  m2 = m2 > 0.0 ? m2 : v8{};
}

/// Finalisers of the accumulators' fast batch kernels: 8 outputs from the window sums of the
/// shifted data (sums8), flagging in `ill` the windows the exact kernel must redo.
struct fin_sum {
  void operator()(const sums8& s, m8&, v8& o) const noexcept { o = s.n * s.a + s.s[0]; }
};
struct fin_mean {
  void operator()(const sums8& s, m8&, v8& o) const noexcept { o = s.a + s.s[0] * s.inv_n; }
};
/// Variance (Sqrt = false) or standard deviation (true): M2 / (n - ddof).
template <bool Sqrt>
struct fin_variance {
  void operator()(const sums8& s, m8& ill, v8& o) const noexcept {
    centred(o, s.s[0], s.s[1], s.n, s.inv_n, ill);
    o *= s.inv_dof;
    if constexpr (Sqrt) sqrt_in_place(o);
  }
};
/// (x_t - mean) / sd; NaN when x_t is NaN or sd = 0.
struct fin_zscore {
  void operator()(const sums8& s, m8& ill, v8& o) const noexcept {
    v8 sd;
    centred(sd, s.s[0], s.s[1], s.n, s.inv_n, ill);
    sd *= s.inv_dof;
    sqrt_in_place(sd);
    const v8 z = (s.dx - s.s[0] * s.inv_n) / sd;
    o = sd > 0.0 ? z : v8{} + nan;
  }
};
/// Centred pair sums cxx, cyy, cxy (ill-conditioning of x or y flagged).
ALPHA_BLOCK_INLINE void centred_pair(const sums8& s, m8& ill, v8& cxx, v8& cyy, v8& cxy) noexcept {
  centred(cxx, s.s[0], s.s[2], s.n, s.inv_n, ill);
  centred(cyy, s.s[1], s.s[3], s.n, s.inv_n, ill);
  cxy = s.s[4] - s.s[0] * s.inv_n * s.s[1];
}
/// Covariance cxy / (n - ddof); exactly 0 when x or y is constant.
struct fin_covariance {
  void operator()(const sums8& s, m8& ill, v8& o) const noexcept {
    v8 cxx, cyy, cxy;
    centred_pair(s, ill, cxx, cyy, cxy);
    o = ((cxx > 0.0) & (cyy > 0.0) ? cxy : v8{}) * s.inv_dof;
  }
};
/// Pearson correlation clamped to [-1, 1]; NaN when x or y is constant.
struct fin_correlation {
  void operator()(const sums8& s, m8& ill, v8& o) const noexcept {
    v8 cxx, cyy, cxy;
    centred_pair(s, ill, cxx, cyy, cxy);
    v8 den = cxx * cyy;
    sqrt_in_place(den);
    const v8 r = cxy / den;
    const v8 one = v8{} + 1.0;
    const v8 c = r > 1.0 ? one : (r < -1.0 ? -one : r);
    o = (cxx > 0.0) & (cyy > 0.0) ? c : v8{} + nan;
  }
};
/// OLS slope of y on x: cxy / cxx; NaN when x is constant.
struct fin_beta {
  void operator()(const sums8& s, m8& ill, v8& o) const noexcept {
    v8 cxx, cyy, cxy;
    centred_pair(s, ill, cxx, cyy, cxy);
    o = cxx > 0.0 ? cxy / cxx : v8{} + nan;
  }
};

/// Blocks of w inputs: 2 or 3 arrays of (w + 24) doubles per channel holding suffix sums.
template <std::size_t Arity, std::size_t K>
class kernel {
  static_assert((Arity == 1 && (K == 1 || K == 2)) || (Arity == 2 && K == 5));

 public:
  kernel(std::size_t window, std::size_t min_count, std::size_t ddof, const double* x,
         const double* y, std::size_t n)
      : w_(window),
        min_count_(static_cast<double>(min_count)),
        ddof_(static_cast<double>(ddof)),
        x_(x),
        y_(y),
        n_(n),
        stride_(window + 24),
        suffix_chunks_((window + 6) / 8),
        scratch_((K + 1) * stride_, 0.0) {
    // lanes of the top suffix chunk that lie inside the block (relative index < w - 1)
    const v8 lane{0, 1, 2, 3, 4, 5, 6, 7};
    top_keep_ = lane + 8.0 * static_cast<double>(suffix_chunks_ == 0 ? 0 : suffix_chunks_ - 1) <
                static_cast<double>(window) - 1.0;
    full_n_ = v8{} + static_cast<double>(window);
    full_inv_n_ = 1.0 / full_n_;
    full_inv_dof_ = 1.0 / (full_n_ - ddof_);
  }

  /// Runs the kernel: `fin(const sums8&, m8& ill, v8& out)` writes 8 outputs; `exact(from, to)`
  /// writes outputs [from, to) with the exact streaming kernel.
  template <class Fin, class Exact>
  void run(double* out, Fin fin, Exact exact) {
    const std::size_t w = w_;
    const std::size_t n = n_;
    if (n == 0) return;
    exact(0, std::min(w, n));
    if (n <= w) return;
    bool prev_nan = has_nan(0, w);
    double ax = 0.0, ay = 0.0;
    for (std::size_t b = w; b < n; b += w) {
      const std::size_t e = std::min(b + w, n);
      // anchor: last valid input of the previous block; none for sum/mean (K = 1), whose error
      // bound is then relative to the window's own sum of |x| (never to values outside it)
      for (std::size_t i = b; K > 1 && i-- > b - w;) {
        if (valid(i)) {
          ax = x_[i];
          if constexpr (Arity == 2) ay = y_[i];
          break;
        }
      }
      const bool cur_nan = has_nan(b, e);
      std::size_t stop = e;
      if (prev_nan || cur_nan) {
        if (process<true, false>(b, e, ax, ay, out, fin) != e)
          stop = process<true, true>(b, e, ax, ay, out, fin);
      } else {
        if (process<false, false>(b, e, ax, ay, out, fin) != e)
          stop = process<false, true>(b, e, ax, ay, out, fin);
      }
      if (stop < e) exact(stop, e);  // the outputs before `stop` stand
      prev_nan = cur_nan;
    }
  }

 private:
  [[nodiscard]] bool valid(std::size_t i) const noexcept {
    if constexpr (Arity == 2)
      return !is_nan(x_[i]) && !is_nan(y_[i]);
    else
      return !is_nan(x_[i]);
  }
  [[nodiscard]] bool has_nan(std::size_t lo, std::size_t hi) const noexcept {
    m8 bad{};
    std::size_t i = lo;
    for (; i + 8 <= hi; i += 8) {
      v8 v;
      load(v, x_ + i);
      bad |= v != v;
      if constexpr (Arity == 2) {
        load(v, y_ + i);
        bad |= v != v;
      }
    }
    bool tail = false;
    for (; i < hi; ++i) tail = tail || !valid(i);
    return tail || any(bad);
  }
  [[nodiscard]] double* suf(std::size_t c) noexcept { return scratch_.data() + c * stride_ + 8; }

  /// Shifted inputs and channels of the 8 inputs starting at s (absolute index, may be < 0 or
  /// run past n: those lanes read 0 and are never used).
  template <bool HasNan>
  void channels(std::ptrdiff_t s, double ax, double ay, std::array<v8, K + 1>& ch,
                v8& dx_raw) const noexcept {
    const auto nn = static_cast<std::ptrdiff_t>(n_);
    const bool inside = s >= 0 && s + 8 <= nn;
    v8 xv;
    if (inside)
      load(xv, x_ + s);
    else
      load_partial(xv, x_, s, 0, nn);
    v8 dx = xv - ax;
    dx_raw = dx;
    v8 dy{};
    m8 ok{};
    if constexpr (Arity == 2) {
      v8 yv;
      if (inside)
        load(yv, y_ + s);
      else
        load_partial(yv, y_, s, 0, nn);
      dy = yv - ay;
      if constexpr (HasNan) ok = (xv == xv) & (yv == yv);
    } else {
      if constexpr (HasNan) ok = xv == xv;
    }
    if constexpr (HasNan) {
      dx = ok ? dx : v8{};
      dy = ok ? dy : v8{};
      ch[K] = ok ? v8{} + 1.0 : v8{};
    }
    if constexpr (Arity == 1) {
      ch[0] = dx;
      if constexpr (K == 2) ch[1] = dx * dx;
    } else {
      ch[0] = dx;
      ch[1] = dy;
      ch[2] = dx * dx;
      ch[3] = dy * dy;
      ch[4] = dx * dy;
    }
  }

  /// Outputs [b, e) of block b/w. Locate = false: computes and stores them, returns e, or b if
  /// some output must be redone by the exact kernel. Locate = true (after a false pass returned
  /// b, with the suffix sums still in scratch): returns the first such output, stores nothing.
  template <bool HasNan, bool Locate, class Fin>
  std::size_t process(std::size_t b, std::size_t e, double ax, double ay, double* out, Fin& fin) {
    constexpr std::size_t C = HasNan ? K + 1 : K;
    std::array<v8, K + 1> ch{};
    std::array<v8, K + 1> carry{};
    v8 dx_raw;
    if constexpr (!Locate) {
      // 1) suffix sums of the previous block over [b - w + 1, b), in chunks aligned with the
      // reads of step 2: suf(c)[1 + i] = sum of channel c over [b - w + 1 + i, b).
      const auto s0 = static_cast<std::ptrdiff_t>(b) - static_cast<std::ptrdiff_t>(w_) + 1;
      for (std::size_t q = suffix_chunks_; q-- > 0;) {
        channels<HasNan>(s0 + static_cast<std::ptrdiff_t>(8 * q), ax, ay, ch, dx_raw);
        for (std::size_t c = 0; c < C; ++c) {
          v8& v = ch[c];
          if (q + 1 == suffix_chunks_) v = top_keep_ ? v : v8{};  // lanes at or past b
          suffix_scan(v);
          // carry + chunk total: the same value as lane 0 of v + carry, off the critical path
          const v8 total = __builtin_shufflevector(v, v, 0, 0, 0, 0, 0, 0, 0, 0);
          v += carry[c];
          carry[c] += total;
          store(suf(c) + 1 + 8 * q, v);
        }
      }
      for (std::size_t c = 0; c < K + 1; ++c) carry[c] = v8{};
    }
    // 2) prefix sums of the current block, combined with suffix[j + 1], finalised 8 at a time.
    const v8 full_n = full_n_;
    const v8 full_inv_n = full_inv_n_;
    const v8 full_inv_dof = full_inv_dof_;
    const std::size_t len = e - b;
    const v8 anchor = v8{} + ax;
    const v8 lane{0, 1, 2, 3, 4, 5, 6, 7};
    m8 ill_any{};
    for (std::size_t j = 0; j < len; j += 8) {
      const std::size_t t = b + j;
      channels<HasNan>(static_cast<std::ptrdiff_t>(t), ax, ay, ch, dx_raw);
      sums8 s8;
      s8.a = anchor;
      for (std::size_t c = 0; c < K; ++c) {
        v8& p = ch[c];
        prefix_scan(p);
        const v8 total = __builtin_shufflevector(p, p, 7, 7, 7, 7, 7, 7, 7, 7);
        p += carry[c];
        carry[c] += total;
        load(s8.s[c], suf(c) + j + 1);
        s8.s[c] += p;
      }
      m8 ill{};
      v8 o;
      if constexpr (HasNan) {
        v8& p = ch[K];
        prefix_scan(p);
        const v8 total = __builtin_shufflevector(p, p, 7, 7, 7, 7, 7, 7, 7, 7);
        p += carry[K];
        carry[K] += total;
        load(s8.n, suf(K) + j + 1);
        s8.n += p;
        s8.inv_n = 1.0 / s8.n;
        s8.inv_dof = 1.0 / (s8.n - ddof_);
        s8.dx = dx_raw;
        fin(s8, ill, o);
        const m8 ready = s8.n >= min_count_;
        o = ready ? o : v8{} + nan;
        ill &= ready;
      } else {
        s8.n = full_n;
        s8.inv_n = full_inv_n;
        s8.inv_dof = full_inv_dof;
        s8.dx = dx_raw;
        fin(s8, ill, o);
      }
      if (len - j < 8) ill &= lane < static_cast<double>(len - j);
      if constexpr (Locate) {
        if (any(ill)) return t + first(ill);
      } else {
        ill_any |= ill;
        if (t + 8 <= n_) {
          store(out + t, o);
        } else {
          for (std::size_t i = 0; i < n_ - t; ++i) out[t + i] = o[i];
        }
      }
    }
    if constexpr (Locate)
      return e;
    else
      return any(ill_any) ? b : e;
  }

  std::size_t w_;
  double min_count_;
  double ddof_;
  const double* x_;
  const double* y_;
  std::size_t n_;
  std::size_t stride_;
  std::size_t suffix_chunks_;  // ceil((w - 1) / 8)
  m8 top_keep_{};
  v8 full_n_{}, full_inv_n_{}, full_inv_dof_{};  // n, 1/n, 1/(n - ddof) of a full NaN-free window
  std::vector<double> scratch_;
};

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
#undef ALPHA_BLOCK_INLINE

}  // namespace detail::block
ALPHA_END_NAMESPACE
