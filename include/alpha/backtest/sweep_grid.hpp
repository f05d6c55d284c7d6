/// @file
/// alpha::backtest::sweep_grid<P>: the variants of a parameter sweep over a reflected params
/// aggregate P, addressed by dotted keys (`features.0.period`): a cartesian product of value
/// lists or ranges per key (any number of dimensions), constraints between fields, and a seeded
/// random sample of the grid points.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/params.hpp"

#include <range/v3/view/filter.hpp>
#include <range/v3/view/iota.hpp>
#include <range/v3/view/transform.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::sweep {

/// splitmix64: a tiny, fully specified generator (the same stream on every platform and
/// standard library, unlike std::uniform_int_distribution).
struct sweep_rng {
  std::uint64_t state;
  std::uint64_t next() noexcept {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n), n >= 1 (rejection: no modulo bias).
  std::uint64_t below(std::uint64_t n) noexcept {
    const std::uint64_t limit =
        std::numeric_limits<std::uint64_t>::max() - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return x % n;
  }
};

}  // namespace detail::sweep

namespace backtest {

/// One dimension of a sweep grid: a dotted key and its values, kept as config text (the form
/// set_param reads, so every params field type works: integers, doubles, bools, enums, strings).
struct sweep_axis {
  std::string key;                  ///< dotted key, e.g. "features.0.period"
  std::vector<std::string> values;  ///< values in sweep order (formatted with format_param_value)
};

/// The grid of a sweep over params type P (a reflected aggregate, e.g. `my_strategy::params`).
///
/// - `add(key, values)` / `add_range(key, first, last, step)` append a dimension; the grid is
///   the cartesian product of the dimensions in the order added, the LAST dimension varying
///   fastest (variant index = mixed-radix number of the value indices). A key that P does not
///   have is a config_error with set_param's message (listing the known keys); so is a value
///   that does not parse for the field, or a key given twice.
/// - `where(pred)` keeps only the points with pred(params) true (several predicates: all must
///   hold), e.g. `[](const auto& p) { return fast(p) < slow(p); }`.
/// - `points()` enumerates the admissible points (range-v3: iota | transform | filter) as grid
///   indices; `make(prototype, index)` builds the params of one point from a prototype.
/// - `sample(n, seed)` draws n distinct admissible points uniformly without replacement with a
///   splitmix64 stream (same points on every platform), returned in ascending grid order.
///
/// Complexity: points() O(product x (fields + predicate)); make() O(dimensions x fields).
template <class P>
class sweep_grid {
  static_assert(
      ReflectedParams<P>,
      "alpha: sweep_grid<P> needs a reflected params aggregate (BOOST_HANA_ADAPT_STRUCT)");

 public:
  using params_type = P;
  using predicate = std::function<bool(const P&)>;

  /// Adds a dimension with explicit values (any ParamValue type, or text).
  template <class T>
  sweep_grid& add(std::string key, const std::vector<T>& values) {
    sweep_axis axis{std::move(key), {}};
    axis.values.reserve(values.size());
    for (const auto& v : values) {
      if constexpr (std::is_convertible_v<const T&, std::string_view> && !std::is_arithmetic_v<T>)
        axis.values.emplace_back(std::string_view(v));
      else
        axis.values.push_back(format_param_value(v));
    }
    return add_axis(std::move(axis));
  }
  sweep_grid& add(std::string key, std::initializer_list<double> values) {
    return add(std::move(key), std::vector<double>(values));
  }

  /// Adds a dimension first, first + step, ... up to and including `last` (integers: exact;
  /// floating point: first + k step for k = 0.. while <= last + 1e-9 |step|). config_error for
  /// step <= 0 or last < first.
  template <class T>
  requires std::is_arithmetic_v<T> sweep_grid& add_range(std::string key, T first, T last,
                                                         T step = T(1)) {
    if (!(step > T(0)))
      throw config_error(key, "sweep range step must be > 0, got " + format_param_value(step));
    if (last < first)
      throw config_error(key, "sweep range is empty: last " + format_param_value(last) +
                                  " < first " + format_param_value(first));
    std::vector<T> v;
    if constexpr (std::is_integral_v<T>) {
      for (T x = first; x <= last; x = static_cast<T>(x + step)) {
        v.push_back(x);
        if (last - x < step) break;
      }
    } else {
      const double tol = 1e-9 * static_cast<double>(step);
      for (std::size_t k = 0;; ++k) {
        const double x = static_cast<double>(first) + static_cast<double>(k) * step;
        if (x > static_cast<double>(last) + tol) break;
        v.push_back(static_cast<T>(x));
      }
    }
    return add(std::move(key), v);
  }

