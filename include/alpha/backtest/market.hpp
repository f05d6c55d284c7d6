/// @file
/// One bar of every asset at one instant: what engines and the streaming step API consume.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/timestamp.hpp"

#include <cstddef>
#include <span>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace backtest {

/// The bars of all N assets at one instant, as contiguous spans (one entry per asset, NaN = no
/// bar). Views storage owned by the caller; `bar` is the row index in the run.
struct market_slice {
  std::size_t bar = 0;
  timestamp time;
  std::span<const double> open, high, low, close, volume;
  std::span<const double> aux;  ///< empty when the market has no auxiliary field

  [[nodiscard]] std::size_t assets() const noexcept { return close.size(); }
  /// Asset j's bar. O(1).
  [[nodiscard]] alpha::bar at(std::size_t j) const noexcept {
    return {time, open[j], high[j], low[j], close[j], volume[j], nan, aux.empty() ? nan : aux[j]};
  }
};

/// Owns the five rows of a market_slice and copies row t of an OHLCV panel into them (panels
/// are column-major, so a row is strided). O(N) per row.
class market_row {
 public:
  explicit market_row(std::size_t assets)
      : open_(assets), high_(assets), low_(assets), close_(assets), volume_(assets), aux_(assets) {}

  /// Copies row t of `p` and returns a view of it.
  market_slice load(const ohlcv_panel& p, std::size_t t) {
    const std::size_t n = p.cols();
    for (std::size_t j = 0; j < n; ++j) {
      open_[j] = p.open()(t, j);
      high_[j] = p.high()(t, j);
      low_[j] = p.low()(t, j);
      close_[j] = p.close()(t, j);
      volume_[j] = p.volume()(t, j);
    }
    has_aux_ = p.has_aux();
    if (has_aux_)
      for (std::size_t j = 0; j < n; ++j) aux_[j] = (*p.aux())(t, j);
    return view(t, p.index()[t]);
  }
  /// A view of the current contents as bar t at `time`.
  [[nodiscard]] market_slice view(std::size_t t, timestamp time) const noexcept {
    return {t,       time,
            open_,   high_,
            low_,    close_,
            volume_, has_aux_ ? std::span<const double>(aux_) : std::span<const double>{}};
  }
  std::vector<double>& open() noexcept { return open_; }
  std::vector<double>& high() noexcept { return high_; }
  std::vector<double>& low() noexcept { return low_; }
  std::vector<double>& close() noexcept { return close_; }
  std::vector<double>& volume() noexcept { return volume_; }
  /// The auxiliary row; call set_has_aux(true) after filling it by hand.
  std::vector<double>& aux() noexcept { return aux_; }
  void set_has_aux(bool on) noexcept { has_aux_ = on; }

 private:
  std::vector<double> open_, high_, low_, close_, volume_, aux_;
  bool has_aux_ = false;
};

}  // namespace backtest
ALPHA_END_NAMESPACE
