/// @file
/// Internal, fully specified random number generation: splitmix64 seeding, xoshiro256** streams,
/// and uniform, normal, gamma and Student-t samplers written with IEEE-754 basic operations only,
/// so that a seed gives the same bits with every compiler and standard library.
// IWYU pragma: private, include "alpha/data.hpp"
#pragma once

#include "alpha/config.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

ALPHA_BEGIN_NAMESPACE
namespace detail {

// Why not <random>: the engines (std::mt19937_64) are specified, but every distribution
// (std::normal_distribution, std::gamma_distribution, std::student_t_distribution...) is
// implementation-defined, so libstdc++, libc++ and MSVC give different numbers for one seed.
// Neither are std::exp / std::log / std::sin required to be correctly rounded, so libm versions
// may differ in the last bit. Everything below uses only +, -, *, /, std::sqrt (correctly rounded
// by IEEE 754), std::floor, std::frexp and std::ldexp (exact). The results are therefore
// bit-identical on any platform with IEEE-754 binary64 arithmetic in round-to-nearest mode and
// without floating-point contraction (the default on x86-64 and for MSVC; on targets with a
// fused multiply-add in the base ISA, such as AArch64, compile with -ffp-contract=off).

/// splitmix64 (Steele, Lea & Flood 2014; Vigna's reference `splitmix64.c`): a 64-bit counter
/// passed through a bijective mixer. Used to expand a seed into xoshiro state and to derive
/// independent stream seeds. The first output for state 0 is 0xe220a8397b1dcdaf.
class splitmix64 {
 public:
  constexpr explicit splitmix64(std::uint64_t state) noexcept : state_(state) {}
  constexpr std::uint64_t operator()() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

 private:
  std::uint64_t state_;
};

/// The seed of an independent stream identified by (`seed`, `kind`, `index`): three rounds of the
/// splitmix64 mixer over the combined key. Streams with different keys are statistically
/// independent for all practical purposes (the xoshiro period is 2^256 - 1).
[[nodiscard]] constexpr std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t kind,
                                                  std::uint64_t index) noexcept {
  splitmix64 a(seed);
  const std::uint64_t h1 = a() ^ kind * 0xd1b54a32d192ed03ULL;
  splitmix64 b(h1);
  const std::uint64_t h2 = b() ^ index * 0x8cb92ba72f3d8dd7ULL;
  splitmix64 c(h2);
  return c();
}

/// xoshiro256** 1.0 (Blackman & Vigna 2018, reference `xoshiro256starstar.c`), state filled
/// from splitmix64(seed) as the authors recommend. Satisfies std::uniform_random_bit_generator.
class xoshiro256ss {
 public:
  using result_type = std::uint64_t;
  constexpr explicit xoshiro256ss(std::uint64_t seed) noexcept {
    splitmix64 sm(seed);
    for (auto& w : s_) w = sm();
  }
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
  constexpr result_type operator()() noexcept {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
    return (x << k) | (x >> (64 - k));
  }
  std::uint64_t s_[4] = {};
};

/// e^x with only basic IEEE operations (Cody-Waite reduction x = k ln2 + r, |r| <= ln2/2, then a
/// degree-13 Taylor polynomial in Horner form, then an exact scaling by 2^k). Relative error
/// below 2^-51 over the whole range; 0 below -745.2, +inf above 709.8, NaN propagates.
[[nodiscard]] inline double det_exp(double x) noexcept {
  if (x != x) return x;
  if (x > 709.782712893384) return std::numeric_limits<double>::infinity();
  if (x < -745.2) return 0.0;
  constexpr double inv_ln2 = 0x1.71547652b82fep+0;
  constexpr double ln2_hi = 0x1.62e42fee00000p-1;  // 32 significant bits: k * ln2_hi is exact
  constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
  const double k = std::floor(x * inv_ln2 + 0.5);
  const double r = (x - k * ln2_hi) - k * ln2_lo;
  double p = 1.0 / 6227020800.0;  // 1/13!
  constexpr double inv_fact[13] = {1.0 / 479001600.0,
                                   1.0 / 39916800.0,
                                   1.0 / 3628800.0,
                                   1.0 / 362880.0,
                                   1.0 / 40320.0,
                                   1.0 / 5040.0,
                                   1.0 / 720.0,
                                   1.0 / 120.0,
                                   1.0 / 24.0,
                                   1.0 / 6.0,
                                   0.5,
                                   1.0,
                                   1.0};
  for (const double c : inv_fact) p = p * r + c;
  return std::ldexp(p, static_cast<int>(k));
}

