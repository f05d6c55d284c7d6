/// @file
/// alpha::panel<T>: a T x N matrix of values over a time index (rows) and asset ids (columns).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/core/time_index.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <limits>
#include <memory>
#include <ranges>
#include <span>
#include <string>
#include <string_view>
#include <utility>

ALPHA_BEGIN_NAMESPACE

/// A T x N panel: row t is an instant of `index()`, column j an asset of `assets()`.
///
/// Storage is a column-major `Eigen::Array`, so each asset's series is one contiguous block
/// (`series(j)` is a `std::span`, a contiguous range usable with std::ranges and range-v3), and a
/// date is a strided row (`at(t)`, an Eigen row expression with begin()/end()). The index and the
/// asset list are immutable and shared between panels built on the same calendar (copying a
/// panel copies the values, not the calendar), so `same_shape()` is O(1) in the common case.
/// Missing cells are NaN for floating-point T.
template <class T>
class panel {
 public:
  using value_type = T;
  using array_type = Eigen::Array<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;

  panel()
      : index_(std::make_shared<const time_index>()),
        assets_(std::make_shared<const asset_list>()) {}

  /// A panel filled with `fill` (NaN by default for floating-point T).
  panel(time_index index, asset_list assets, T fill = default_fill())
      : panel(std::make_shared<const time_index>(std::move(index)),
              std::make_shared<const asset_list>(std::move(assets)), fill) {}

  /// A panel sharing an existing calendar and asset list, filled with `fill`.
  panel(std::shared_ptr<const time_index> index, std::shared_ptr<const asset_list> assets,
        T fill = default_fill())
      : index_(checked(std::move(index))),
        assets_(checked(std::move(assets))),
        values_(array_type::Constant(static_cast<Eigen::Index>(index_->size()),
                                     static_cast<Eigen::Index>(assets_->size()), fill)) {}

  /// A panel over a calendar and asset list with the given values; throws shape_error unless
  /// `values` is index.size() x assets.size().
  panel(std::shared_ptr<const time_index> index, std::shared_ptr<const asset_list> assets,
        array_type values)
      : index_(checked(std::move(index))),
        assets_(checked(std::move(assets))),
        values_(std::move(values)) {
    if (static_cast<std::size_t>(values_.rows()) != index_->size() ||
        static_cast<std::size_t>(values_.cols()) != assets_->size())
      throw shape_error("panel values are " + std::to_string(values_.rows()) + " x " +
                        std::to_string(values_.cols()) + " but the calendar has " +
                        std::to_string(index_->size()) + " instants and " +
                        std::to_string(assets_->size()) + " assets");
  }
  panel(time_index index, asset_list assets, array_type values)
      : panel(std::make_shared<const time_index>(std::move(index)),
              std::make_shared<const asset_list>(std::move(assets)), std::move(values)) {}

  /// Number of instants (rows).
  [[nodiscard]] std::size_t rows() const noexcept { return index_->size(); }
  /// Number of assets (columns).
  [[nodiscard]] std::size_t cols() const noexcept { return assets_->size(); }
  [[nodiscard]] const time_index& index() const noexcept { return *index_; }
  [[nodiscard]] const asset_list& assets() const noexcept { return *assets_; }
  [[nodiscard]] const std::shared_ptr<const time_index>& shared_index() const noexcept {
    return index_;
  }
  [[nodiscard]] const std::shared_ptr<const asset_list>& shared_assets() const noexcept {
    return assets_;
  }

  /// The whole T x N array (column-major).
  [[nodiscard]] array_type& values() noexcept { return values_; }
  [[nodiscard]] const array_type& values() const noexcept { return values_; }

  /// Cell (t, j); debug-checked bounds.
  [[nodiscard]] T& operator()(std::size_t t, std::size_t j) noexcept {
    ALPHA_ASSERT(t < rows() && j < cols());
    return values_(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j));
  }
  [[nodiscard]] const T& operator()(std::size_t t, std::size_t j) const noexcept {
    ALPHA_ASSERT(t < rows() && j < cols());
    return values_(static_cast<Eigen::Index>(t), static_cast<Eigen::Index>(j));
  }

  /// One asset's series, contiguous in time order. O(1).
  [[nodiscard]] std::span<T> series(std::size_t j) noexcept {
    ALPHA_ASSERT(j < cols());
    return {values_.data() + j * rows(), rows()};
  }
  [[nodiscard]] std::span<const T> series(std::size_t j) const noexcept {
    ALPHA_ASSERT(j < cols());
    return {values_.data() + j * rows(), rows()};
  }
  /// One asset's series by id; throws data_error for an unknown asset. O(log N).
  [[nodiscard]] std::span<T> series(std::string_view asset) { return series(assets_->at(asset)); }
  [[nodiscard]] std::span<const T> series(std::string_view asset) const {
    return series(assets_->at(asset));
  }

  /// The cross-section at row t (all assets at one instant): a strided Eigen row expression.
  [[nodiscard]] auto at(std::size_t t) noexcept {
    ALPHA_ASSERT(t < rows());
    return values_.row(static_cast<Eigen::Index>(t));
  }
  [[nodiscard]] auto at(std::size_t t) const noexcept {
    ALPHA_ASSERT(t < rows());
    return values_.row(static_cast<Eigen::Index>(t));
  }

  /// A range over the asset series (each a std::span), in column order. Views the panel's
  /// storage: not callable on a temporary panel (it would dangle).
  [[nodiscard]] auto all_series() const& noexcept {
    return std::views::iota(std::size_t{0}, cols()) |
           std::views::transform([data = values_.data(), n = rows()](std::size_t j) {
             return std::span<const T>(data + j * n, n);
           });
  }
  void all_series() const&& = delete;

  /// True if `other` has the same calendar and the same assets in the same order.
  template <class U>
  [[nodiscard]] bool same_shape(const panel<U>& other) const noexcept {
    return (index_ == other.shared_index() || *index_ == other.index()) &&
           (assets_ == other.shared_assets() || *assets_ == other.assets());
  }

 private:
  static constexpr T default_fill() noexcept {
    if constexpr (std::numeric_limits<T>::has_quiet_NaN)
      return std::numeric_limits<T>::quiet_NaN();
    else
      return T{};
  }
  template <class P>
  static P checked(P p) {
    if (!p) throw shape_error("panel built from a null calendar or asset list");
    return p;
  }

  std::shared_ptr<const time_index> index_;
  std::shared_ptr<const asset_list> assets_;
  array_type values_;
};

/// Throws shape_error naming `what` unless the two panels share calendar and assets.
template <class T, class U>
void require_same_shape(const panel<T>& a, const panel<U>& b, std::string_view what) {
  if (!a.same_shape(b))
    throw shape_error(std::string(what) + ": panels differ in calendar or assets (" +
                      std::to_string(a.rows()) + " x " + std::to_string(a.cols()) + " vs " +
                      std::to_string(b.rows()) + " x " + std::to_string(b.cols()) + ")");
}

ALPHA_END_NAMESPACE
