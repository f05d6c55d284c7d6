/// @file
/// Reflected parameter aggregates: every policy's tunable numbers live in a nested `params`
/// aggregate adapted with `BOOST_HANA_ADAPT_STRUCT`, so that one generic piece of code prints
/// them, reads them from a `key=value` or flat JSON config, and sweeps them.
///
/// Keys are dotted paths: a field `period` of a policy in slot `model` is `model.period`; nested
/// reflected aggregates and Hana tuples of them recurse (`features.0.period`), and so do std::array
/// fields (`roc.0`, `roc.1`).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"

#include <boost/hana/accessors.hpp>
#include <boost/hana/adapt_struct.hpp>
#include <boost/hana/at.hpp>
#include <boost/hana/first.hpp>
#include <boost/hana/for_each.hpp>
#include <boost/hana/range.hpp>
#include <boost/hana/second.hpp>
#include <boost/hana/size.hpp>
#include <boost/hana/string.hpp>
#include <boost/hana/tuple.hpp>
#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE

/// A parameter aggregate whose fields are reflected (adapted with BOOST_HANA_ADAPT_STRUCT).
template <class P>
concept ReflectedParams = boost::hana::Struct<std::remove_cvref_t<P>>::value;

/// A leaf parameter value: arithmetic (bool included), an enumeration (read and written as its
/// underlying integer), or std::string.
template <class T>
concept ParamValue = std::is_arithmetic_v<std::remove_cvref_t<T>> ||
    std::is_enum_v<std::remove_cvref_t<T>> || std::same_as<std::remove_cvref_t<T>, std::string>;

namespace detail {

template <class T>
struct is_hana_tuple : std::false_type {};
template <class... T>
struct is_hana_tuple<boost::hana::tuple<T...>> : std::true_type {};

template <class T>
struct is_std_array : std::false_type {};
template <class T, std::size_t N>
struct is_std_array<std::array<T, N>> : std::true_type {};

inline std::string join_key(std::string_view prefix, std::string_view name) {
  if (prefix.empty()) return std::string(name);
  std::string k(prefix);
  k += '.';
  k += name;
  return k;
}

}  // namespace detail

/// Calls `f(key, field&)` for every leaf field of `p` in declaration order, with dotted keys
/// under `prefix`. Recurses into reflected aggregates and Hana tuples (keys `0`, `1`, ...).
/// O(number of fields).
template <class P, class F>
void for_each_param(P& p, F&& f, std::string_view prefix = {}) {
  using T = std::remove_cvref_t<P>;
  if constexpr (ReflectedParams<T>) {
    boost::hana::for_each(boost::hana::accessors<T>(), [&](auto pair) {
      auto& field = boost::hana::second(pair)(p);
      const std::string key =
          detail::join_key(prefix, boost::hana::to<const char*>(boost::hana::first(pair)));
      for_each_param(field, f, key);
    });
  } else if constexpr (detail::is_hana_tuple<T>::value) {
    std::size_t i = 0;
    boost::hana::for_each(p, [&](auto& element) {
      for_each_param(element, f, detail::join_key(prefix, std::to_string(i)));
      ++i;
    });
  } else if constexpr (detail::is_std_array<T>::value) {
    for (std::size_t i = 0; i < p.size(); ++i)
      for_each_param(p[i], f, detail::join_key(prefix, std::to_string(i)));
  } else {
    static_assert(
        ParamValue<T>,
        "alpha: a params field must be arithmetic, std::string, a reflected aggregate "
        "(BOOST_HANA_ADAPT_STRUCT) or a hana::tuple of them; see docs/strategy.md#params");
    f(std::string_view(prefix), p);
  }
}

/// Number of leaf fields of a params value. O(fields).
template <class P>
std::size_t param_count(const P& p) {
  std::size_t n = 0;
  for_each_param(p, [&](std::string_view, const auto&) { ++n; });
  return n;
}

/// Formats one leaf value as config text (shortest round-trip form for doubles).
template <ParamValue T>
std::string format_param_value(const T& v) {
  if constexpr (std::same_as<T, bool>)
    return v ? "true" : "false";
  else if constexpr (std::same_as<T, std::string>)
    return v;
  else if constexpr (std::is_enum_v<T>)
    return fmt::format("{}", static_cast<std::underlying_type_t<T>>(v));
  else
    return fmt::format("{}", v);
}

/// `key=value` pairs of every leaf, comma-separated: `period=14, ddof=1`. O(fields).
template <class P>
std::string format_params(const P& p) {
  std::string out;
  for_each_param(p, [&](std::string_view key, const auto& v) {
    if (!out.empty()) out += ", ";
    out += key;
    out += '=';
    out += format_param_value(v);
  });
  return out;
}

