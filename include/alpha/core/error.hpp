/// @file
/// The alpha::error hierarchy: every failure says what went wrong, where, and why.
#pragma once

#include "alpha/config.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

ALPHA_BEGIN_NAMESPACE

/// Where a problem was found. Every field is optional: empty strings and zero line/column mean
/// "not applicable". Lines and columns are 1-based, as editors show them.
struct data_location {
  std::string file;        ///< path of the input file, if any
  std::size_t line = 0;    ///< 1-based line number in `file` (0: unknown)
  std::size_t column = 0;  ///< 1-based field number on that line (0: unknown)
  std::string asset;       ///< asset id (symbol), if the problem concerns one asset
  std::string date;        ///< ISO date or timestamp of the row, if known
  std::string text;        ///< the offending text, verbatim, if any

  /// Renders as `file:line:column: asset 'X', date D` with absent parts left out.
  [[nodiscard]] std::string to_string() const {
    std::string out;
    if (!file.empty()) {
      out += file;
      if (line != 0) out += ':' + std::to_string(line);
      if (column != 0) out += ':' + std::to_string(column);
    } else if (line != 0) {
      out += "line " + std::to_string(line);
      if (column != 0) out += ", column " + std::to_string(column);
    }
    auto append = [&out](std::string_view label, const std::string& value) {
      if (value.empty()) return;
      if (!out.empty()) out += ", ";
      out += label;
      out += value;
    };
    if (!asset.empty()) append("asset ", "'" + asset + "'");
    append("date ", date);
    return out;
  }
};

/// Base class of every exception alpha throws. `what()` starts with "alpha: ".
class error : public std::runtime_error {
 public:
  explicit error(const std::string& message) : std::runtime_error(message) {}
};

/// Bad input data: a malformed file, a missing column, an invalid value. Carries the location
/// (file, line, column, asset, date, offending text) and the reason separately, so callers can
/// both print the message and inspect the parts.
class data_error : public error {
 public:
  data_error(data_location where, std::string why)
      : error(compose(where, why)), where_(std::move(where)), why_(std::move(why)) {}

  /// Where the problem is.
  [[nodiscard]] const data_location& where() const noexcept { return where_; }
  /// Why it is a problem, without the location.
  [[nodiscard]] const std::string& why() const noexcept { return why_; }

 private:
  static std::string compose(const data_location& where, const std::string& why) {
    std::string msg = "alpha: data error";
    const std::string loc = where.to_string();
    if (!loc.empty()) msg += " at " + loc;
    msg += ": " + why;
    if (!where.text.empty()) msg += " (offending text: \"" + where.text + "\")";
    return msg;
  }

  data_location where_;
  std::string why_;
};

/// Arrays or panels whose shapes, calendars or asset lists do not match.
class shape_error : public error {
 public:
  explicit shape_error(const std::string& why) : error("alpha: shape error: " + why) {}
};

/// An invalid parameter or option (a negative window, an unknown policy name...). Names the
/// parameter and the accepted range.
class config_error : public error {
 public:
  config_error(std::string parameter, const std::string& why)
      : error("alpha: config error: parameter '" + parameter + "': " + why),
        parameter_(std::move(parameter)) {}

  /// The parameter at fault.
  [[nodiscard]] const std::string& parameter() const noexcept { return parameter_; }

 private:
  std::string parameter_;
};

ALPHA_END_NAMESPACE
