/// @file
/// Rolling and expanding quantiles, median and percentile rank (alpha::rolling), on an
/// order-statistics tree (a treap with subtree counts): O(log w) expected per update.
///
/// Customization points: none beyond the accumulator contract of rolling/concept.hpp.
///
/// Conventions (pandas 1.5 `rolling(w, min_periods)`):
///   - a NaN occupies its slot in the window but is skipped; the output is NaN unless the
///     window holds at least `min_periods` non-NaN values (unset: window, pandas' default;
///     0, > window, or window 0 are config_errors).
///   - quantile q of the n valid values v_(0) <= ... <= v_(n-1): pandas' default 'linear'
///     interpolation (Hyndman-Fan type 7, numpy's default): h = q (n - 1), i = floor(h),
///     result v_(i) + (v_(i+1) - v_(i)) (h - i), or v_(i) when h is an integer.
///   - median: v_(n/2) for odd n, (v_(n/2-1) + v_(n/2)) / 2 for even n (pandas'
///     `rolling().median()`; may differ in the last bit from quantile(0.5)).
///   - percent_rank: average rank of the newest value among the window's valid values divided
///     by their count (pandas `rolling().rank(method="average", pct=True)`), in (0, 1]; NaN
///     when the newest value is NaN.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/rolling/minmax.hpp"
#include "alpha/rolling/window_params.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Parameters of a rolling quantile: rolling::window_params plus the probability q.
/// Write `{.window = 20, .q = 0.9}` or `{.window = 20, .q = 0.9, .min_periods = 5}`.
struct quantile_params {
  std::size_t window = 0;  ///< required, >= 1; bars, NaN bars included
  double q = 0.5;          ///< the probability, in [0, 1]
  std::optional<std::size_t> min_periods = std::nullopt;  ///< valid values needed; unset = window
};

/// Parameters of an expanding quantile (pandas `expanding(min_periods).quantile(q)`).
struct expanding_quantile_params {
  double q = 0.5;                                         ///< the probability, in [0, 1]
  std::optional<std::size_t> min_periods = std::nullopt;  ///< valid values needed; unset = 1
};

namespace detail {

/// Order-statistics tree: a treap over (value, insertion sequence) pairs with subtree sizes.
/// Nodes live in a pool addressed by 32-bit ids (0 = null); the caller chooses the id of each
/// inserted node and erases it by id. Insert, erase, select and rank are O(log n) expected; the
/// priorities come from a fixed-seed xorshift, so the shape (and the cost) is deterministic.
class order_statistic_tree {
 public:
  /// Makes room for node ids 1..capacity.
  void resize(std::size_t capacity) { nodes_.resize(capacity + 1); }
  [[nodiscard]] std::size_t capacity() const noexcept { return nodes_.size() - 1; }

  /// Empties the tree and restarts the priority sequence.
  void clear() noexcept {
    root_ = 0;
    rng_ = seed;
  }

  /// Number of values held.
  [[nodiscard]] std::size_t size() const noexcept { return nodes_[root_].size; }

  /// Inserts `key` (not NaN) as node `id` (1..capacity, not currently in the tree); `seq` must
  /// differ from every held node's (it breaks ties so that each node has a unique position).
  void insert(std::uint32_t id, double key, std::uint64_t seq) noexcept {
    node& n = nodes_[id];
    n.key = key;
    n.seq = seq;
    n.pri = next_priority();
    n.left = n.right = 0;
    n.size = 1;
    root_ = insert_at(root_, id);
  }

  /// Removes node `id` (which must be in the tree).
  void erase(std::uint32_t id) noexcept { root_ = erase_at(root_, id); }

  /// The k-th smallest value (0-based, k < size()). O(depth).
  [[nodiscard]] double select(std::size_t k) const noexcept {
    std::uint32_t t = root_;
    for (;;) {
      const std::size_t ls = nodes_[nodes_[t].left].size;
      if (k < ls) {
        t = nodes_[t].left;
      } else if (k == ls) {
        return nodes_[t].key;
      } else {
        k -= ls + 1;
        t = nodes_[t].right;
      }
    }
  }

