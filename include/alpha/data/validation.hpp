/// @file
/// Data-validation vocabulary: problem kinds, the action taken for each, the policy choosing
/// them, and the report listing every problem found (alpha::data::validation_report).
///
/// Customization points: `fmt::formatter<validation_report>`, `fmt::formatter<problem_kind>`,
/// `fmt::formatter<action>` (fmt 9 has no `format_as`).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <fmt/format.h>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

/// What is wrong with a value, a bar or a row. Row-level kinds (`unsorted_timestamp`,
/// `duplicate_timestamp`, `non_numeric`) only arise while reading a file; the others are also
/// found by `validate()` on a loaded panel. See docs/data.md, "Validation", for each rule.
enum class problem_kind : unsigned char {
  unsorted_timestamp,     ///< a row's date is earlier than the previous row's (same asset)
  duplicate_timestamp,    ///< a date appears twice for the same asset
  missing_value,          ///< NaN / empty field in a bar that has other values
  non_numeric,            ///< text that is not a number in a numeric field
  non_finite,             ///< +-inf
  non_positive_price,     ///< open/high/low/close/vwap <= 0
  high_below_open_close,  ///< high < max(open, close)
  low_above_open_close,   ///< low > min(open, close)
  negative_volume,        ///< volume < 0
  calendar_gap,           ///< a whole bar missing between the asset's first and last bar
  outlier_return,         ///< close-to-close log return with robust z-score above the threshold
};

/// Number of problem kinds (size of per-kind tables).
inline constexpr std::size_t problem_kind_count = 11;

/// The snake_case name of a kind, e.g. "missing_value". O(1).
[[nodiscard]] constexpr std::string_view to_string(problem_kind k) noexcept {
  constexpr std::array<std::string_view, problem_kind_count> names{
      "unsorted_timestamp", "duplicate_timestamp", "missing_value",         "non_numeric",
      "non_finite",         "non_positive_price",  "high_below_open_close", "low_above_open_close",
      "negative_volume",    "calendar_gap",        "outlier_return"};
  return names[static_cast<std::size_t>(k)];
}

/// What to do with a problem.
/// - `error`: throw validation_error (a data_error), after the whole input has been scanned;
/// - `drop`: remove the row (single-asset readers) or blank the bar to NaN (panels);
/// - `repair`: fix the value (sort, keep the first duplicate, forward-fill, clamp high/low);
/// - `keep`: leave the data as is.
/// Every problem is listed in the report whatever the action.
enum class action : unsigned char { error, drop, repair, keep };

/// "error", "drop", "repair" or "keep". O(1).
[[nodiscard]] constexpr std::string_view to_string(action a) noexcept {
  constexpr std::array<std::string_view, 4> names{"error", "drop", "repair", "keep"};
  return names[static_cast<std::size_t>(a)];
}

/// Past participle used in summaries: "error", "dropped", "repaired", "kept". O(1).
[[nodiscard]] constexpr std::string_view past_tense(action a) noexcept {
  constexpr std::array<std::string_view, 4> names{"error", "dropped", "repaired", "kept"};
  return names[static_cast<std::size_t>(a)];
}

/// Chooses an action per problem kind, plus the outlier-rule parameters.
///
/// Defaults: structural problems (unsorted, duplicate, non_numeric, non_finite,
/// non_positive_price, high/low inconsistency, negative_volume) are `error`; `missing_value`,
/// `calendar_gap` and `outlier_return` are `keep` (reported only).
///
/// Outlier rule: for each asset, r_t = log(close_t / close_prev) over consecutive valid closes;
/// a return is an outlier when |r_t - median(r)| / (1.4826 * MAD(r)) > `outlier_threshold`, where
/// MAD is the median absolute deviation from the median (1.4826 * MAD estimates the standard
/// deviation of normal data). The rule is skipped for an asset with fewer than
/// `outlier_min_returns` returns or with MAD = 0.
///
/// `keep` is not allowed for `unsorted_timestamp` and `duplicate_timestamp` (a time index must be
/// strictly increasing): `check()` throws config_error for it.
/// @test tests/data/validation_test.cpp (one test per rule, each action)
struct validation_policy {
  /// Action per kind, indexed by problem_kind.
  std::array<action, problem_kind_count> actions{
      action::error, action::error, action::keep,  action::error, action::error, action::error,
      action::error, action::error, action::error, action::keep,  action::keep};
  /// Robust z-score above which a log return is an outlier (default 10).
  double outlier_threshold = 10.0;
  /// Minimum number of returns of an asset before the outlier rule applies (default 20).
  std::size_t outlier_min_returns = 20;