  /// Keeps only the points where `pred(params)` holds.
  sweep_grid& where(predicate pred) {
    if (!pred) throw config_error("where", "empty sweep constraint");
    constraints_.push_back(std::move(pred));
    return *this;
  }

  [[nodiscard]] const std::vector<sweep_axis>& axes() const noexcept { return axes_; }
  /// Number of points before the constraints: the product of the dimensions' sizes (1 for no
  /// dimension: the prototype alone). config_error if it overflows 2^63.
  [[nodiscard]] std::size_t product() const {
    std::size_t n = 1;
    for (const auto& a : axes_) {
      if (n > (std::size_t(1) << 62) / a.values.size())
        throw config_error(a.key, "sweep grid has more than 2^62 points");
      n *= a.values.size();
    }
    return n;
  }

  /// Params of grid point `index` (in [0, product())): the prototype with every dimension's
  /// value set. O(dimensions x fields).
  [[nodiscard]] P make(const P& prototype, std::size_t index) const {
    P p = prototype;
    for (std::size_t d = axes_.size(); d-- > 0;) {
      const auto& a = axes_[d];
      set_param(p, a.key, a.values[index % a.values.size()]);
      index /= a.values.size();
    }
    return p;
  }

  /// Whether point `index` of `prototype` satisfies every constraint.
  [[nodiscard]] bool admissible(const P& prototype, std::size_t index) const {
    if (constraints_.empty()) return true;
    const P p = make(prototype, index);
    return std::all_of(constraints_.begin(), constraints_.end(),
                       [&](const predicate& c) { return c(p); });
  }

  /// The admissible grid indices in ascending order (a lazy range-v3 view over
  /// [0, product())); the grid and the prototype must outlive it.
  [[nodiscard]] auto points(const P& prototype) const {
    return ranges::views::iota(std::size_t(0), product()) |
           ranges::views::filter(
               [this, &prototype](std::size_t i) { return admissible(prototype, i); });
  }

  /// The admissible grid indices, materialised. O(product x (fields + predicates)).
  [[nodiscard]] std::vector<std::size_t> indices(const P& prototype) const {
    std::vector<std::size_t> out;
    for (const std::size_t i : points(prototype)) out.push_back(i);
    return out;
  }

  /// n distinct admissible points drawn uniformly without replacement (seeded splitmix64;
  /// deterministic), in ascending grid order. If the grid has at most 4n points (or at most
  /// 2^20), the admissible points are enumerated and a partial Fisher-Yates shuffle picks n;
  /// otherwise random indices are drawn and rejected when inadmissible or repeated (at most
  /// 1000 n draws). config_error if fewer than n admissible points exist (or are found).
  [[nodiscard]] std::vector<std::size_t> sample(const P& prototype, std::size_t n,
                                                std::uint64_t seed) const {
    const std::size_t total = product();
    ::alpha::detail::sweep::sweep_rng rng{seed};
    std::vector<std::size_t> out;
    if (total <= std::max<std::size_t>(4 * n, std::size_t(1) << 20)) {
      std::vector<std::size_t> all = indices(prototype);
      if (all.size() < n)
        throw config_error("sample", "asked for " + std::to_string(n) +
                                         " variants but the grid has " +
                                         std::to_string(all.size()) + " admissible points");
      for (std::size_t k = 0; k < n; ++k) std::swap(all[k], all[k + rng.below(all.size() - k)]);
      out.assign(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n));
    } else {
      std::unordered_set<std::size_t> seen;
      for (std::size_t draws = 0; out.size() < n; ++draws) {
        if (draws > 1000 * n)
          throw config_error("sample", "found only " + std::to_string(out.size()) + " of " +
                                           std::to_string(n) +
                                           " admissible points in 1000 n random draws");
        const std::size_t i = rng.below(total);
        if (seen.count(i) != 0 || !admissible(prototype, i)) continue;
        seen.insert(i);
        out.push_back(i);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  sweep_grid& add_axis(sweep_axis axis) {
    if (axis.values.empty()) throw config_error(axis.key, "sweep dimension has no values");
    for (const auto& a : axes_)
      if (a.key == axis.key) throw config_error(axis.key, "sweep dimension given twice");
    P probe{};
    for (const auto& v : axis.values) set_param(probe, axis.key, v);  // unknown key / bad text
    axes_.push_back(std::move(axis));
    return *this;
  }

  std::vector<sweep_axis> axes_;
  std::vector<predicate> constraints_;
};

}  // namespace backtest
ALPHA_END_NAMESPACE
