/// @file
/// alpha::rolling::window_set<Stats...>: several statistics of one window, updated in one pass
/// over one shared ring buffer, composed at compile time (Boost.Hana).
///
///     rolling::window_set<stat::mean, stat::std_dev, stat::min, stat::max> w({.window = 20});
///     w.update(x);
///     double sd = w.get<stat::std_dev>();          // or w.values(): {mean, std, min, max}
///
/// What is shared: one ring buffer, one NaN test and one valid count per update; the moment
/// statistics share ONE set of power sums of the highest order any of them needs (mean + std
/// keep sums of x and x^2 once, not twice); min and max keep monotonic deques only if asked for.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/ring_buffer.hpp"
#include "alpha/detail/rolling_window.hpp"
#include "alpha/rolling/minmax.hpp"
#include "alpha/rolling/window_params.hpp"

#include <boost/hana/contains.hpp>
#include <boost/hana/equal.hpp>
#include <boost/hana/find_if.hpp>
#include <boost/hana/fold_left.hpp>
#include <boost/hana/index_if.hpp>
#include <boost/hana/length.hpp>
#include <boost/hana/set.hpp>
#include <boost/hana/transform.hpp>
#include <boost/hana/tuple.hpp>
#include <boost/hana/type.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace rolling {

/// Statistic tags for window_set. `order` is the highest power sum a moment statistic needs
/// (0 for order statistics); `min_count(ddof)` the fewest valid values it is defined on.
namespace stat {
/// Sum of the valid values (as rolling::sum).
struct sum {
  static constexpr std::size_t order = 1;
  static constexpr std::size_t min_count(std::size_t) noexcept { return 1; }
};
/// Mean of the valid values (as rolling::mean).
struct mean {
  static constexpr std::size_t order = 1;
  static constexpr std::size_t min_count(std::size_t) noexcept { return 1; }
};
/// Variance with the set's ddof (as rolling::variance).
struct variance {
  static constexpr std::size_t order = 2;
  static constexpr std::size_t min_count(std::size_t ddof) noexcept { return ddof + 1; }
};
/// Standard deviation with the set's ddof (as rolling::std_dev).
struct std_dev {
  static constexpr std::size_t order = 2;
  static constexpr std::size_t min_count(std::size_t ddof) noexcept { return ddof + 1; }
};
/// Smallest valid value (as rolling::min).
struct min {
  static constexpr std::size_t order = 0;
  static constexpr std::size_t min_count(std::size_t) noexcept { return 1; }
};
/// Largest valid value (as rolling::max).
struct max {
  static constexpr std::size_t order = 0;
  static constexpr std::size_t min_count(std::size_t) noexcept { return 1; }
};
}  // namespace stat

namespace detail {

/// Monotonic deque of (sequence number, value) over a fixed capacity, for a windowed extreme.
/// `Better(a, b)` is true when a should evict b (a <= b for a minimum). O(1) amortised.
template <class Better>
class extreme_deque {
 public:
  explicit extreme_deque(std::size_t capacity) : seq_(capacity), val_(capacity) {}
  void push(std::size_t seq, double x) noexcept {
    while (size_ > 0 && Better{}(x, val_[wrap(head_ + size_ - 1)])) --size_;
    const std::size_t slot = wrap(head_ + size_);
    seq_[slot] = seq;
    val_[slot] = x;
    ++size_;
  }
  /// Drops entries with sequence number < `first_kept`.
  void expire(std::size_t first_kept) noexcept {
    while (size_ > 0 && seq_[head_] < first_kept) {
      head_ = wrap(head_ + 1);
      --size_;
    }
  }
  [[nodiscard]] double front() const noexcept { return size_ > 0 ? val_[head_] : nan; }
  void clear() noexcept { head_ = size_ = 0; }

 private:
  /// i mod capacity for i < 2 * capacity, without a division.
  [[nodiscard]] std::size_t wrap(std::size_t i) const noexcept {
    return i >= seq_.size() ? i - seq_.size() : i;
  }
  std::vector<std::size_t> seq_;
  std::vector<double> val_;
  std::size_t head_ = 0, size_ = 0;
};

struct no_greater {
  bool operator()(double a, double b) const noexcept { return a <= b; }
};
struct no_less {
  bool operator()(double a, double b) const noexcept { return a >= b; }
};

/// Placeholder state for a set without moment statistics.
struct no_moments {
  std::size_t count = 0;
  void add(double x) noexcept {
    if (!is_nan(x)) ++count;
  }
  void remove(double x) noexcept {
    if (!is_nan(x)) --count;
  }
  template <class F>
  void rebuild(F&&) noexcept {}
  [[nodiscard]] bool ill_conditioned() const noexcept { return false; }
  void clear() noexcept { count = 0; }
};

template <std::size_t Order>
using moment_state = std::conditional_t<Order == 0, no_moments,
                                        ::alpha::detail::power_sums<(Order == 0 ? 1 : Order)>>;

}  // namespace detail

