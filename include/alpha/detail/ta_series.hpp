/// @file
/// Shared machinery of the one-series indicators of alpha::features: parameter checks, the
/// NaN-skipping batch driver, a lag window, a weighted-moving-average state, chains of seeded EMAs
/// and TA-Lib's Wilder gain/loss averages (RSI, CMO).
// IWYU pragma: private, include "alpha/features.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/rolling/ewm.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::ta {

/// config_error unless `v >= min` (an integer period).
inline std::size_t check_period(std::size_t v, const char* name, std::size_t min = 1) {
  if (v < min)
    throw config_error(name,
                       "must be >= " + std::to_string(min) + " (got " + std::to_string(v) + ")");
  if (v > (std::size_t{1} << 31))
    throw config_error(name, "must be <= 2^31 (got " + std::to_string(v) + ")");
  return v;
}

/// config_error unless `v` is finite.
inline double check_finite(double v, const char* name) {
  if (!std::isfinite(v)) throw config_error(name, "must be finite (got " + std::to_string(v) + ")");
  return v;
}

/// config_error unless `v` is finite and > 0.
inline double check_positive(double v, const char* name) {
  if (!std::isfinite(v) || !(v > 0.0))
    throw config_error(name, "must be a finite number > 0 (got " + std::to_string(v) + ")");
  return v;
}

/// Batch driver of the NaN-skipping indicators: a NaN bar leaves the state unchanged and its
/// outputs repeat the previous bar's (NaN before the first output). Runs `kernel(in, out)`
/// (which may assume a NaN-free input) directly when `in` has no NaN; otherwise on the valid
/// values only, then spreads the results back with that forward fill. Bit-equal to a
/// streaming indicator that returns early on NaN.
template <std::size_t K, class Kernel>
void skip_nan_batch(std::span<const double> in, const std::array<std::span<double>, K>& out,
                    Kernel&& kernel) {
  std::size_t valid = 0;
  for (double x : in)
    if (!is_nan(x)) ++valid;
  if (valid == in.size()) {
    kernel(in, out);
    return;
  }
  std::vector<double> compact;
  compact.reserve(valid);
  for (double x : in)
    if (!is_nan(x)) compact.push_back(x);
  std::array<std::vector<double>, K> store;
  std::array<std::span<double>, K> spans;
  for (std::size_t k = 0; k < K; ++k) {
    store[k].assign(valid, nan);
    spans[k] = store[k];
  }
  kernel(std::span<const double>(compact), spans);
  std::size_t j = 0;
  for (std::size_t t = 0; t < in.size(); ++t) {
    if (!is_nan(in[t])) ++j;
    for (std::size_t k = 0; k < K; ++k) out[k][t] = j == 0 ? nan : store[k][j - 1];
  }
}

/// The last n + 1 values: lagged(n) is x_{t-n} once n + 1 values were pushed.
class lag_window {
 public:
  explicit lag_window(std::size_t n) : ring_(n + 1) {}
  void push(double x) noexcept { ring_.push(x); }
  [[nodiscard]] bool full() const noexcept { return ring_.full(); }
  /// x_{t-n} (precondition: full()).
  [[nodiscard]] double oldest() const noexcept { return ring_.front(); }
  [[nodiscard]] double newest() const noexcept { return ring_.back(); }
  void clear() noexcept { ring_.clear(); }

 private:
  ring_buffer<double> ring_;
};

/// Weighted moving average state (weights 1..n, newest heaviest; TA-Lib WMA). O(1) per push:
/// W += n x - S, S += x - oldest (TA-Lib's recurrence), with S and W recomputed exactly from the
/// window every n pushes so rounding cannot drift. Values must not be NaN.
class wma_state {
 public:
  explicit wma_state(std::size_t n)
      : n_(n), divider_(static_cast<double>(n) * static_cast<double>(n + 1) / 2.0), ring_(n) {}

  void push(double x) noexcept {
    if (ring_.full()) {
      const double oldest = ring_.front();
      ring_.push(x);
      weighted_ += static_cast<double>(n_) * x - sum_;
      sum_ += x - oldest;
      if (++since_ == n_) rebuild();
    } else {
      ring_.push(x);
      sum_ += x;
      weighted_ += static_cast<double>(ring_.size()) * x;
    }
  }
  [[nodiscard]] bool ready() const noexcept { return ring_.full(); }
  [[nodiscard]] double value() const noexcept { return ready() ? weighted_ / divider_ : nan; }
  void clear() noexcept {
    ring_.clear();
    sum_ = weighted_ = 0.0;
    since_ = 0;
  }