  /// The action for `k`. O(1).
  [[nodiscard]] action operator[](problem_kind k) const noexcept {
    return actions[static_cast<std::size_t>(k)];
  }
  [[nodiscard]] action& operator[](problem_kind k) noexcept {
    return actions[static_cast<std::size_t>(k)];
  }
  /// Sets the action for `k` and returns *this, for chaining:
  /// `validation_policy{}.set(problem_kind::missing_value, action::repair)`.
  validation_policy& set(problem_kind k, action a) noexcept {
    (*this)[k] = a;
    return *this;
  }
  /// Sets every kind to `a` (unsorted/duplicate get `repair` when `a` is `keep`).
  validation_policy& set_all(action a) noexcept {
    actions.fill(a);
    if (a == action::keep) {
      set(problem_kind::unsorted_timestamp, action::repair);
      set(problem_kind::duplicate_timestamp, action::repair);
    }
    return *this;
  }

  /// Every problem is an error.
  [[nodiscard]] static validation_policy strict() noexcept {
    validation_policy p;
    p.set_all(action::error);
    return p;
  }
  /// Every problem is repaired (see `action`), and reported.
  [[nodiscard]] static validation_policy repair_all() noexcept {
    validation_policy p;
    p.set_all(action::repair);
    return p;
  }
  /// Nothing throws; every problem is kept and reported, except that unsorted rows are sorted and
  /// duplicate dates keep their first row (`repair`), which a time index requires.
  [[nodiscard]] static validation_policy report_only() noexcept {
    validation_policy p;
    p.set_all(action::keep);
    return p;
  }

  /// Throws config_error if the policy is unusable (keep for unsorted/duplicate, or a threshold
  /// that is not positive). O(1).
  void check() const {
    for (const problem_kind k :
         {problem_kind::unsorted_timestamp, problem_kind::duplicate_timestamp})
      if ((*this)[k] == action::keep)
        throw config_error(std::string(to_string(k)),
                           "action 'keep' is impossible (a time index must be strictly "
                           "increasing): use error, drop or repair");
    if (!(outlier_threshold > 0))
      throw config_error("outlier_threshold",
                         "must be > 0, got " + std::to_string(outlier_threshold));
  }
};

/// One problem found in the data: its kind, where (file:line:column, asset, date, offending
/// text, as far as known), a human-readable detail (including old -> new values for repairs), and
/// the action taken.
struct problem {
  problem_kind kind{};
  data_location where;
  std::string detail;
  action taken = action::keep;
};

/// Every problem found by a reader or by `validate()`, in the order found (per asset, in time
/// order). Nothing is ever dropped or repaired without an entry here.
class validation_report {
 public:
  /// Appends a problem. Amortised O(1).
  void add(problem p) {
    ++counts_[static_cast<std::size_t>(p.kind)];
    problems_.push_back(std::move(p));
  }

  [[nodiscard]] const std::vector<problem>& problems() const noexcept { return problems_; }
  [[nodiscard]] std::size_t size() const noexcept { return problems_.size(); }
  [[nodiscard]] bool empty() const noexcept { return problems_.empty(); }
  [[nodiscard]] auto begin() const noexcept { return problems_.begin(); }
  [[nodiscard]] auto end() const noexcept { return problems_.end(); }
  [[nodiscard]] const problem& operator[](std::size_t i) const noexcept {
    ALPHA_ASSERT(i < problems_.size());
    return problems_[i];
  }

  /// Number of problems of kind `k`. O(1).
  [[nodiscard]] std::size_t count(problem_kind k) const noexcept {
    return counts_[static_cast<std::size_t>(k)];
  }
  /// Number of problems of kind `k` handled with action `a`. O(size).
  [[nodiscard]] std::size_t count(problem_kind k, action a) const noexcept {
    std::size_t n = 0;
    for (const problem& p : problems_) n += (p.kind == k && p.taken == a) ? 1 : 0;
    return n;
  }
  /// Number of problems handled with action `a`. O(size).
  [[nodiscard]] std::size_t count(action a) const noexcept {
    std::size_t n = 0;
    for (const problem& p : problems_) n += p.taken == a ? 1 : 0;
    return n;
  }