/// Natural logarithm with only basic IEEE operations: x = m 2^e with m in [sqrt(1/2), sqrt(2)),
/// log m = 2 atanh(s) with s = (m-1)/(m+1), |s| <= 0.172, summed to s^23. Absolute error below
/// 2^-52 |log x| + 2^-53. Returns -inf at 0, NaN below 0, +inf at +inf.
[[nodiscard]] inline double det_log(double x) noexcept {
  if (x != x || x < 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (x == 0.0) return -std::numeric_limits<double>::infinity();
  if (x == std::numeric_limits<double>::infinity()) return x;
  int e = 0;
  double m = std::frexp(x, &e);  // m in [0.5, 1)
  if (m < 0x1.6a09e667f3bcdp-1) {
    m *= 2.0;
    --e;
  }
  const double s = (m - 1.0) / (m + 1.0);
  const double s2 = s * s;
  double p = 1.0 / 23.0;
  for (int k = 10; k >= 0; --k) p = p * s2 + 1.0 / static_cast<double>(2 * k + 1);
  constexpr double ln2_hi = 0x1.62e42fee00000p-1;
  constexpr double ln2_lo = 0x1.a39ef35793c76p-33;
  const double de = static_cast<double>(e);
  return de * ln2_hi + (de * ln2_lo + 2.0 * s * p);
}

/// A random stream: an xoshiro256** engine plus the samplers alpha's generators use. The draws
/// each sampler consumes are part of its specification (documented per member), so a stream's
/// output depends only on its seed and the sequence of calls.
class random_stream {
 public:
  explicit random_stream(std::uint64_t seed) noexcept : engine_(seed) {}

  /// Raw 64 bits.
  std::uint64_t bits() noexcept { return engine_(); }

  /// Uniform on [0, 1): the top 53 bits of one draw, times 2^-53.
  double uniform() noexcept { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

  /// Uniform on (0, 1]: (top 53 bits + 1) times 2^-53; safe to take the logarithm of.
  double uniform_positive() noexcept {
    return static_cast<double>((engine_() >> 11) + 1) * 0x1.0p-53;
  }

  /// Standard normal by Marsaglia's polar method: pairs (u, v) uniform on (-1, 1)^2 from two
  /// uniform() draws, rejected unless 0 < s = u^2 + v^2 < 1; returns u m and keeps v m
  /// (m = sqrt(-2 log s / s)) for the next call. Mean 0, variance 1.
  double normal() noexcept {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u = 0.0, v = 0.0, s = 0.0;
    do {
      u = 2.0 * uniform() - 1.0;
      v = 2.0 * uniform() - 1.0;
      s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double m = std::sqrt(-2.0 * det_log(s) / s);
    spare_ = v * m;
    has_spare_ = true;
    return u * m;
  }

  /// Gamma(shape, 1) by Marsaglia & Tsang (2000): for shape >= 1, d = shape - 1/3,
  /// c = 1/sqrt(9d); draw x = normal(), v = (1 + c x)^3 until v > 0, then u = uniform_positive();
  /// accept d v if u < 1 - 0.0331 x^4 or log u < x^2/2 + d (1 - v + log v). For shape < 1,
  /// Gamma(shape + 1) * U^(1/shape). Mean = shape. Precondition: shape > 0.
  double gamma(double shape) noexcept {
    ALPHA_ASSERT(shape > 0.0);
    if (shape < 1.0) {
      const double g = gamma(shape + 1.0);
      return g * det_exp(det_log(uniform_positive()) / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
      double x = 0.0, v = 0.0;
      do {
        x = normal();
        v = 1.0 + c * x;
      } while (v <= 0.0);
      v = v * v * v;
      const double u = uniform_positive();
      const double x2 = x * x;
      if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
      if (det_log(u) < 0.5 * x2 + d * (1.0 - v + det_log(v))) return d * v;
    }
  }

  /// Chi-squared with `dof` degrees of freedom: 2 gamma(dof / 2).
  double chi_squared(double dof) noexcept { return 2.0 * gamma(0.5 * dof); }

  /// Student-t with `dof` degrees of freedom, rescaled to unit variance:
  /// normal() / sqrt(chi_squared(dof) / dof) * sqrt((dof - 2) / dof); the normal is drawn first.
  /// For dof = +infinity, exactly normal(). Precondition: dof > 2.
  double student_t_unit(double dof) noexcept {
    const double z = normal();
    if (dof == std::numeric_limits<double>::infinity()) return z;
    const double w = chi_squared(dof);
    return z * std::sqrt((dof - 2.0) / w);  // = z / sqrt(w/dof) * sqrt((dof-2)/dof)
  }

 private:
  xoshiro256ss engine_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace detail
ALPHA_END_NAMESPACE
