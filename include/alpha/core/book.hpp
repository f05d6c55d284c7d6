/// @file
/// alpha::book_level, alpha::book_view and alpha::book_snapshot: top-of-book and L2 order-book
/// snapshots (bid and ask price/size per level), with validation.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/timestamp.hpp"

#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE

/// One price level of one side of a book: the price and the quantity resting there.
struct book_level {
  double price = 0.0;  ///< limit price
  double size = 0.0;   ///< resting quantity (shares, contracts), >= 0
};

/// A non-owning view of a book snapshot. `bids` are best first (strictly decreasing prices),
/// `asks` best first (strictly increasing prices); level 0 is the top of book. Either side may
/// be empty (a one-sided market). O(1) to copy; valid while the viewed levels live.
struct book_view {
  timestamp time;                    ///< snapshot time (default: epoch when unknown)
  std::span<const book_level> bids;  ///< best (highest) bid first
  std::span<const book_level> asks;  ///< best (lowest) ask first
};

/// An owning book snapshot (L1 when each side has one level, L2 with more).
class book_snapshot {
 public:
  book_snapshot() = default;
  /// From its levels, best first on each side. Not validated: call validate().
  book_snapshot(timestamp time, std::vector<book_level> bids, std::vector<book_level> asks)
      : time_(time), bids_(std::move(bids)), asks_(std::move(asks)) {}

  /// A top-of-book quote (one level per side).
  [[nodiscard]] static book_snapshot top_of_book(timestamp time, double bid, double bid_size,
                                                 double ask, double ask_size) {
    return {time, {{bid, bid_size}}, {{ask, ask_size}}};
  }

  [[nodiscard]] timestamp time() const noexcept { return time_; }
  [[nodiscard]] const std::vector<book_level>& bids() const noexcept { return bids_; }
  [[nodiscard]] const std::vector<book_level>& asks() const noexcept { return asks_; }
  /// A view of the whole snapshot. O(1).
  [[nodiscard]] book_view view() const noexcept { return {time_, bids_, asks_}; }
  operator book_view() const noexcept { return view(); }  // NOLINT: a cheap, lossless view

  /// Checks the book is well formed, data_error naming the side, level and reason otherwise:
  /// every price finite and > 0, every size finite and >= 0, bids strictly decreasing, asks
  /// strictly increasing, and not crossed (best bid < best ask; a locked book, bid == ask, is
  /// also rejected). O(levels).
  void validate() const { validate(view()); }

  /// validate() for any view.
  static void validate(const book_view& b) {
    check_side(b, b.bids, "bid", -1.0);
    check_side(b, b.asks, "ask", 1.0);
    if (!b.bids.empty() && !b.asks.empty() && !(b.bids[0].price < b.asks[0].price))
      throw data_error(where(b), "order book is crossed or locked: best bid " +
                                     std::to_string(b.bids[0].price) + " >= best ask " +
                                     std::to_string(b.asks[0].price));
  }

 private:
  static data_location where(const book_view& b) {
    data_location w;
    w.date = b.time.to_iso();
    return w;
  }
  static void check_side(const book_view& b, std::span<const book_level> side, const char* name,
                         double direction) {
    for (std::size_t i = 0; i < side.size(); ++i) {
      const book_level& l = side[i];
      const std::string lvl = std::string(name) + " level " + std::to_string(i);
      if (!std::isfinite(l.price) || !(l.price > 0.0))
        throw data_error(
            where(b), lvl + ": price must be finite and > 0 (got " + std::to_string(l.price) + ")");
      if (!std::isfinite(l.size) || l.size < 0.0)
        throw data_error(
            where(b), lvl + ": size must be finite and >= 0 (got " + std::to_string(l.size) + ")");
      if (i > 0 && !((l.price - side[i - 1].price) * direction > 0.0))
        throw data_error(where(b), lvl + ": price " + std::to_string(l.price) +
                                       " is not strictly " + (direction > 0 ? "above" : "below") +
                                       " level " + std::to_string(i - 1) + "'s " +
                                       std::to_string(side[i - 1].price));
    }
  }

  timestamp time_;
  std::vector<book_level> bids_, asks_;
};

ALPHA_END_NAMESPACE
