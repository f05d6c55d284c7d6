/// @file
/// alpha::ohlcv_panel (open, high, low, close, volume, optional vwap over one calendar) and
/// alpha::bar_series, the single-asset view of it.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/panel.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <utility>

ALPHA_BEGIN_NAMESPACE

/// One bar of one asset. `vwap` is NaN when the data has no VWAP; `aux` is an auxiliary input
/// (an external signal, a fundamental joined point-in-time, ...) known at the bar's close, NaN
/// when the data has none (see ohlcv_panel::set_aux).
struct bar {
  timestamp time;
  double open = nan;
  double high = nan;
  double low = nan;
  double close = nan;
  double volume = nan;
  double vwap = nan;
  double aux = nan;
};

/// The bars of one asset: contiguous spans into an ohlcv_panel (no copy). A random-access range
/// of `bar` values; O(1) per bar. Valid while the panel it views is alive and not resized.
class bar_series {
 public:
  bar_series(const time_index& index, std::string_view asset, std::span<const double> open,
             std::span<const double> high, std::span<const double> low,
             std::span<const double> close, std::span<const double> volume,
             std::span<const double> vwap, std::span<const double> aux = {}) noexcept
      : index_(&index),
        asset_(asset),
        open_(open),
        high_(high),
        low_(low),
        close_(close),
        volume_(volume),
        vwap_(vwap),
        aux_(aux) {}

  [[nodiscard]] std::size_t size() const noexcept { return close_.size(); }
  [[nodiscard]] bool empty() const noexcept { return close_.empty(); }
  [[nodiscard]] std::string_view asset() const noexcept { return asset_; }
  [[nodiscard]] const time_index& index() const noexcept { return *index_; }
  [[nodiscard]] std::span<const double> open() const noexcept { return open_; }
  [[nodiscard]] std::span<const double> high() const noexcept { return high_; }
  [[nodiscard]] std::span<const double> low() const noexcept { return low_; }
  [[nodiscard]] std::span<const double> close() const noexcept { return close_; }
  [[nodiscard]] std::span<const double> volume() const noexcept { return volume_; }
  /// Empty span when the panel has no VWAP.
  [[nodiscard]] std::span<const double> vwap() const noexcept { return vwap_; }
  [[nodiscard]] bool has_vwap() const noexcept { return !vwap_.empty(); }
  /// Empty span when the panel has no auxiliary field.
  [[nodiscard]] std::span<const double> aux() const noexcept { return aux_; }
  [[nodiscard]] bool has_aux() const noexcept { return !aux_.empty(); }

  /// Bar t (debug-checked bounds).
  [[nodiscard]] bar operator[](std::size_t t) const noexcept {
    ALPHA_ASSERT(t < size());
    return bar{(*index_)[t],
               open_[t],
               high_[t],
               low_[t],
               close_[t],
               volume_[t],
               vwap_.empty() ? nan : vwap_[t],
               aux_.empty() ? nan : aux_[t]};
  }
  /// All bars in time order, as a random-access range of `bar`. The range holds a copy of this
  /// view (spans only), so it stays valid after a temporary bar_series is gone, as long as the
  /// panel lives.
  [[nodiscard]] auto bars() const noexcept {
    return std::views::iota(std::size_t{0}, size()) |
           std::views::transform([self = *this](std::size_t t) { return self[t]; });
  }

 private:
  const time_index* index_;
  std::string_view asset_;
  std::span<const double> open_, high_, low_, close_, volume_, vwap_, aux_;
};

/// OHLCV bars for N assets over one calendar. Each field is a panel<double> sharing the same
/// time index and asset list (checked on construction: shape_error otherwise). Missing bars are
/// NaN in every field. Field accessors are O(1).
class ohlcv_panel {
 public:
  ohlcv_panel() = default;

