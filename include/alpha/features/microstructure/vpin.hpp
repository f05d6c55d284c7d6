/// @file
/// alpha::features::vpin: volume-synchronised probability of informed trading with bulk volume
/// classification, from bars.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/detail/features/ts_support.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/features/ta/concept.hpp"
#include "alpha/rolling/variance.hpp"

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace features {

/// VPIN (Easley, Lopez de Prado & O'Hara 2012, Rev. Financial Studies 25) with bulk volume
/// classification, bar-based simplification:
///  1. Each bar t's volume V_t is split into buy and sell volume with the bar's price change
///     dp_t = C_t - C_{t-1}: buy fraction f_t = Phi(dp_t / sigma_t), sigma_t the sample sd of
///     the last `sigma_window` price changes (dp_t included: no look-ahead), Phi the standard
///     normal CDF; f_t = 1/2 when sigma_t = 0.
///  2. The classified volume fills equal-volume buckets of `bucket_volume` in time order; a bar
///     larger than the room left spills into the next buckets with the same buy fraction.
///  3. VPIN_t = sum over the last n complete buckets of |V_buy - V_sell| / (n x bucket_volume),
///     in [0, 1]. The output at bar t uses the buckets completed by the end of bar t.
/// Simplification vs the paper: bars (not trades or one-minute bars) are classified, and the
/// bucket size is a fixed parameter (the paper uses 1/50 of the average daily volume: set
/// bucket_volume from past data only, never from the sample being tested).
///
/// - Params: bucket_volume > 0 (required), buckets n >= 1 (50), sigma_window >= 2 (50).
/// - Lookback: sigma_window (the first classified bar; its volume can fill all n buckets).
///   Outputs are NaN until n buckets are complete, which takes more bars when bars hold less
///   than n x bucket_volume: lookback() is the shortest possible warm-up.
/// - Bars before sigma_window price changes are available are not classified (their volume is
///   not bucketed).
/// - NaN rule: a bar with a NaN close or a NaN or negative volume is skipped (state unchanged,
///   output repeats); the next change uses the last valid close.
/// - Complexity: O(1) amortised per bar plus O(min(k, n)) for a bar completing k buckets; O(n +
///   sigma_window) memory.
/// @test tests/features_ts/volume_micro_test.cpp (hand-worked buckets, naive re-implementation,
///   laws)
class vpin {
 public:
  struct params {
    double bucket_volume = 0.0;     ///< volume per bucket, > 0 (required)
    std::size_t buckets = 50;       ///< n >= 1 buckets in the average
    std::size_t sigma_window = 50;  ///< price changes in sigma, >= 2
  };
  static constexpr input_fields inputs = input_fields::close | input_fields::volume;
  static constexpr std::array<std::string_view, 1> output_names{"vpin"};

  explicit vpin(const params& p)
      : vb_(detail::ts::check_positive(p.bucket_volume, "bucket_volume")),
        n_(detail::ts::check_window(p.buckets, "buckets")),
        sw_(detail::ts::check_window(p.sigma_window, "sigma_window", 2)),
        sd_({.window = sw_, .ddof = 1}),
        imbalances_(n_) {}

  /// Pushes the next bar. O(1) amortised (plus O(min(k, n)) when k buckets complete).
  void update(const bar& b) noexcept {
    if (is_nan(b.close) || !(b.volume >= 0.0)) return;
    if (!is_nan(prev_)) {
      const double dp = b.close - prev_;
      sd_.update(dp);
      if (sd_.ready()) {
        const double s = sd_.value();
        classify(b.volume, s > 0.0 ? detail::ts::normal_cdf(dp / s) : 0.5);
      }
    }
    prev_ = b.close;
  }
  [[nodiscard]] double value() const noexcept {
    return ready() ? sum_ / (static_cast<double>(n_) * vb_) : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return imbalances_.full(); }
  [[nodiscard]] std::size_t lookback() const noexcept { return sw_; }
  void reset() noexcept {
    sd_.reset();
    imbalances_.clear();
    sum_ = buy_ = sell_ = filled_ = 0.0;
    prev_ = nan;
    since_rebuild_ = 0;
  }

 private:
  void classify(double volume, double f) noexcept {
    double left = volume;
    // Fill the open bucket.
    const double room = vb_ - filled_;
    if (left < room) {
      buy_ += f * left;
      sell_ += (1.0 - f) * left;
      filled_ += left;
      return;
    }
    buy_ += f * room;
    sell_ += (1.0 - f) * room;
    close_bucket(std::abs(buy_ - sell_));
    left -= room;
    // Whole buckets from this bar: all have the imbalance |2f - 1| vb; only the last n matter.
    const double whole = std::floor(left / vb_);
    if (whole >= 1.0) {
      const double imb = std::abs(2.0 * f - 1.0) * vb_;
      const std::size_t k = whole < static_cast<double>(n_) ? static_cast<std::size_t>(whole) : n_;
      for (std::size_t i = 0; i < k; ++i) close_bucket(imb);
      left -= whole * vb_;
      if (left < 0.0) left = 0.0;
    }
    buy_ = f * left;
    sell_ = (1.0 - f) * left;
    filled_ = left;
  }
  void close_bucket(double imbalance) noexcept {
    if (imbalances_.full()) sum_ -= imbalances_.front();
    imbalances_.push(imbalance);
    sum_ += imbalance;
    // Recompute the sum exactly every n buckets so rounding cannot drift.
    if (++since_rebuild_ >= n_) {
      since_rebuild_ = 0;
      sum_ = 0.0;
      imbalances_.for_each([this](double v) { sum_ += v; });
    }
  }
  double vb_;
  std::size_t n_, sw_;
  rolling::std_dev sd_;
  ::alpha::detail::ring_buffer<double> imbalances_;
  double sum_ = 0.0, buy_ = 0.0, sell_ = 0.0, filled_ = 0.0;
  double prev_ = nan;
  std::size_t since_rebuild_ = 0;
};

}  // namespace features
ALPHA_END_NAMESPACE
