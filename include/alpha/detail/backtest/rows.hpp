/// @file
/// Internal: the batch engines' row reader — serves row t of the fields an engine needs (and of
/// the target weights) as contiguous buffers behind a market_slice.
#pragma once

#include "alpha/backtest/market.hpp"
#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"

#include <algorithm>
#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::backtest {

/// Row-by-row reader of an OHLCV panel and a same-shaped target panel. Panels are column-major,
/// so a row is strided; the reader transposes blocks of `block` rows at a time (each column's
/// block is contiguous, so every cache line read serves `block` rows), and rows are then
/// contiguous spans. The slices carry close and volume (and open when `with_open`); high and
/// low are empty spans (no engine reads them). Rows must be loaded in increasing order; a slice
/// is valid until the next load(). O(N) per row, O(block N) memory.
class row_reader {
 public:
  static constexpr std::size_t block = 16;

  row_reader(const ohlcv_panel& bars, const panel<double>& targets, bool with_open)
      : bars_(&bars),
        targets_(&targets),
        with_open_(with_open),
        n_(bars.cols()),
        open_(with_open ? block * n_ : 0),
        close_(block * n_),
        volume_(block * n_),
        target_(block * n_),
        decision_(block, false) {}

  ::alpha::backtest::market_slice load(std::size_t t) {
    if (t < first_ || t >= first_ + rows_) fill(t);
    const std::size_t b = t - first_;
    decided_ = decision_[b];
    ::alpha::backtest::market_slice s;
    s.bar = t;
    s.time = bars_->index()[t];
    if (with_open_) s.open = std::span<const double>(open_).subspan(b * n_, n_);
    s.close = std::span<const double>(close_).subspan(b * n_, n_);
    s.volume = std::span<const double>(volume_).subspan(b * n_, n_);
    row_ = std::span<const double>(target_).subspan(b * n_, n_);
    return s;
  }
  /// True if the last loaded target row has a non-NaN entry.
  [[nodiscard]] bool has_decision() const noexcept { return decided_; }
  /// The last loaded target row.
  [[nodiscard]] std::span<const double> targets() const noexcept { return row_; }

 private:
  void fill(std::size_t t) {
    first_ = t;
    rows_ = std::min(block, bars_->rows() - t);
    const std::size_t total = bars_->rows();
    const auto copy = [&](const panel<double>& p, std::vector<double>& out) {
      const double* data = p.values().data();
      for (std::size_t j = 0; j < n_; ++j) {
        const double* col = data + j * total + t;
        for (std::size_t b = 0; b < rows_; ++b) out[b * n_ + j] = col[b];
      }
    };
    copy(bars_->close(), close_);
    copy(bars_->volume(), volume_);
    copy(*targets_, target_);
    if (with_open_) copy(bars_->open(), open_);
    for (std::size_t b = 0; b < rows_; ++b) {
      const double* row = target_.data() + b * n_;
      decision_[b] = std::any_of(row, row + n_, [](double x) { return !is_nan(x); });
    }
  }

  const ohlcv_panel* bars_;
  const panel<double>* targets_;
  bool with_open_;
  std::size_t n_;
  std::vector<double> open_, close_, volume_, target_;
  std::vector<bool> decision_;
  std::size_t first_ = 0, rows_ = 0;
  bool decided_ = false;
  std::span<const double> row_;
};

}  // namespace detail::backtest
ALPHA_END_NAMESPACE
