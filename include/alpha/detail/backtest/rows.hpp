/// @file
/// Internal: the batch engines' row reader — copies row t of the fields an engine needs (and of
/// the target weights) into contiguous buffers and exposes them as a market_slice.
#pragma once

#include "alpha/backtest/market.hpp"
#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"

#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::backtest {

/// Row-by-row reader of an OHLCV panel and a same-shaped target panel. The slices it returns
/// carry close and volume (and open when `with_open`); high and low are empty spans (no engine
/// reads them). Valid until the next load(). O(N) per row.
class row_reader {
 public:
  row_reader(const ohlcv_panel& bars, const panel<double>& targets, bool with_open)
      : bars_(&bars),
        targets_(&targets),
        with_open_(with_open),
        open_(with_open ? bars.cols() : 0),
        close_(bars.cols()),
        volume_(bars.cols()),
        target_(bars.cols()) {}

  ::alpha::backtest::market_slice load(std::size_t t) {
    const std::size_t n = bars_->cols();
    const auto& c = bars_->close().values();
    const auto& v = bars_->volume().values();
    const auto& w = targets_->values();
    const auto row = static_cast<Eigen::Index>(t);
    decision_ = false;
    for (std::size_t j = 0; j < n; ++j) {
      const auto col = static_cast<Eigen::Index>(j);
      close_[j] = c(row, col);
      volume_[j] = v(row, col);
      target_[j] = w(row, col);
      decision_ = decision_ || !is_nan(target_[j]);
    }
    if (with_open_) {
      const auto& o = bars_->open().values();
      for (std::size_t j = 0; j < n; ++j) open_[j] = o(row, static_cast<Eigen::Index>(j));
    }
    ::alpha::backtest::market_slice s;
    s.bar = t;
    s.time = bars_->index()[t];
    s.open = open_;
    s.close = close_;
    s.volume = volume_;
    return s;
  }
  /// True if the last loaded target row has a non-NaN entry.
  [[nodiscard]] bool has_decision() const noexcept { return decision_; }
  /// The last loaded target row.
  [[nodiscard]] std::span<const double> targets() const noexcept { return target_; }

 private:
  const ohlcv_panel* bars_;
  const panel<double>* targets_;
  bool with_open_;
  std::vector<double> open_, close_, volume_, target_;
  bool decision_ = false;
};

}  // namespace detail::backtest
ALPHA_END_NAMESPACE
