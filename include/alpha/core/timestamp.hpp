/// @file
/// alpha::timestamp: a UTC instant with microsecond resolution, and its ISO-text conversions.
#pragma once

#include "alpha/config.hpp"

#include <charconv>
#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

ALPHA_BEGIN_NAMESPACE

/// How a date/time text is written. `automatic` recognises every other form:
/// `YYYY-MM-DD`; `YYYYMMDD`; ISO date-time `YYYY-MM-DD[T| ]HH:MM[:SS[.ffffff]][Z|+HH:MM|-HH:MM]`;
/// epoch seconds (9 to 11 digits, optionally signed or with a fraction) and epoch milliseconds
/// (12 or more digits). Eight digits are read as YYYYMMDD; pass `epoch_seconds` explicitly for
/// instants before 1973-03-03 written in epoch seconds.
enum class time_format { automatic, iso, yyyymmdd, epoch_seconds, epoch_milliseconds };

/// A UTC instant, stored as microseconds since 1970-01-01T00:00:00Z (range +-292,000 years).
/// Daily data uses midnight UTC of the trading day. Regular value type: totally ordered, hashable
/// through `micros()`, trivially copyable. All operations are O(1).
class timestamp {
 public:
  using duration = std::chrono::microseconds;

  constexpr timestamp() noexcept = default;
  /// From microseconds since the Unix epoch.
  constexpr explicit timestamp(std::int64_t micros_since_epoch) noexcept
      : micros_(micros_since_epoch) {}
  /// From a chrono time point (any duration, truncated toward negative infinity to microseconds).
  template <class Duration>
  constexpr explicit timestamp(std::chrono::sys_time<Duration> tp) noexcept
      : micros_(std::chrono::floor<duration>(tp).time_since_epoch().count()) {}

  /// Midnight UTC of a calendar date. Returns nullopt if the date does not exist (2021-02-29).
  [[nodiscard]] static constexpr std::optional<timestamp> from_date(int year, unsigned month,
                                                                    unsigned day) noexcept {
    const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                          std::chrono::day{day}};
    if (!ymd.ok()) return std::nullopt;
    return timestamp{std::chrono::sys_days{ymd}};
  }

  /// Microseconds since the epoch.
  [[nodiscard]] constexpr std::int64_t micros() const noexcept { return micros_; }
  /// As a chrono time point.
  [[nodiscard]] constexpr std::chrono::sys_time<duration> time_point() const noexcept {
    return std::chrono::sys_time<duration>{duration{micros_}};
  }
  /// The UTC calendar day containing this instant.
  [[nodiscard]] constexpr std::chrono::sys_days day() const noexcept {
    return std::chrono::floor<std::chrono::days>(time_point());
  }
  /// The UTC calendar date containing this instant.
  [[nodiscard]] constexpr std::chrono::year_month_day date() const noexcept {
    return std::chrono::year_month_day{day()};
  }
  /// True when the instant is exactly midnight UTC (how daily bars are stored).
  [[nodiscard]] constexpr bool is_midnight() const noexcept {
    return time_point() == std::chrono::sys_time<duration>{day()};
  }

  friend constexpr auto operator<=>(timestamp, timestamp) noexcept = default;
  friend constexpr timestamp operator+(timestamp t, duration d) noexcept {
    return timestamp{t.micros_ + d.count()};
  }
  friend constexpr duration operator-(timestamp a, timestamp b) noexcept {
    return duration{a.micros_ - b.micros_};
  }

  /// ISO 8601 text: `YYYY-MM-DD` at midnight, otherwise `YYYY-MM-DDTHH:MM:SS` with `.ffffff`
  /// appended when there are sub-second digits (no zone suffix: always UTC).
  [[nodiscard]] std::string to_iso() const;

 private:
  std::int64_t micros_ = 0;
};