  /// One line: `3 problems: 2 missing_value (kept), 1 outlier_return (kept)`, grouped by kind then
  /// action in enum order; `no problems` when empty. O(size).
  [[nodiscard]] std::string summary() const {
    if (empty()) return "no problems";
    std::string out = std::to_string(size()) + (size() == 1 ? " problem" : " problems");
    char sep = ':';
    for (std::size_t k = 0; k < problem_kind_count; ++k) {
      if (counts_[k] == 0) continue;
      for (const action a : {action::error, action::drop, action::repair, action::keep}) {
        const std::size_t n = count(static_cast<problem_kind>(k), a);
        if (n == 0) continue;
        out += sep;
        out += ' ' + std::to_string(n) + ' ' +
               std::string(data::to_string(static_cast<problem_kind>(k))) + " (" +
               std::string(past_tense(a)) + ')';
        sep = ',';
      }
    }
    return out;
  }

  /// The summary, then the first `max_listed` problems one per line
  /// (`  missing_value (kept) at f.csv:3:5, asset 'X', date 2020-01-02: detail`), then
  /// `  ... and K more` if some were left out. O(size).
  [[nodiscard]] std::string to_string(std::size_t max_listed = 10) const {
    std::string out = summary();
    for (std::size_t i = 0; i < problems_.size() && i < max_listed; ++i)
      out += "\n  " + describe(problems_[i]);
    if (problems_.size() > max_listed)
      out += "\n  ... and " + std::to_string(problems_.size() - max_listed) + " more";
    return out;
  }

  /// `kind (taken) at location: detail (offending text: "...")`. O(length).
  [[nodiscard]] static std::string describe(const problem& p) {
    std::string out =
        std::string(data::to_string(p.kind)) + " (" + std::string(past_tense(p.taken)) + ")";
    const std::string loc = p.where.to_string();
    if (!loc.empty()) out += " at " + loc;
    out += ": " + p.detail;
    if (!p.where.text.empty()) out += " (offending text: \"" + p.where.text + "\")";
    return out;
  }

 private:
  std::vector<problem> problems_;
  std::array<std::size_t, problem_kind_count> counts_{};
};

/// Thrown when a problem's action is `error`. It is thrown only after the whole input has been
/// scanned: `where()`/`why()` describe the FIRST such problem, `what()` also gives the summary of
/// every problem found, and `report()` holds them all.
class validation_error : public data_error {
 public:
  validation_error(const problem& first, validation_report report)
      : data_error(first.where, compose(first, report)), report_(std::move(report)) {}

  /// Every problem found in the input (the one thrown for included).
  [[nodiscard]] const validation_report& report() const noexcept { return report_; }

 private:
  static std::string compose(const problem& first, const validation_report& report) {
    std::string why = std::string(to_string(first.kind)) + ": " + first.detail;
    if (report.size() > 1)
      why += " [" + std::to_string(report.size() - 1) + " other problem" +
             (report.size() == 2 ? "" : "s") + " found; whole report: " + report.summary() + "]";
    return why;
  }

  validation_report report_;
};

namespace detail {
/// Throws validation_error for the first problem whose action is `error`, if any. O(size).
inline void throw_if_errors(const validation_report& report) {
  for (const problem& p : report)
    if (p.taken == action::error) throw validation_error(p, report);
}
}  // namespace detail

}  // namespace data
ALPHA_END_NAMESPACE

/// `{}` of a problem_kind: its snake_case name.
template <>
struct fmt::formatter<alpha::data::problem_kind> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(alpha::data::problem_kind k, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(alpha::data::to_string(k), ctx);
  }
};

/// `{}` of an action: "error", "drop", "repair" or "keep".
template <>
struct fmt::formatter<alpha::data::action> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(alpha::data::action a, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(alpha::data::to_string(a), ctx);
  }
};

/// `{}` of a validation_report: `validation_report::to_string()` (summary + first 10 problems).
template <>
struct fmt::formatter<alpha::data::validation_report> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const alpha::data::validation_report& r, FormatContext& ctx) const
      -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(r.to_string(), ctx);
  }
};