 private:
  void rebuild() noexcept {
    since_ = 0;
    sum_ = weighted_ = 0.0;
    double w = 1.0;
    ring_.for_each([&](double v) {
      sum_ += v;
      weighted_ += w * v;
      w += 1.0;
    });
  }
  std::size_t n_;
  double divider_;
  ring_buffer<double> ring_;
  double sum_ = 0.0;
  double weighted_ = 0.0;
  std::size_t since_ = 0;
};

/// N seeded EMAs (rolling::ema, period n) in series: EMA_1 of the input, EMA_{i+1} of EMA_i's
/// outputs once EMA_i is ready (TA-Lib's DEMA/TEMA/T3/TRIX layout). Ready after N (n - 1) + 1
/// pushes. Values must not be NaN.
template <std::size_t N>
class ema_chain {
 public:
  explicit ema_chain(std::size_t n) : e_(make(n)) {}
  void push(double x) noexcept {
    e_[0].update(x);
    for (std::size_t i = 1; i < N; ++i) {
      if (!e_[i - 1].ready()) return;
      e_[i].update(e_[i - 1].value());
    }
  }
  [[nodiscard]] bool ready() const noexcept { return e_[N - 1].ready(); }
  /// EMA number i + 1 (NaN unless it is ready).
  [[nodiscard]] double operator[](std::size_t i) const noexcept { return e_[i].value(); }
  void clear() noexcept {
    for (auto& e : e_) e.reset();
  }

 private:
  static std::array<rolling::ema, N> make(std::size_t n) {
    return [n]<std::size_t... I>(std::index_sequence<I...>) {
      return std::array<rolling::ema, N>{((void)I, rolling::ema({.period = n}))...};
    }
    (std::make_index_sequence<N>{});
  }
  std::array<rolling::ema, N> e_;
};

/// a b + c: one fused operation where the target has FMA (so that the compiler cannot contract
/// a batch kernel and its streaming form differently), two roundings otherwise.
[[nodiscard]] inline double madd(double a, double b, double c) noexcept {
#if defined(__FMA__)
  return std::fma(a, b, c);
#else
  return (a * b) + c;
#endif
}

/// Wilder averages of gains and losses (RSI, CMO, StochRSI): u_t = max(x_t - x_{t-1}, 0),
/// d_t = max(x_{t-1} - x_t, 0); U, D = the mean of the first n (rows 1..n), then
/// U = (u - U) k + U with k = 1/n (rolling::wilder's form; TA-Lib writes (U (n - 1) + u) / n, the
/// same number up to the last bits, without the division on the recurrence). Ready after n + 1
/// values (lookback n). Values must not be NaN.
class wilder_gains {
 public:
  explicit wilder_gains(std::size_t n) : n_(n), nd_(static_cast<double>(n)), k_(1.0 / nd_) {}
  void push(double x) noexcept {
    if (count_ == 0) {
      prev_ = x;
      count_ = 1;
      return;
    }
    const double diff = x - prev_;
    prev_ = x;
    const double gain = diff > 0.0 ? diff : 0.0;
    const double loss = diff < 0.0 ? -diff : 0.0;
    if (count_ <= n_) {
      up_ += gain;
      down_ += loss;
      if (count_ == n_) {
        up_ /= nd_;
        down_ /= nd_;
      }
    } else {
      up_ = madd(gain - up_, k_, up_);
      down_ = madd(loss - down_, k_, down_);
    }
    ++count_;
  }
  [[nodiscard]] bool ready() const noexcept { return count_ > n_; }
  [[nodiscard]] double up() const noexcept { return up_; }
  [[nodiscard]] double down() const noexcept { return down_; }
  void clear() noexcept {
    count_ = 0;
    prev_ = up_ = down_ = 0.0;
  }

 private:
  std::size_t n_;
  double nd_, k_;
  std::size_t count_ = 0;  // values pushed
  double prev_ = 0.0, up_ = 0.0, down_ = 0.0;
};

}  // namespace detail::ta
ALPHA_END_NAMESPACE