  /// An all-NaN panel over `index` x `assets`, with a VWAP field if `with_vwap`.
  ohlcv_panel(time_index index, asset_list assets, bool with_vwap = false)
      : ohlcv_panel(std::make_shared<const time_index>(std::move(index)),
                    std::make_shared<const asset_list>(std::move(assets)), with_vwap) {}
  ohlcv_panel(std::shared_ptr<const time_index> index, std::shared_ptr<const asset_list> assets,
              bool with_vwap = false)
      : open_(index, assets),
        high_(index, assets),
        low_(index, assets),
        close_(index, assets),
        volume_(index, assets) {
    if (with_vwap) vwap_.emplace(index, assets);
  }
  /// From existing fields; throws shape_error unless they share calendar and assets.
  ohlcv_panel(panel<double> open, panel<double> high, panel<double> low, panel<double> close,
              panel<double> volume, std::optional<panel<double>> vwap = std::nullopt)
      : open_(std::move(open)),
        high_(std::move(high)),
        low_(std::move(low)),
        close_(std::move(close)),
        volume_(std::move(volume)),
        vwap_(std::move(vwap)) {
    require_same_shape(open_, high_, "ohlcv_panel: high");
    require_same_shape(open_, low_, "ohlcv_panel: low");
    require_same_shape(open_, close_, "ohlcv_panel: close");
    require_same_shape(open_, volume_, "ohlcv_panel: volume");
    if (vwap_) require_same_shape(open_, *vwap_, "ohlcv_panel: vwap");
  }

  [[nodiscard]] std::size_t rows() const noexcept { return close_.rows(); }
  [[nodiscard]] std::size_t cols() const noexcept { return close_.cols(); }
  [[nodiscard]] const time_index& index() const noexcept { return close_.index(); }
  [[nodiscard]] const asset_list& assets() const noexcept { return close_.assets(); }

  [[nodiscard]] const panel<double>& open() const noexcept { return open_; }
  [[nodiscard]] const panel<double>& high() const noexcept { return high_; }
  [[nodiscard]] const panel<double>& low() const noexcept { return low_; }
  [[nodiscard]] const panel<double>& close() const noexcept { return close_; }
  [[nodiscard]] const panel<double>& volume() const noexcept { return volume_; }
  /// The VWAP field, if the data has one.
  [[nodiscard]] const std::optional<panel<double>>& vwap() const noexcept { return vwap_; }
  [[nodiscard]] bool has_vwap() const noexcept { return vwap_.has_value(); }
  /// The auxiliary field (an external per-asset input known at each close: a signal, a
  /// fundamental joined point-in-time); nullopt when not set.
  [[nodiscard]] const std::optional<panel<double>>& aux() const noexcept { return aux_; }
  [[nodiscard]] bool has_aux() const noexcept { return aux_.has_value(); }
  /// Sets the auxiliary field; shape_error unless it shares this panel's calendar and assets.
  void set_aux(panel<double> values) {
    require_same_shape(close_, values, "ohlcv_panel: aux");
    aux_ = std::move(values);
  }

  /// Mutable access to the values (the calendar and assets stay fixed).
  [[nodiscard]] panel<double>::array_type& open_values() noexcept { return open_.values(); }
  [[nodiscard]] panel<double>::array_type& high_values() noexcept { return high_.values(); }
  [[nodiscard]] panel<double>::array_type& low_values() noexcept { return low_.values(); }
  [[nodiscard]] panel<double>::array_type& close_values() noexcept { return close_.values(); }
  [[nodiscard]] panel<double>::array_type& volume_values() noexcept { return volume_.values(); }
  /// Throws config_error if the panel has no VWAP field.
  [[nodiscard]] panel<double>::array_type& vwap_values() {
    if (!vwap_) throw config_error("vwap", "this ohlcv_panel has no VWAP field");
    return vwap_->values();
  }

  /// The bars of asset j. O(1).
  [[nodiscard]] bar_series asset(std::size_t j) const noexcept {
    ALPHA_ASSERT(j < cols());
    return bar_series(index(), assets()[j], open_.series(j), high_.series(j), low_.series(j),
                      close_.series(j), volume_.series(j),
                      vwap_ ? vwap_->series(j) : std::span<const double>{},
                      aux_ ? aux_->series(j) : std::span<const double>{});
  }
  /// The bars of an asset by id; throws data_error for an unknown asset. O(log N).
  [[nodiscard]] bar_series asset(std::string_view id) const { return asset(assets().at(id)); }

 private:
  panel<double> open_, high_, low_, close_, volume_;
  std::optional<panel<double>> vwap_, aux_;
};

ALPHA_END_NAMESPACE