  /// Number of values < x (strict = true) or <= x (strict = false). O(depth).
  [[nodiscard]] std::size_t count_below(double x, bool strict) const noexcept {
    std::size_t r = 0;
    std::uint32_t t = root_;
    while (t != 0) {
      const node& n = nodes_[t];
      if (strict ? n.key < x : n.key <= x) {
        r += nodes_[n.left].size + 1;
        t = n.right;
      } else {
        t = n.left;
      }
    }
    return r;
  }

 private:
  static constexpr std::uint32_t seed = 0x9E3779B9U;
  struct node {
    double key = 0;
    std::uint64_t seq = 0;
    std::uint32_t pri = 0;
    std::uint32_t left = 0;
    std::uint32_t right = 0;
    std::uint32_t size = 0;  // node 0 (null) keeps size 0
  };

  std::uint32_t next_priority() noexcept {
    rng_ ^= rng_ << 13;
    rng_ ^= rng_ >> 17;
    rng_ ^= rng_ << 5;
    return rng_;
  }
  [[nodiscard]] bool before(std::uint32_t a, std::uint32_t b) const noexcept {
    const node& x = nodes_[a];
    const node& y = nodes_[b];
    return x.key < y.key || (x.key == y.key && x.seq < y.seq);
  }
  void pull(std::uint32_t t) noexcept {
    node& n = nodes_[t];
    n.size = nodes_[n.left].size + nodes_[n.right].size + 1;
  }
  // Splits t into nodes ordered before `id` (l) and the others (r).
  void split(std::uint32_t t, std::uint32_t id, std::uint32_t& l, std::uint32_t& r) noexcept {
    if (t == 0) {
      l = r = 0;
      return;
    }
    if (before(t, id)) {
      split(nodes_[t].right, id, nodes_[t].right, r);
      l = t;
    } else {
      split(nodes_[t].left, id, l, nodes_[t].left);
      r = t;
    }
    pull(t);
  }
  std::uint32_t merge(std::uint32_t l, std::uint32_t r) noexcept {
    if (l == 0) return r;
    if (r == 0) return l;
    if (nodes_[l].pri > nodes_[r].pri) {
      nodes_[l].right = merge(nodes_[l].right, r);
      pull(l);
      return l;
    }
    nodes_[r].left = merge(l, nodes_[r].left);
    pull(r);
    return r;
  }
  std::uint32_t insert_at(std::uint32_t t, std::uint32_t id) noexcept {
    if (t == 0) return id;
    if (nodes_[id].pri > nodes_[t].pri) {
      split(t, id, nodes_[id].left, nodes_[id].right);
      pull(id);
      return id;
    }
    if (before(id, t))
      nodes_[t].left = insert_at(nodes_[t].left, id);
    else
      nodes_[t].right = insert_at(nodes_[t].right, id);
    pull(t);
    return t;
  }
  std::uint32_t erase_at(std::uint32_t t, std::uint32_t id) noexcept {
    if (t == id) return merge(nodes_[t].left, nodes_[t].right);
    if (before(id, t))
      nodes_[t].left = erase_at(nodes_[t].left, id);
    else
      nodes_[t].right = erase_at(nodes_[t].right, id);
    pull(t);
    return t;
  }

