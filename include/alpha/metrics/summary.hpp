/// @file
/// alpha::metrics::performance_summary: the common return statistics of a strategy in one struct,
/// computed by `summarize(returns)`, printable with fmt and reflected with Boost.Hana.
///
/// Generic iteration (for JSON / Markdown / CSV writers): the struct is adapted with
/// BOOST_HANA_ADAPT_STRUCT, so `boost::hana::accessors<performance_summary>()` yields
/// (name, accessor) pairs in declaration order; `for_each_field(s, f)` wraps that and calls
/// `f(std::string_view name, const auto& value)` for every field (value types: std::size_t,
/// double, bool). Field names are stable identifiers (snake_case) meant for report keys.
/// Every field follows the convention of the function named in its comment.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/nan.hpp"
#include "alpha/detail/metrics_common.hpp"
#include "alpha/metrics/drawdown.hpp"
#include "alpha/metrics/returns_stats.hpp"
#include "alpha/metrics/tail_risk.hpp"
#include "alpha/metrics/trade_stats.hpp"

#include <boost/hana/accessors.hpp>
#include <boost/hana/adapt_struct.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// The common statistics of a per-period simple-return series (NaN = undefined, see each
/// function). Ratios and rates are fractions (0.05 = 5 %), annualised with periods_per_year.
struct performance_summary {
  std::size_t periods = 0;                ///< non-NaN returns (N)
  double total_return = nan;              ///< total_return
  double cagr = nan;                      ///< cagr
  double annual_volatility = nan;         ///< annual_volatility
  double sharpe = nan;                    ///< sharpe_ratio (risk_free)
  double sortino = nan;                   ///< sortino_ratio (required_return)
  double downside_risk = nan;             ///< downside_risk (required_return)
  double max_drawdown = nan;              ///< max_drawdown (<= 0)
  std::size_t max_drawdown_duration = 0;  ///< periods from its peak to recovery (or to the end)
  bool max_drawdown_recovered = true;     ///< false if the deepest drawdown is not recovered
  std::size_t longest_drawdown = 0;       ///< duration of the longest underwater spell, in periods
  double calmar = nan;                    ///< calmar_ratio
  double var_95 = nan;                    ///< value_at_risk(0.95), a return (negative = loss)
  double cvar_95 = nan;                   ///< conditional_value_at_risk(0.95), empyrical rule
  double var_99 = nan;                    ///< value_at_risk(0.99)
  double cvar_99 = nan;                   ///< conditional_value_at_risk(0.99), empyrical rule
  double win_rate = nan;                  ///< win_loss: positive periods / periods
  double profit_factor = nan;             ///< win_loss: sum of gains / |sum of losses|
  double average_win = nan;               ///< win_loss: mean positive return
  double average_loss = nan;              ///< win_loss: mean negative return (< 0)
  double best = nan;                      ///< largest return
  double worst = nan;                     ///< smallest return
};