namespace detail {

[[nodiscard]] constexpr bool all_digits(std::string_view s) noexcept {
  if (s.empty()) return false;
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

/// Parses exactly `width` digits at `s[pos]`; nullopt otherwise.
[[nodiscard]] constexpr std::optional<int> fixed_digits(std::string_view s, std::size_t pos,
                                                        std::size_t width) noexcept {
  if (pos + width > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

[[nodiscard]] inline std::optional<timestamp> parse_iso(std::string_view s) noexcept {
  // YYYY-MM-DD
  const auto y = fixed_digits(s, 0, 4), mo = fixed_digits(s, 5, 2), d = fixed_digits(s, 8, 2);
  if (s.size() < 10 || !y || !mo || !d || s[4] != '-' || s[7] != '-') return std::nullopt;
  auto day = timestamp::from_date(*y, static_cast<unsigned>(*mo), static_cast<unsigned>(*d));
  if (!day) return std::nullopt;
  if (s.size() == 10) return day;
  // [T| ]HH:MM[:SS[.f...]][Z|+HH:MM|-HH:MM]
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  const auto hh = fixed_digits(s, 11, 2), mm = fixed_digits(s, 14, 2);
  if (!hh || !mm || s.size() < 16 || s[13] != ':' || *hh > 23 || *mm > 59) return std::nullopt;
  std::int64_t micros = (std::int64_t{*hh} * 3600 + std::int64_t{*mm} * 60) * 1'000'000;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    const auto ss = fixed_digits(s, pos + 1, 2);
    if (!ss || *ss > 60) return std::nullopt;  // 60: leap second, folded into the next minute
    micros += std::int64_t{*ss} * 1'000'000;
    pos += 3;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
      ++pos;
      std::int64_t scale = 100'000, frac = 0;
      const std::size_t start = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
        frac += (s[pos] - '0') * scale;  // digits beyond microseconds are truncated
        scale /= 10;
        ++pos;
      }
      if (pos == start) return std::nullopt;
      micros += frac;
    }
  }
  if (pos < s.size()) {  // zone designator
    if (s[pos] == 'Z' && pos + 1 == s.size()) {
      ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
      const auto oh = fixed_digits(s, pos + 1, 2);
      std::optional<int> om;
      if (pos + 6 == s.size() && s[pos + 3] == ':') om = fixed_digits(s, pos + 4, 2);
      if (pos + 5 == s.size()) om = fixed_digits(s, pos + 3, 2);
      if (!oh || !om || *oh > 23 || *om > 59) return std::nullopt;
      const std::int64_t offset = (std::int64_t{*oh} * 3600 + std::int64_t{*om} * 60) * 1'000'000;
      micros += s[pos] == '+' ? -offset : offset;  // local = UTC + offset
      pos = s.size();
    } else {
      return std::nullopt;
    }
  }
  return timestamp{day->micros() + micros};
}

[[nodiscard]] inline std::optional<timestamp> parse_yyyymmdd(std::string_view s) noexcept {
  if (s.size() != 8 || !all_digits(s)) return std::nullopt;
  return timestamp::from_date(*fixed_digits(s, 0, 4), static_cast<unsigned>(*fixed_digits(s, 4, 2)),
                              static_cast<unsigned>(*fixed_digits(s, 6, 2)));
}

/// Epoch number, integral or with a fraction, scaled to microseconds by `unit_micros`.
[[nodiscard]] inline std::optional<timestamp> parse_epoch(std::string_view s,
                                                          std::int64_t unit_micros) noexcept {
  if (s.empty()) return std::nullopt;
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  std::int64_t n = 0;
  const auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), n);
  if (ec != std::errc{} || p != whole.data() + whole.size()) return std::nullopt;
  if (n > INT64_MAX / unit_micros || n < INT64_MIN / unit_micros) return std::nullopt;
  std::int64_t micros = n * unit_micros;
  if (dot != std::string_view::npos) {
    const std::string_view frac = s.substr(dot + 1);
    if (!all_digits(frac)) return std::nullopt;
    std::int64_t scale = unit_micros / 10, f = 0;
    for (const char c : frac) {
      f += (c - '0') * scale;
      scale /= 10;
    }
    micros += (s.front() == '-') ? -f : f;
  }
  return timestamp{micros};
}

}  // namespace detail

/// Parses a date or date-time written in `format` (see time_format). Returns nullopt for text
/// that is not a valid instant in that format (including impossible dates such as 2021-02-30).
/// O(length of text).
[[nodiscard]] inline std::optional<timestamp> parse_timestamp(
    std::string_view text, time_format format = time_format::automatic) noexcept {
  switch (format) {
    case time_format::iso:
      return detail::parse_iso(text);
    case time_format::yyyymmdd:
      return detail::parse_yyyymmdd(text);
    case time_format::epoch_seconds:
      return detail::parse_epoch(text, 1'000'000);
    case time_format::epoch_milliseconds:
      return detail::parse_epoch(text, 1'000);
    case time_format::automatic:
      break;
  }
  if (text.size() >= 10 && text[4] == '-') return detail::parse_iso(text);
  const std::string_view digits = text.substr(0, text.find('.'));
  const std::string_view unsigned_digits =
      (!digits.empty() && digits.front() == '-') ? digits.substr(1) : digits;
  if (!detail::all_digits(unsigned_digits)) return std::nullopt;
  if (unsigned_digits.size() == 8 && digits.size() == text.size())
    return detail::parse_yyyymmdd(text);
  if (unsigned_digits.size() >= 12) return detail::parse_epoch(text, 1'000);
  return detail::parse_epoch(text, 1'000'000);
}

inline std::string timestamp::to_iso() const {
  const std::chrono::year_month_day ymd = date();
  const auto since_midnight = time_point() - day();
  char buf[40];
  const auto put = [](char* p, long long v, int width) {
    for (int i = width - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
  };
  int y = static_cast<int>(ymd.year());
  std::size_t n = 0;
  if (y < 0) {
    buf[n++] = '-';
    y = -y;
  }
  put(buf + n, y, 4);
  n += 4;
  buf[n++] = '-';
  put(buf + n, static_cast<unsigned>(ymd.month()), 2);
  n += 2;
  buf[n++] = '-';
  put(buf + n, static_cast<unsigned>(ymd.day()), 2);
  n += 2;
  if (since_midnight.count() != 0) {
    const long long us = since_midnight.count();
    const long long secs = us / 1'000'000, frac = us % 1'000'000;
    buf[n++] = 'T';
    put(buf + n, secs / 3600, 2);
    n += 2;
    buf[n++] = ':';
    put(buf + n, (secs / 60) % 60, 2);
    n += 2;
    buf[n++] = ':';
    put(buf + n, secs % 60, 2);
    n += 2;
    if (frac != 0) {
      buf[n++] = '.';
      put(buf + n, frac, 6);
      n += 6;
    }
  }
  return std::string(buf, n);
}

ALPHA_END_NAMESPACE
