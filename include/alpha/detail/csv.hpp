/// @file
/// Internal CSV tokenizer shared by the data readers: records with 1-based line numbers, fields
/// with 1-based column numbers, RFC 4180 quoting, CRLF tolerance, number parsing.
// IWYU pragma: private, include "alpha/data.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/nan.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail {

/// A whole CSV text in memory plus the name used in error messages.
struct csv_source {
  std::string name;  ///< file path or a caller-chosen label ("<string>")
  std::string text;
};

/// Reads a file into memory; data_error naming the path if it cannot be opened or read.
[[nodiscard]] inline csv_source read_csv_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    data_location where;
    where.file = path.string();
    throw data_error(std::move(where), "cannot open file for reading");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    data_location where;
    where.file = path.string();
    throw data_error(std::move(where), "read error");
  }
  return {path.string(), std::move(buf).str()};
}

/// One parsed record: its fields (unquoted, surrounding spaces trimmed) and its 1-based line.
struct csv_record {
  std::size_t line = 0;
  std::vector<std::string> fields;
};

/// Splits a CSV text into records. Blank lines are skipped; `\r\n` and `\n` both end a line; a
/// field may be quoted with `"` (a doubled `""` inside is a literal quote, and a quoted field may
/// span lines). An unterminated quote is a data_error naming the line where it opened.
/// O(length of text).
class csv_reader {
 public:
  csv_reader(const csv_source& source, char delimiter = ',') noexcept
      : src_(&source), delim_(delimiter) {}

  /// Reads the next non-blank record into `rec`, reusing its strings' storage (no allocation per
  /// field once the buffers have grown); false at the end of the text. O(record length).
  bool next(csv_record& rec) {
    const std::string& s = src_->text;
    const std::size_t n = s.size();
    while (pos_ < n) {
      rec.line = line_;
      std::size_t nf = 0;
      bool any_content = false;
      for (;;) {  // one field per iteration
        if (nf == rec.fields.size()) rec.fields.emplace_back();
        std::string& field = rec.fields[nf++];
        std::size_t p = pos_;
        while (p < n && (s[p] == ' ' || s[p] == '\t')) ++p;
        if (p < n && s[p] == '"') {
          // Quoted field: up to the closing quote; a doubled quote is a literal one.
          any_content = true;
          const std::size_t open_line = line_;
          field.clear();
          ++p;
          for (;;) {
            if (p >= n) {
              data_location where;
              where.file = src_->name;
              where.line = open_line;
              where.column = nf;
              throw data_error(std::move(where), "unterminated quoted field");
            }
            const char q = s[p++];
            if (q == '"') {
              if (p < n && s[p] == '"') {
                field += '"';
                ++p;
              } else {
                break;
              }
            } else {
              if (q == '\n') ++line_;
              field += q;
            }
          }
          while (p < n && s[p] != delim_ && s[p] != '\n' && s[p] != '\r') ++p;  // after the quote
        } else {
          const std::size_t begin = p;
          while (p < n && s[p] != delim_ && s[p] != '\n' && s[p] != '\r') ++p;
          std::size_t end = p;
          while (end > begin && (s[end - 1] == ' ' || s[end - 1] == '\t')) --end;
          field.assign(s, begin, end - begin);
          if (end > begin) any_content = true;
        }
        if (p < n && s[p] == delim_) {
          any_content = true;
          pos_ = p + 1;
          continue;
        }
        if (p < n) {  // end of line: \n, \r\n or a lone \r
          if (s[p] == '\r' && p + 1 < n && s[p + 1] == '\n') ++p;
          ++p;
          ++line_;
        }
        pos_ = p;
        break;
      }
      rec.fields.resize(nf);
      if (!any_content && nf == 1) continue;  // blank line
      return true;
    }
    return false;
  }

  /// The next non-blank record, or nullopt at the end.
  [[nodiscard]] std::optional<csv_record> next() {
    csv_record rec;
    if (!next(rec)) return std::nullopt;
    return rec;
  }

  [[nodiscard]] const std::string& name() const noexcept { return src_->name; }

 private:
  const csv_source* src_;
  char delim_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

/// Joins fields with the delimiter: the record as it stood in the file, for messages. O(length).
[[nodiscard]] inline std::string join_fields(const std::vector<std::string>& fields,
                                             char delimiter = ',') {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i != 0) out += delimiter;
    out += fields[i];
  }
  return out;
}

/// Lower-cases ASCII letters and drops spaces, '_' and '-' ("Adj Close" -> "adjclose").
[[nodiscard]] inline std::string normalise_column_name(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    if (c == ' ' || c == '_' || c == '-' || c == '.') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

/// Index of the first header column whose normalised name is one of `aliases` (given already
/// normalised), or nullopt.
[[nodiscard]] inline std::optional<std::size_t> find_column(
    const std::vector<std::string>& header, std::initializer_list<std::string_view> aliases) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    const std::string n = normalise_column_name(header[i]);
    for (const std::string_view a : aliases)
      if (n == a) return i;
  }
  return std::nullopt;
}

/// Result of parsing a numeric field.
enum class number_status { ok, missing, not_a_number };

/// Parses a decimal number (optionally signed, exponent allowed). Empty text and the NaN spellings
/// `NaN`, `nan`, `NA`, `N/A`, `null`, `#N/A` give `missing` (value NaN); anything else that is not
/// a complete number gives `not_a_number`. O(length).
[[nodiscard]] inline number_status parse_number(std::string_view text, double& value) noexcept {
  value = nan;
  if (text.empty()) return number_status::missing;
  for (const std::string_view m : {"NaN", "nan", "NAN", "NA", "N/A", "na", "null", "NULL", "#N/A"})
    if (text == m) return number_status::missing;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+') ++first;  // from_chars rejects a leading '+'
  double v = 0;
  const auto [p, ec] = std::from_chars(first, last, v);
  if (ec != std::errc{} || p != last) return number_status::not_a_number;
  value = v;
  return number_status::ok;
}

}  // namespace detail
ALPHA_END_NAMESPACE