/// Several statistics of the last `window` inputs, in one pass. Stats are tags from
/// rolling::stat, each listed at most once (static_assert otherwise).
///
/// - Params: window_ddof_params {window, min_periods, ddof}; ddof applies to variance/std_dev.
/// - NaN rule: as each statistic's own accumulator: a NaN input occupies a slot and is skipped;
///   every output is NaN until the window holds >= max(min_periods, each statistic's minimum)
///   valid values (one readiness rule for the whole set).
/// - Agreement with the separate accumulators: variance and std_dev run the same operations as
///   rolling::variance/std_dev, so they are bit-equal; min and max are exact; mean and sum come
///   from the shared order-2 sums when variance or std is in the set (relative difference from
///   rolling::mean <= 1e-12), else bit-equal to rolling::mean/sum.
/// - Complexity: O(1) amortised per update for all statistics together, O(w) memory; the moment
///   sums are rebuilt exactly every w updates (as in rolling::variance).
/// @test tests/rolling/window_set_test.cpp (agreement with the separate accumulators, laws)
template <class... Stats>
class window_set {
  static constexpr auto stats_ = boost::hana::tuple_t<Stats...>;
  static_assert(sizeof...(Stats) >= 1, "alpha: rolling::window_set needs at least one statistic");
  static_assert(boost::hana::length(boost::hana::to_set(stats_)) ==
                    boost::hana::size_c<sizeof...(Stats)>,
                "alpha: rolling::window_set lists a statistic twice");

  static constexpr std::size_t order_ = boost::hana::fold_left(
      stats_, std::size_t{0},
      [](std::size_t acc, auto t) { return std::max(acc, decltype(t)::type::order); });
  static constexpr bool has_min_ = boost::hana::contains(stats_, boost::hana::type_c<stat::min>);
  static constexpr bool has_max_ = boost::hana::contains(stats_, boost::hana::type_c<stat::max>);
  using moments = detail::moment_state<order_>;

 public:
  using params = window_ddof_params;
  /// Number of statistics in the set.
  static constexpr std::size_t size = sizeof...(Stats);

  explicit window_set(const params& p)
      : p_(p),
        cfg_(::alpha::detail::resolve_window(p.window, p.min_periods, statistic_min(p),
                                             "rolling::window_set")),
        ring_(p.window),
        min_q_(has_min_ ? p.window : std::size_t{1}),
        max_q_(has_max_ ? p.window : std::size_t{1}) {}

  /// Pushes one input. O(1) amortised.
  void update(double x) noexcept {
    const std::size_t seq = seq_;
    update_moments(x);
    if constexpr (has_min_ || has_max_) {
      const std::size_t first_kept = seq + 1 >= p_.window ? seq + 1 - p_.window : 0;
      // Expire first: the deques hold at most `window` entries, including the new one.
      if constexpr (has_min_) min_q_.expire(first_kept);
      if constexpr (has_max_) max_q_.expire(first_kept);
      if (!is_nan(x)) {
        if constexpr (has_min_) min_q_.push(seq, x);
        if constexpr (has_max_) max_q_.push(seq, x);
      }
    }
  }

  /// True once every statistic of the set is defined.
  [[nodiscard]] bool ready() const noexcept { return moments_.count >= cfg_.min_count; }
  /// Leading NaN outputs on a NaN-free series: min_count - 1 (w - 1 by default).
  [[nodiscard]] std::size_t lookback() const noexcept { return cfg_.min_count - 1; }

  /// The value of statistic S (which must be in the set); NaN unless ready().
  template <class S>
  [[nodiscard]] double get() const noexcept {
    static_assert(boost::hana::contains(stats_, boost::hana::type_c<S>),
                  "alpha: rolling::window_set::get<S>: S is not one of the set's statistics");
    if (!ready()) return nan;
    if constexpr (std::is_same_v<S, stat::min>)
      return min_q_.front();
    else if constexpr (std::is_same_v<S, stat::max>)
      return max_q_.front();
    else
      return moment<S>(moments_, p_.ddof);
  }

  /// Every statistic, in the order of the template arguments; NaN unless ready().
  [[nodiscard]] std::array<double, size> values() const noexcept { return {get<Stats>()...}; }

  /// Position of statistic S in values().
  template <class S>
  static constexpr std::size_t index_of() noexcept {
    static_assert(boost::hana::contains(stats_, boost::hana::type_c<S>),
                  "alpha: rolling::window_set::index_of<S>: S is not one of the set's statistics");
    using found =
        decltype(boost::hana::index_if(stats_, boost::hana::equal.to(boost::hana::type_c<S>)));
    return std::remove_cvref_t<decltype(std::declval<found>().value())>::value;
  }

