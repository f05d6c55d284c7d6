/// @file
/// alpha::report::report_info: what a report says about the strategy (its type name and its
/// parameters as key/value text), and param_list() to fill it from reflected params.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/params.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace report {

/// The strategy's identity in a report. `params` are written in the given order.
struct report_info {
  std::string strategy;                                     ///< e.g. the strategy type's name
  std::vector<std::pair<std::string, std::string>> params;  ///< (dotted key, value text)
};

/// The leaves of a reflected params value as (dotted key, value text) pairs, keys under
/// `prefix` (see for_each_param / format_param_value). O(fields).
template <class P>
[[nodiscard]] std::vector<std::pair<std::string, std::string>> param_list(
    const P& p, std::string_view prefix = {}) {
  std::vector<std::pair<std::string, std::string>> out;
  for_each_param(
      p,
      [&](std::string_view key, const auto& v) {
        out.emplace_back(std::string(key), format_param_value(v));
      },
      prefix);
  return out;
}

}  // namespace report
ALPHA_END_NAMESPACE
