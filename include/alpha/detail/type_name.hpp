/// @file
/// detail::type_name<T>(): the name of a type as the compiler spells it (for reports).
#pragma once

#include "alpha/config.hpp"

#include <string_view>

ALPHA_BEGIN_NAMESPACE
namespace detail {

/// The compiler's spelling of T, cut out of __PRETTY_FUNCTION__ (GCC and Clang: "... [with T =
/// X; ...]" or "... [T = X]"); the whole signature on other compilers. O(length).
template <class T>
constexpr std::string_view type_name() {
#if defined(__clang__) || defined(__GNUC__)
  std::string_view sig = __PRETTY_FUNCTION__;
  const auto start = sig.find("T = ");
  if (start == std::string_view::npos) return sig;
  sig.remove_prefix(start + 4);
  std::size_t depth = 0, end = 0;
  for (; end < sig.size(); ++end) {
    const char c = sig[end];
    if (c == '<' || c == '(' || c == '[') ++depth;
    if (c == '>' || c == ')') --depth;
    if (c == ']' && depth == 0) break;
    if (c == ']') --depth;
    if (c == ';' && depth == 0) break;
  }
  return sig.substr(0, end);
#else
  return "unknown";
#endif
}

}  // namespace detail
ALPHA_END_NAMESPACE
