/// @file
/// Internal: generic iteration over a reflected summary struct (any BOOST_HANA_ADAPT_STRUCT type,
/// e.g. metrics::performance_summary) for the report writers, and the report's text helpers.
#pragma once

#include "alpha/config.hpp"

#include <boost/hana/accessors.hpp>
#include <boost/hana/core/to.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/fwd/concept/struct.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/string.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <type_traits>

ALPHA_BEGIN_NAMESPACE
namespace report {

/// A type whose fields are reflected with BOOST_HANA_ADAPT_STRUCT: a metrics summary, or any
/// struct of arithmetic, bool, std::string and nested reflected fields.
template <class S>
concept ReflectedSummary = boost::hana::Struct<std::remove_cvref_t<S>>::value;

}  // namespace report

namespace detail::report {

template <class T>
inline constexpr bool is_leaf_v =
    std::is_arithmetic_v<T> || std::is_same_v<T, std::string> || std::is_same_v<T, const char*>;

/// Calls f(name, value) for each field of `s` in declaration order.
template <class S, class F>
void for_each_field(const S& s, F&& f) {
  boost::hana::for_each(boost::hana::accessors<S>(), [&](auto pair) {
    f(std::string_view(boost::hana::to<const char*>(boost::hana::first(pair))),
      boost::hana::second(pair)(s));
  });
}

/// Calls leaf(dotted_name, value) for every leaf of `s`, recursing into nested reflected fields.
template <class S, class F>
void for_each_leaf(const S& s, F&& leaf, std::string_view prefix = {}) {
  for_each_field(s, [&](std::string_view name, const auto& v) {
    using V = std::remove_cvref_t<decltype(v)>;
    std::string key = prefix.empty() ? std::string(name) : fmt::format("{}.{}", prefix, name);
    if constexpr (::alpha::report::ReflectedSummary<V>) {
      for_each_leaf(v, leaf, key);
    } else {
      static_assert(is_leaf_v<V>,
                    "alpha: report fields must be arithmetic, bool, std::string or nested "
                    "reflected structs (BOOST_HANA_ADAPT_STRUCT); see docs/backtest.md#reports");
      leaf(std::string_view(key), v);
    }
  });
}

/// Appends `s` as a JSON string literal (quotes, backslash and control characters escaped;
/// other bytes, UTF-8 included, copied). O(length).
inline void put_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out += ch;
    }
  }
  out += '"';
}

/// Appends a JSON number: shortest round-trip text (fmt `{}`), `null` for NaN and infinities
/// (JSON has no such numbers).
inline void put_json_number(std::string& out, double v) {
  if (v != v || v - v != 0.0) {  // NaN or +-inf
    out += "null";
    return;
  }
  out += fmt::format("{}", v);
}

/// Appends any leaf as JSON: bool, integer, floating point, string.
template <class V>
void put_json_value(std::string& out, const V& v) {
  if constexpr (std::is_same_v<V, bool>)
    out += v ? "true" : "false";
  else if constexpr (std::is_integral_v<V>)
    out += fmt::format("{}", v);
  else if constexpr (std::is_floating_point_v<V>)
    put_json_number(out, static_cast<double>(v));
  else
    put_json_string(out, std::string_view(v));
}

/// Appends `s` as a JSON object (nested reflected fields as nested objects).
template <::alpha::report::ReflectedSummary S>
void put_json_object(std::string& out, const S& s, int indent) {
  out += '{';
  bool first = true;
  const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
  for_each_field(s, [&](std::string_view name, const auto& v) {
    using V = std::remove_cvref_t<decltype(v)>;
    out += first ? "\n" : ",\n";
    first = false;
    out += pad;
    put_json_string(out, name);
    out += ": ";
    if constexpr (::alpha::report::ReflectedSummary<V>) {
      put_json_object(out, v, indent + 2);
    } else {
      static_assert(is_leaf_v<V>,
                    "alpha: report fields must be arithmetic, bool, std::string or nested "
                    "reflected structs (BOOST_HANA_ADAPT_STRUCT); see docs/backtest.md#reports");
      put_json_value(out, v);
    }
  });
  out += first ? "}" : "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "}";
}

/// A leaf as human-readable text: doubles with 6 significant digits, the rest as is.
template <class V>
std::string human_value(const V& v) {
  if constexpr (std::is_same_v<V, bool>)
    return v ? "true" : "false";
  else if constexpr (std::is_integral_v<V>)
    return fmt::format("{}", v);
  else if constexpr (std::is_floating_point_v<V>)
    return fmt::format("{:.6g}", static_cast<double>(v));
  else
    return std::string(v);
}

}  // namespace detail::report
ALPHA_END_NAMESPACE