  std::vector<node> nodes_ = std::vector<node>(1);
  std::uint32_t root_ = 0;
  std::uint32_t rng_ = seed;
};

/// Quantile by pandas' 'linear' rule over the n >= 1 values of `tree`.
inline double linear_quantile(const order_statistic_tree& tree, double q) noexcept {
  const std::size_t n = tree.size();
  if (n == 1) return tree.select(0);
  const double h = q * static_cast<double>(n - 1);
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  const double v = tree.select(i);
  if (lo == h) return v;
  return v + (tree.select(i + 1) - v) * (h - lo);
}

/// pandas' rolling median of the n >= 1 values of `tree`.
inline double middle(const order_statistic_tree& tree) noexcept {
  const std::size_t n = tree.size();
  const std::size_t mid = n / 2;
  if (n % 2 != 0) return tree.select(mid);
  return (tree.select(mid - 1) + tree.select(mid)) / 2;
}

inline void check_quantile(double q) {
  if (!(q >= 0.0 && q <= 1.0))
    throw config_error("q", "must be in [0, 1] (got " + std::to_string(q) + ")");
}

/// Windowed order statistics: the window's valid values in an order_statistic_tree (node id =
/// window slot + 1). O(log w) expected per update, O(w) memory.
template <class Stat, class Params>
class window_order_stat {
 public:
  using params = Params;

  explicit window_order_stat(const params& p)
      : w_(p.window),
        min_periods_(order_min_periods(p.window, p.min_periods)),
        stat_(p),
        valid_(p.window) {
    tree_.resize(p.window);
  }

  /// Pushes the next bar (NaN allowed: it occupies its slot but is not stored). O(log w).
  void update(double x) noexcept {
    const auto id = static_cast<std::uint32_t>(slot_ + 1);
    if (t_ >= w_ && valid_[slot_] != 0) tree_.erase(id);
    const bool ok = !is_nan(x);
    valid_[slot_] = ok ? 1 : 0;
    if (ok) tree_.insert(id, x, t_);
    last_ = x;
    ++t_;
    if (++slot_ == w_) slot_ = 0;
  }

  /// The statistic of the window; NaN while fewer than min_periods valid values are held.
  [[nodiscard]] double value() const noexcept {
    return ready() ? stat_.compute(tree_, last_) : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return tree_.size() >= min_periods_; }
  /// Outputs 0..min_periods-2 are NaN on a NaN-free series.
  [[nodiscard]] std::size_t lookback() const noexcept { return min_periods_ - 1; }
  void reset() noexcept {
    tree_.clear();
    t_ = slot_ = 0;
    last_ = nan;
    std::fill(valid_.begin(), valid_.end(), static_cast<unsigned char>(0));
  }

 private:
  std::size_t w_;
  std::size_t min_periods_;
  Stat stat_;
  order_statistic_tree tree_;
  std::vector<unsigned char> valid_;
  std::size_t t_ = 0;
  std::size_t slot_ = 0;
  double last_ = nan;
};

/// Expanding order statistics: every valid value since the first bar in the tree. O(log n)
/// expected per update, O(n) memory (n = valid values seen).
template <class Stat, class Params>
class expanding_order_stat {
 public:
  using params = Params;

  explicit expanding_order_stat(const params& p)
      : min_periods_(order_expanding_min_periods(p.min_periods)), stat_(p) {}

  /// Pushes the next bar (NaN skipped). O(log n) expected, amortised over the pool's growth.
  void update(double x) {
    last_ = x;
    if (is_nan(x)) return;
    const std::size_t n = tree_.size();
    if (n + 1 > tree_.capacity()) tree_.resize(std::max<std::size_t>(16, 2 * (n + 1)));
    tree_.insert(static_cast<std::uint32_t>(n + 1), x, n);
  }
  [[nodiscard]] double value() const noexcept {
    return ready() ? stat_.compute(tree_, last_) : nan;
  }
  [[nodiscard]] bool ready() const noexcept { return tree_.size() >= min_periods_; }
  [[nodiscard]] std::size_t lookback() const noexcept { return min_periods_ - 1; }
  void reset() noexcept {
    tree_.clear();
    last_ = nan;
  }

