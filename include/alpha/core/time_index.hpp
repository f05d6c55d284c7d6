/// @file
/// alpha::time_index: the strictly increasing sequence of instants a panel is indexed by.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/timestamp.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE

/// A strictly increasing sequence of timestamps (dates or intraday instants).
/// Invariant: `t[i] < t[i+1]` for every i, checked on construction (data_error naming the first
/// offending position and both instants). Random access O(1), lookup by instant O(log n).
class time_index {
 public:
  time_index() = default;
  /// Takes ownership of `times`; throws data_error if they are not strictly increasing.
  explicit time_index(std::vector<timestamp> times) : times_(std::move(times)) {
    for (std::size_t i = 1; i < times_.size(); ++i) {
      if (!(times_[i - 1] < times_[i])) {
        data_location where;
        where.date = times_[i].to_iso();
        throw data_error(std::move(where),
                         "time index is not strictly increasing at position " + std::to_string(i) +
                             ": " + times_[i].to_iso() +
                             (times_[i] == times_[i - 1] ? " repeats " : " comes after ") +
                             times_[i - 1].to_iso());
      }
    }
  }
  time_index(std::initializer_list<timestamp> times) : time_index(std::vector<timestamp>(times)) {}

  /// Parses ISO (or any time_format::automatic) texts; throws data_error naming the bad text.
  [[nodiscard]] static time_index from_strings(std::span<const std::string> texts) {
    std::vector<timestamp> times;
    times.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      const auto t = parse_timestamp(texts[i]);
      if (!t) {
        data_location where;
        where.text = texts[i];
        throw data_error(std::move(where), "not a date or timestamp (element " + std::to_string(i) +
                                               " of the time index)");
      }
      times.push_back(*t);
    }
    return time_index(std::move(times));
  }

  [[nodiscard]] std::size_t size() const noexcept { return times_.size(); }
  [[nodiscard]] bool empty() const noexcept { return times_.empty(); }
  [[nodiscard]] timestamp operator[](std::size_t i) const noexcept {
    ALPHA_ASSERT(i < times_.size());
    return times_[i];
  }
  [[nodiscard]] timestamp front() const noexcept { return times_.front(); }
  [[nodiscard]] timestamp back() const noexcept { return times_.back(); }
  [[nodiscard]] auto begin() const noexcept { return times_.begin(); }
  [[nodiscard]] auto end() const noexcept { return times_.end(); }
  [[nodiscard]] std::span<const timestamp> times() const noexcept { return times_; }

  /// Position of `t`, or nullopt if absent. O(log n).
  [[nodiscard]] std::optional<std::size_t> find(timestamp t) const noexcept {
    const auto it = std::lower_bound(times_.begin(), times_.end(), t);
    if (it == times_.end() || *it != t) return std::nullopt;
    return static_cast<std::size_t>(it - times_.begin());
  }
  /// Number of instants <= t: the position of the last bar known at time t, plus one. O(log n).
  [[nodiscard]] std::size_t count_up_to(timestamp t) const noexcept {
    return static_cast<std::size_t>(std::upper_bound(times_.begin(), times_.end(), t) -
                                    times_.begin());
  }
  /// True when every instant is midnight UTC (a daily calendar). O(n).
  [[nodiscard]] bool is_daily() const noexcept {
    return std::all_of(times_.begin(), times_.end(), [](timestamp t) { return t.is_midnight(); });
  }
  /// The sub-index [first, first + count). Throws shape_error if out of range.
  [[nodiscard]] time_index slice(std::size_t first, std::size_t count) const {
    if (first > size() || count > size() - first)
      throw shape_error("time_index::slice(" + std::to_string(first) + ", " +
                        std::to_string(count) + ") is outside an index of " +
                        std::to_string(size()) + " instants");
    time_index out;
    out.times_.assign(times_.begin() + static_cast<std::ptrdiff_t>(first),
                      times_.begin() + static_cast<std::ptrdiff_t>(first + count));
    return out;
  }

  friend bool operator==(const time_index&, const time_index&) = default;

 private:
  std::vector<timestamp> times_;
};

ALPHA_END_NAMESPACE