/// All the statistics of performance_summary from one series. Drops NaN once, then one pass
/// for the moments, the downside, the wealth and the win/loss counts, one pass for the
/// drawdowns (on the original rows, NaN rows carried), and two selections for the four tail
/// numbers. config_error on bad options, data_error on an infinite return. O(N).
[[nodiscard]] inline performance_summary summarize(std::span<const double> returns,
                                                   const return_options& o = {}) {
  ::alpha::detail::metrics::check(o);
  const auto clean = ::alpha::detail::metrics::drop_nan(returns, "summarize");
  performance_summary s;
  s.periods = clean.size();
  const double ppy = o.periods_per_year;
  // Pass 1 (inside the helpers, over the clean values).
  const double w = ::alpha::detail::metrics::ending_value(clean);
  if (!clean.empty()) s.total_return = w - 1.0;
  s.cagr = ::alpha::detail::metrics::cagr_of(w, clean.size(), ppy);
  s.annual_volatility = ::alpha::detail::metrics::mean_and_sd(clean).sd * std::sqrt(ppy);
  s.sharpe = ::alpha::detail::metrics::sharpe_of(clean, o.risk_free, ppy);
  s.sortino = ::alpha::detail::metrics::sortino_of(clean, o.required_return, ppy);
  s.downside_risk =
      ::alpha::detail::metrics::downside_deviation(clean, o.required_return) * std::sqrt(ppy);
  const win_loss_stats wl = win_loss(clean);
  s.win_rate = wl.win_rate;
  s.profit_factor = wl.profit_factor;
  s.average_win = wl.average_win;
  s.average_loss = wl.average_loss;
  // Drawdowns on the original rows.
  const drawdown_info dd = max_drawdown_info(returns);
  s.max_drawdown = dd.max_drawdown;
  s.max_drawdown_duration = dd.spell.duration;
  s.max_drawdown_recovered = dd.spell.duration == 0 || dd.spell.recovered;
  s.longest_drawdown = dd.longest.duration;
  if (s.max_drawdown < 0.0) {
    const double c = s.cagr / std::fabs(s.max_drawdown);
    s.calmar = std::isinf(c) ? nan : c;
  }
  // Tails: selection on one scratch copy (reordered by each call), min and max by one scan.
  if (!clean.empty()) {
    const auto [lo, hi] = std::minmax_element(clean.begin(), clean.end());
    s.best = *hi;
    s.worst = *lo;
    std::vector<double> scratch = clean;
    using ::alpha::detail::metrics::tail_of;
    const auto t95 = tail_of(scratch, 1.0 - 0.95, cvar_rule::empyrical);
    const auto t99 = tail_of(scratch, 1.0 - 0.99, cvar_rule::empyrical);
    s.var_95 = t95.var;
    s.cvar_95 = t95.cvar;
    s.var_99 = t99.var;
    s.cvar_99 = t99.cvar;
  }
  return s;
}

}  // namespace metrics
ALPHA_END_NAMESPACE

BOOST_HANA_ADAPT_STRUCT(alpha::metrics::performance_summary, periods, total_return, cagr,
                        annual_volatility, sharpe, sortino, downside_risk, max_drawdown,
                        max_drawdown_duration, max_drawdown_recovered, longest_drawdown, calmar,
                        var_95, cvar_95, var_99, cvar_99, win_rate, profit_factor, average_win,
                        average_loss, best, worst);

ALPHA_BEGIN_NAMESPACE
namespace metrics {

/// Calls f(std::string_view name, const T& value) for each field of `s` in declaration order
/// (T is std::size_t, double or bool). The generic hook for report writers.
template <class F>
void for_each_field(const performance_summary& s, F&& f) {
  boost::hana::for_each(boost::hana::accessors<performance_summary>(), [&](auto pair) {
    f(std::string_view(boost::hana::to<char const*>(boost::hana::first(pair))),
      boost::hana::second(pair)(s));
  });
}

}  // namespace metrics
ALPHA_END_NAMESPACE

/// `{}` of a performance_summary: one `name value` line per field, names padded to one column;
/// doubles with 6 significant digits (`nan`, `inf` as fmt prints them), counts as integers,
/// flags as true/false. Only the empty format spec is accepted.
template <>
struct fmt::formatter<alpha::metrics::performance_summary> {
  constexpr auto parse(fmt::format_parse_context& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it != '}')
      throw fmt::format_error("alpha: performance_summary takes no format spec");
    return it;
  }
  template <class FormatContext>
  auto format(const alpha::metrics::performance_summary& s, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    auto out = ctx.out();
    bool first = true;
    alpha::metrics::for_each_field(s, [&](std::string_view name, const auto& v) {
      if (!first) *out++ = '\n';
      first = false;
      using V = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<V, double>)
        out = fmt::format_to(out, "{:<24}{:.6g}", name, v);
      else
        out = fmt::format_to(out, "{:<24}{}", name, v);
    });
    return out;
  }
};
