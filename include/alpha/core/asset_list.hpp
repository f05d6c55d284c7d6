/// @file
/// alpha::asset_list: the ordered, duplicate-free asset ids (symbols) of a panel.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE

/// Ordered asset ids with O(log n) lookup by name. Ids are non-empty and unique (data_error
/// naming the duplicate otherwise); their order is the column order of the panels using them.
class asset_list {
 public:
  asset_list() = default;
  explicit asset_list(std::vector<std::string> names) : names_(std::move(names)) {
    sorted_.reserve(names_.size());
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (names_[i].empty())
        throw data_error({}, "asset id at position " + std::to_string(i) + " is empty");
      sorted_.emplace_back(names_[i], i);
    }
    std::sort(sorted_.begin(), sorted_.end());
    for (std::size_t i = 1; i < sorted_.size(); ++i)
      if (sorted_[i].first == sorted_[i - 1].first) {
        data_location where;
        where.asset = sorted_[i].first;
        throw data_error(std::move(where), "asset id appears twice (positions " +
                                               std::to_string(sorted_[i - 1].second) + " and " +
                                               std::to_string(sorted_[i].second) + ")");
      }
  }
  asset_list(std::initializer_list<std::string> names)
      : asset_list(std::vector<std::string>(names)) {}

  [[nodiscard]] std::size_t size() const noexcept { return names_.size(); }
  [[nodiscard]] bool empty() const noexcept { return names_.empty(); }
  [[nodiscard]] const std::string& operator[](std::size_t i) const noexcept {
    ALPHA_ASSERT(i < names_.size());
    return names_[i];
  }
  [[nodiscard]] auto begin() const noexcept { return names_.begin(); }
  [[nodiscard]] auto end() const noexcept { return names_.end(); }
  [[nodiscard]] const std::vector<std::string>& names() const noexcept { return names_; }

  /// Column of `name`, or nullopt. O(log n).
  [[nodiscard]] std::optional<std::size_t> find(std::string_view name) const noexcept {
    const auto it = std::lower_bound(sorted_.begin(), sorted_.end(), name,
                                     [](const std::pair<std::string, std::size_t>& e,
                                        std::string_view n) { return e.first < n; });
    if (it == sorted_.end() || it->first != name) return std::nullopt;
    return it->second;
  }
  /// Column of `name`; throws data_error naming the asset if it is not in the list. O(log n).
  [[nodiscard]] std::size_t at(std::string_view name) const {
    if (const auto i = find(name)) return *i;
    data_location where;
    where.asset = std::string(name);
    throw data_error(std::move(where),
                     "unknown asset (the panel has " + std::to_string(size()) + " assets)");
  }

  friend bool operator==(const asset_list& a, const asset_list& b) { return a.names_ == b.names_; }

 private:
  std::vector<std::string> names_;
  std::vector<std::pair<std::string, std::size_t>> sorted_;
};

ALPHA_END_NAMESPACE
