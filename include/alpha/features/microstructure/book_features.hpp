/// @file
/// Order-book features of one snapshot (alpha::features): imbalance at level 1 and over k
/// levels, microprice, quoted spread (absolute and in basis points), depth.
///
/// These are instantaneous (a function of one alpha::book_view, no state, no warm-up, so no
/// look-ahead by construction): free functions, O(k). Conventions shared by all: level 0 is the
/// top of book; an empty side (one-sided market) or zero total size gives NaN; the book is
/// assumed valid (book_snapshot::validate()).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/book.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <cstddef>
#include <span>

ALPHA_BEGIN_NAMESPACE
namespace features {

namespace detail::book {
inline double size_sum(std::span<const book_level> side, std::size_t k) noexcept {
  double s = 0.0;
  const std::size_t m = std::min(k, side.size());
  for (std::size_t i = 0; i < m; ++i) s += side[i].size;
  return s;
}
inline std::size_t check_levels(std::size_t k) {
  if (k == 0) throw config_error("levels", "must be >= 1 (got 0)");
  return k;
}
}  // namespace detail::book

/// Order-book imbalance over the top k levels: (B - A) / (B + A), B = sum of the bid sizes of
/// levels 0..k-1, A the same for asks (fewer levels are used when a side has fewer). In [-1, 1];
/// +1 when only bids rest. k = 1 is the level-1 (top-of-book) imbalance (Cartea, Jaimungal &
/// Penalva 2015, ch. 4). NaN when a side is empty or B + A = 0. config_error for k = 0. O(k).
[[nodiscard]] inline double book_imbalance(const book_view& b, std::size_t levels = 1) {
  detail::book::check_levels(levels);
  if (b.bids.empty() || b.asks.empty()) return nan;
  const double bid = detail::book::size_sum(b.bids, levels);
  const double ask = detail::book::size_sum(b.asks, levels);
  const double tot = bid + ask;
  return tot > 0.0 ? (bid - ask) / tot : nan;
}

/// Microprice (size-weighted mid; Stoikov 2018 calls it the weighted mid-price):
/// (P_ask Q_bid + P_bid Q_ask) / (Q_bid + Q_ask) from level 0: leans toward the ask when bid
/// size dominates (the next trade is likelier up). NaN when a side is empty or both sizes are
/// 0. O(1).
[[nodiscard]] inline double microprice(const book_view& b) noexcept {
  if (b.bids.empty() || b.asks.empty()) return nan;
  const book_level& bid = b.bids[0];
  const book_level& ask = b.asks[0];
  const double tot = bid.size + ask.size;
  return tot > 0.0 ? (ask.price * bid.size + bid.price * ask.size) / tot : nan;
}

/// Mid price (P_bid + P_ask) / 2 of level 0; NaN when a side is empty. O(1).
[[nodiscard]] inline double mid_price(const book_view& b) noexcept {
  if (b.bids.empty() || b.asks.empty()) return nan;
  return 0.5 * (b.bids[0].price + b.asks[0].price);
}

/// Quoted spread in price units: P_ask - P_bid of level 0; NaN when a side is empty. O(1).
[[nodiscard]] inline double quoted_spread(const book_view& b) noexcept {
  if (b.bids.empty() || b.asks.empty()) return nan;
  return b.asks[0].price - b.bids[0].price;
}

/// Relative quoted spread in basis points: 1e4 (P_ask - P_bid) / mid, mid = (P_ask + P_bid) / 2;
/// NaN when a side is empty. O(1).
[[nodiscard]] inline double quoted_spread_bps(const book_view& b) noexcept {
  return 1e4 * quoted_spread(b) / mid_price(b);
}

/// Which side(s) book_depth sums.
enum class book_side { bid, ask, both };

/// Depth: the resting quantity over the top k levels of the chosen side(s) (sum of sizes; an
/// empty side contributes 0). With `notional`, sum of price x size (currency depth) instead.
/// config_error for k = 0. O(k).
[[nodiscard]] inline double book_depth(const book_view& b, std::size_t levels = 1,
                                       book_side side = book_side::both, bool notional = false) {
  detail::book::check_levels(levels);
  const auto sum = [&](std::span<const book_level> s) {
    double acc = 0.0;
    const std::size_t m = std::min(levels, s.size());
    for (std::size_t i = 0; i < m; ++i) acc += notional ? s[i].price * s[i].size : s[i].size;
    return acc;
  };
  double d = 0.0;
  if (side != book_side::ask) d += sum(b.bids);
  if (side != book_side::bid) d += sum(b.asks);
  return d;
}

}  // namespace features
ALPHA_END_NAMESPACE
