/// @file
/// Internal: per-asset liquidity statistics (daily volatility, average daily traded value) over
/// the most recent observations, the inputs of cost models (costs::trade_context).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::backtest {

/// Ring buffers of the last `window` simple close-to-close returns and the last `window` traded
/// values (close x volume) of each asset. A return is recorded at each bar with a valid close
/// (finite, > 0) that has an earlier valid close (the return since that close, so a gap of
/// missing bars yields one return over the gap); a traded value at each bar with a valid close
/// and a finite volume >= 0. ingest() is O(N); daily_vol() and adv() are O(window).
class liquidity_tracker {
 public:
  liquidity_tracker(std::size_t assets, std::size_t window)
      : n_(assets),
        w_(window),
        rets_(assets * window, 0.0),
        values_(assets * window, 0.0),
        ret_count_(assets, 0),
        ret_head_(assets, 0),
        value_count_(assets, 0),
        value_head_(assets, 0),
        last_close_(assets, nan) {}

  /// Adds one bar of every asset.
  void ingest(std::span<const double> close, std::span<const double> volume) {
    for (std::size_t j = 0; j < n_; ++j) {
      const double c = close[j];
      if (!(c > 0.0) || !std::isfinite(c)) continue;
      if (!is_nan(last_close_[j])) push(rets_, ret_count_, ret_head_, j, c / last_close_[j] - 1.0);
      last_close_[j] = c;
      const double v = volume[j];
      if (v >= 0.0 && std::isfinite(v)) push(values_, value_count_, value_head_, j, c * v);
    }
  }

  /// Sample standard deviation (ddof 1, two-pass) of the recorded returns of asset j; NaN with
  /// fewer than two.
  [[nodiscard]] double daily_vol(std::size_t j) const noexcept {
    const std::size_t k = ret_count_[j];
    if (k < 2) return nan;
    const double* r = rets_.data() + j * w_;
    double mean = 0.0;
    for (std::size_t i = 0; i < k; ++i) mean += r[i];
    mean /= static_cast<double>(k);
    double ss = 0.0;
    for (std::size_t i = 0; i < k; ++i) ss += (r[i] - mean) * (r[i] - mean);
    return std::sqrt(ss / static_cast<double>(k - 1));
  }

  /// Mean of the recorded traded values of asset j; NaN with none.
  [[nodiscard]] double adv(std::size_t j) const noexcept {
    const std::size_t k = value_count_[j];
    if (k == 0) return nan;
    const double* v = values_.data() + j * w_;
    double s = 0.0;
    for (std::size_t i = 0; i < k; ++i) s += v[i];
    return s / static_cast<double>(k);
  }

 private:
  void push(std::vector<double>& ring, std::vector<std::size_t>& count,
            std::vector<std::size_t>& head, std::size_t j, double x) noexcept {
    ring[j * w_ + head[j]] = x;
    head[j] = head[j] + 1 == w_ ? 0 : head[j] + 1;
    count[j] = std::min(count[j] + 1, w_);
  }

  std::size_t n_, w_;
  std::vector<double> rets_, values_;
  std::vector<std::size_t> ret_count_, ret_head_, value_count_, value_head_;
  std::vector<double> last_close_;
};

}  // namespace detail::backtest
ALPHA_END_NAMESPACE