  /// Back to the freshly constructed state.
  void reset() noexcept {
    ring_.clear();
    moments_.clear();
    min_q_.clear();
    max_q_.clear();
    seq_ = since_rebuild_ = 0;
  }

  /// Runs the set over a series, writing statistic k of input t to out[k][t] (every span the
  /// input's length, else shape_error). One pass updates the shared moment sums; min and max,
  /// which are exact, come from rolling::min/max's block kernel (van Herk/Gil-Werman) masked by
  /// the set's readiness, so the outputs equal the streaming ones bit for bit. O(n).
  static void batch(const params& p, std::span<const double> in,
                    const std::array<std::span<double>, size>& out) {
    for (const auto& o : out)
      if (o.size() != in.size())
        throw shape_error("rolling::window_set: input of " + std::to_string(in.size()) +
                          " values but an output of " + std::to_string(o.size()));
    // The moment pass, as rolling::variance's batch kernel: the window is read from the input
    // (no ring buffer), the sums rebuilt exactly every w values.
    const ::alpha::detail::window_config cfg = ::alpha::detail::resolve_window(
        p.window, p.min_periods, statistic_min(p), "rolling::window_set");
    const std::size_t w = cfg.window;
    moments m{};
    std::size_t since = 0;
    std::vector<std::uint8_t> ready(has_min_ || has_max_ ? in.size() : 0);
    const auto write_moments = [&]<std::size_t... K>(std::size_t t, bool ok,
                                                     std::index_sequence<K...>) {
      ((void)(is_extreme<Stats> ? 0 : (out[K][t] = ok ? moment_or_nan<Stats>(m, p.ddof) : nan, 0)),
       ...);
    };
    for (std::size_t t = 0; t < in.size(); ++t) {
      if (t >= w) m.remove(in[t - w]);
      m.add(in[t]);
      if (++since == w || m.ill_conditioned()) {
        since = 0;
        const std::size_t lo = t + 1 >= w ? t + 1 - w : 0;
        m.rebuild([&](auto&& f) {
          for (std::size_t j = lo; j <= t; ++j) f(in[j]);
        });
      }
      const bool ok = m.count >= cfg.min_count;
      write_moments(t, ok, std::index_sequence_for<Stats...>{});
      if (!ready.empty()) ready[t] = ok ? 1 : 0;
    }
    const auto extremes = [&](auto kernel, std::size_t k) {
      kernel(window_params{.window = p.window, .min_periods = 1}, in, out[k]);
      for (std::size_t t = 0; t < in.size(); ++t)
        if (!ready[t]) out[k][t] = nan;
    };
    if constexpr (has_min_) extremes(&rolling::min::batch, index_of<stat::min>());
    if constexpr (has_max_) extremes(&rolling::max::batch, index_of<stat::max>());
  }

 private:
  template <class S>
  static constexpr bool is_extreme = std::is_same_v<S, stat::min> || std::is_same_v<S, stat::max>;

  /// The moment part of update(): ring buffer, shared sums, periodic exact rebuild.
  void update_moments(double x) noexcept {
    if (ring_.full()) moments_.remove(ring_.front());
    ring_.push(x);
    moments_.add(x);
    ++seq_;
    if (++since_rebuild_ == cfg_.window || moments_.ill_conditioned()) {
      since_rebuild_ = 0;
      moments_.rebuild([this](auto&& f) { ring_.for_each(f); });
    }
  }
  /// Moment statistic S from the shared sums (precondition: count >= the set's minimum).
  template <class S>
  [[nodiscard]] static double moment(const moments& m, std::size_t ddof) noexcept {
    if constexpr (std::is_same_v<S, stat::mean>) {
      return m.mean();
    } else if constexpr (std::is_same_v<S, stat::sum>) {
      return m.sum();
    } else {
      const double var = m.central()[0] / static_cast<double>(m.count - ddof);
      if constexpr (std::is_same_v<S, stat::variance>)
        return var;
      else
        return std::sqrt(var);
    }
  }
  /// moment<S>() for moment statistics; NaN for the extremes (filled separately by batch).
  template <class S>
  [[nodiscard]] static double moment_or_nan(const moments& m, std::size_t ddof) noexcept {
    if constexpr (is_extreme<S>)
      return nan;
    else
      return moment<S>(m, ddof);
  }

  static std::size_t statistic_min(const params& p) {
    if (p.window != 0 && (order_ >= 2)) ::alpha::detail::check_ddof(p.ddof, p.window);
    return std::max({Stats::min_count(p.ddof)...});
  }

  params p_;
  ::alpha::detail::window_config cfg_;
  ::alpha::detail::ring_buffer<double> ring_;
  moments moments_{};
  detail::extreme_deque<detail::no_greater> min_q_;
  detail::extreme_deque<detail::no_less> max_q_;
  std::size_t seq_ = 0;
  std::size_t since_rebuild_ = 0;
};

}  // namespace rolling
ALPHA_END_NAMESPACE