/// Parses `text` into a leaf of type T, throwing config_error(key, why) on malformed or
/// out-of-range text (integers must be whole and in range; doubles may be `nan`/`inf`).
template <ParamValue T>
T parse_param_value(std::string_view key, std::string_view text) {
  const auto fail = [&](std::string_view why) -> config_error {
    return config_error(std::string(key), fmt::format("cannot read '{}': {}", text, why));
  };
  if constexpr (std::same_as<T, std::string>) {
    return std::string(text);
  } else if constexpr (std::is_enum_v<T>) {
    return static_cast<T>(parse_param_value<std::underlying_type_t<T>>(key, text));
  } else if constexpr (std::same_as<T, bool>) {
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    throw fail("expected true/false");
  } else if constexpr (std::is_integral_v<T>) {
    T v{};
    const auto* end = text.data() + text.size();
    const auto r = std::from_chars(text.data(), end, v);
    if (r.ec == std::errc::result_out_of_range) throw fail("out of range for the field's type");
    if (r.ec != std::errc() || r.ptr != end) throw fail("expected an integer");
    return v;
  } else {
    const std::string s(text);
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size()) throw fail("expected a number");
    if (errno == ERANGE && std::abs(v) > 1.0) throw fail("out of range");
    return static_cast<T>(v);
  }
}

/// Sets the leaf named `key` (dotted path) from text. Throws config_error naming the key when it
/// does not exist (listing the valid keys) or the text does not parse. O(fields).
template <class P>
void set_param(P& p, std::string_view key, std::string_view text) {
  bool found = false;
  for_each_param(p, [&](std::string_view k, auto& v) {
    if (k == key) {
      v = parse_param_value<std::remove_cvref_t<decltype(v)>>(key, text);
      found = true;
    }
  });
  if (!found) {
    std::string keys;
    for_each_param(p, [&](std::string_view k, const auto&) {
      if (!keys.empty()) keys += ", ";
      keys += k;
    });
    throw config_error(std::string(key), "no such parameter (known: " + keys + ")");
  }
}

namespace detail {

inline std::string_view trim_param_text(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// Flattens a JSON object ({"a": 1, "b": {"c": "x"}}) into (dotted key, scalar text) pairs.
/// Supports objects, numbers, strings (with \" and \\ escapes), true/false; arrays recurse with
/// index keys. Throws config_error("json", why + offset) on malformed text.
class flat_json {
 public:
  explicit flat_json(std::string_view text) : s_(text) {}
  std::vector<std::pair<std::string, std::string>> parse() {
    std::vector<std::pair<std::string, std::string>> out;
    skip();
    value("", out);
    skip();
    if (i_ != s_.size()) fail("trailing text after the JSON value");
    return out;
  }

 private:
  [[noreturn]] void fail(std::string_view why) const {
    throw config_error("json", fmt::format("{} at offset {}", why, i_));
  }
  void skip() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\t' || s_[i_] == '\r'))
      ++i_;
  }
  std::string string() {
    if (i_ >= s_.size() || s_[i_] != '"') fail("expected '\"'");
    ++i_;
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\') {
        if (++i_ >= s_.size()) break;
        const char c = s_[i_];
        out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      } else {
        out += s_[i_];
      }
      ++i_;
    }
    if (i_ >= s_.size()) fail("unterminated string");
    ++i_;
    return out;
  }
  void value(const std::string& key, std::vector<std::pair<std::string, std::string>>& out) {
    skip();
    if (i_ >= s_.size()) fail("unexpected end of text");
    const char c = s_[i_];
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      skip();
      std::size_t index = 0;
      if (i_ < s_.size() && s_[i_] == close) {
        ++i_;
        return;
      }
      while (true) {
        skip();
        std::string name;
        if (c == '{') {
          name = string();
          skip();
          if (i_ >= s_.size() || s_[i_] != ':') fail("expected ':'");
          ++i_;
        } else {
          name = std::to_string(index++);
        }
        value(join_key(key, name), out);
        skip();
        if (i_ < s_.size() && s_[i_] == ',') {
          ++i_;
          continue;
        }
        if (i_ < s_.size() && s_[i_] == close) {
          ++i_;
          return;
        }
        fail("expected ',' or a closing bracket");
      }
    }
    if (c == '"') {
      out.emplace_back(key, string());
      return;
    }
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
           s_[i_] != '\n' && s_[i_] != '\r' && s_[i_] != '\t')
      ++i_;
    if (i_ == start) fail("expected a value");
    out.emplace_back(key, std::string(s_.substr(start, i_ - start)));
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace detail

/// Reads `key=value` lines (or `;`-separated pairs) into `p`; `#` starts a comment; blank lines
/// are ignored. Every key must exist (config_error naming it otherwise). O(text x fields).
template <class P>
void read_params(P& p, std::string_view config) {
  std::size_t line_no = 0;
  while (!config.empty()) {
    const std::size_t nl = config.find_first_of("\n;");
    std::string_view line = config.substr(0, nl);
    config = nl == std::string_view::npos ? std::string_view{} : config.substr(nl + 1);
    ++line_no;
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = detail::trim_param_text(line);
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string_view::npos)
      throw config_error(std::string(line),
                         fmt::format("config entry {} is not of the form key=value", line_no));
    set_param(p, detail::trim_param_text(line.substr(0, eq)),
              detail::trim_param_text(line.substr(eq + 1)));
  }
}

/// Reads a JSON object (nested objects give dotted keys) into `p`. O(text x fields).
template <class P>
void read_params_json(P& p, std::string_view json) {
  for (const auto& [key, value] : detail::flat_json(json).parse()) set_param(p, key, value);
}

ALPHA_END_NAMESPACE