 private:
  std::size_t min_periods_;
  Stat stat_;
  order_statistic_tree tree_;
  double last_ = nan;
};

/// The quantile statistic (pandas 'linear' interpolation).
struct quantile_stat {
  template <class P>
  explicit quantile_stat(const P& p) : q(p.q) {
    check_quantile(q);
  }
  [[nodiscard]] double compute(const order_statistic_tree& t, double) const noexcept {
    return linear_quantile(t, q);
  }
  double q;
};

/// The median statistic (pandas' rolling median).
struct median_stat {
  template <class P>
  explicit median_stat(const P&) {}
  [[nodiscard]] static double compute(const order_statistic_tree& t, double) noexcept {
    return middle(t);
  }
};

/// Average-tie percentile rank of the newest value (pandas rank(pct=True)).
struct percent_rank_stat {
  template <class P>
  explicit percent_rank_stat(const P&) {}
  [[nodiscard]] static double compute(const order_statistic_tree& t, double newest) noexcept {
    if (is_nan(newest)) return nan;
    const std::size_t below = t.count_below(newest, true);
    const std::size_t upto = t.count_below(newest, false);
    // 1-based ranks of the ties: below+1 .. upto; their average is (below + 1 + upto) / 2
    const double rank = static_cast<double>(below + 1 + upto) / 2;
    return rank / static_cast<double>(t.size());
  }
};

}  // namespace detail

/// Rolling quantile q of the last `window` bars, pandas' 'linear' interpolation (see the file
/// comment; = pandas `rolling(window, min_periods).quantile(q)`). params: window, min_periods
/// (0 = window), q in [0, 1] (config_error "q" otherwise). O(log w) expected per update (treap),
/// O(w) memory. Warm-up: lookback() = min_periods - 1. NaN: skipped inside the window.
/// @test tests/rolling/quantile_test.cpp (Quantile.*: sorted-window reference on random data
///       with NaNs, hand cases; laws)
using quantile = detail::window_order_stat<detail::quantile_stat, quantile_params>;

/// Rolling median (pandas `rolling().median()`: mean of the two middle values for an even
/// count). As rolling::quantile otherwise.
/// @test tests/rolling/quantile_test.cpp (Quantile.Median*; laws)
using median = detail::window_order_stat<detail::median_stat, window_params>;

/// Percentile rank of the newest value within the last `window` bars: (average 1-based rank of
/// the newest value among the window's valid values) / (their count), in (0, 1] (pandas
/// `rolling(window, min_periods).rank(method="average", pct=True)`); ties share their average
/// rank. NaN when the newest value is NaN or fewer than min_periods valid values are held.
/// O(log w) expected per update. Warm-up: lookback() = min_periods - 1.
/// @test tests/rolling/quantile_test.cpp (Quantile.PercentRank*; laws)
using percent_rank = detail::window_order_stat<detail::percent_rank_stat, window_params>;

/// Quantile of every valid value since the first bar (pandas
/// `expanding(min_periods).quantile(q)`, 'linear'). params: q, min_periods (>= 1, default 1).
/// O(log n) expected per update, O(n) memory. NaN inputs are skipped.
/// @test tests/rolling/quantile_test.cpp (Quantile.Expanding*; laws)
using expanding_quantile =
    detail::expanding_order_stat<detail::quantile_stat, expanding_quantile_params>;

/// Median of every valid value since the first bar (pandas `expanding().median()`).
/// @test tests/rolling/quantile_test.cpp (Quantile.Expanding*; laws)
using expanding_median = detail::expanding_order_stat<detail::median_stat, expanding_order_params>;

/// Percentile rank of the newest value among every valid value since the first bar (pandas
/// `expanding(min_periods).rank(method="average", pct=True)`); as rolling::percent_rank.
/// O(log n) expected per update, O(n) memory.
/// @test tests/rolling/quantile_test.cpp (Quantile.Expanding*; laws)
using expanding_percent_rank =
    detail::expanding_order_stat<detail::percent_rank_stat, expanding_order_params>;

}  // namespace rolling
ALPHA_END_NAMESPACE
