/// @file
/// fmt formatters for the core types: timestamp, time_index, asset_list, panel<T>, bar and
/// data_location. Text forms: a timestamp prints as ISO 8601 (timestamp::to_iso); containers
/// print a one-line summary (size and range), never their whole contents.
///
/// Customization points: `fmt::formatter<T>` specializations (fmt 9 has no `format_as`).
/// Includes <fmt/format.h>: fmt 9 defines the string formatters these inherit from there.
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/ohlcv.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/time_index.hpp"
#include "alpha/core/timestamp.hpp"

#include <fmt/format.h>

#include <string_view>

/// `{}` of a timestamp: ISO 8601 text; string format specs apply (`{:>12}`).
template <>
struct fmt::formatter<alpha::timestamp> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(alpha::timestamp t, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(t.to_iso(), ctx);
  }
};

/// `{}` of a time_index: `time_index[N: first .. last]`.
template <>
struct fmt::formatter<alpha::time_index> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const alpha::time_index& idx, FormatContext& ctx) const -> decltype(ctx.out()) {
    if (idx.empty()) return fmt::format_to(ctx.out(), "time_index[empty]");
    return fmt::format_to(ctx.out(), "time_index[{}: {} .. {}]", idx.size(), idx.front().to_iso(),
                          idx.back().to_iso());
  }
};

/// `{}` of an asset_list: `assets[N: A, B, C, ...]` (at most 8 ids shown).
template <>
struct fmt::formatter<alpha::asset_list> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const alpha::asset_list& a, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "assets[{}", a.size());
    for (std::size_t i = 0; i < a.size() && i < 8; ++i)
      out = fmt::format_to(out, "{}{}", i == 0 ? ": " : ", ", a[i]);
    if (a.size() > 8) out = fmt::format_to(out, ", ...");
    return fmt::format_to(out, "]");
  }
};

/// `{}` of a panel: `panel[T x N, first .. last]`.
template <class T>
struct fmt::formatter<alpha::panel<T>> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const alpha::panel<T>& p, FormatContext& ctx) const -> decltype(ctx.out()) {
    if (p.rows() == 0) return fmt::format_to(ctx.out(), "panel[0 x {}]", p.cols());
    return fmt::format_to(ctx.out(), "panel[{} x {}, {} .. {}]", p.rows(), p.cols(),
                          p.index().front().to_iso(), p.index().back().to_iso());
  }
};

/// `{}` of a bar: `2020-01-02 O=1 H=2 L=0.5 C=1.5 V=100` (plus ` VWAP=...` when present).
template <>
struct fmt::formatter<alpha::bar> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const alpha::bar& b, FormatContext& ctx) const -> decltype(ctx.out()) {
    auto out = fmt::format_to(ctx.out(), "{} O={} H={} L={} C={} V={}", b.time.to_iso(), b.open,
                              b.high, b.low, b.close, b.volume);
    if (!alpha::is_nan(b.vwap)) out = fmt::format_to(out, " VWAP={}", b.vwap);
    return out;
  }
};

/// `{}` of a data_location: `file:line:column, asset 'X', date D`.
template <>
struct fmt::formatter<alpha::data_location> : fmt::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const alpha::data_location& w, FormatContext& ctx) const -> decltype(ctx.out()) {
    return fmt::formatter<std::string_view>::format(w.to_string(), ctx);
  }
};
