/// @file
/// Universes (sets of symbols) and sector maps (symbol -> sector, industry), read from CSV, with
/// coverage checks against each other and against a panel's asset list.
///
/// CSV formats (header line required, column names case-insensitive, spaces/'_'/'-' ignored):
///  - sector map: `symbol,sector[,industry]`; the symbol column may be named symbol, ticker,
///    asset or asset_id; sector may be sector or gics_sector; industry may be industry,
///    gics_industry, industry_group or gics_industry_group. Other columns are ignored.
///  - universe: one column named symbol, ticker, asset or asset_id (or any single column).
/// Every reading error is a data_error whose what() names `file:line:column` and the offending
/// text: empty file, missing column, wrong number of fields, empty symbol or sector, duplicate
/// symbol (naming both lines), symbol outside the universe ("unknown symbol in sector map").
///
/// @test tests/data/universe_test.cpp (hand-computed expectations, every error case).
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/asset_list.hpp"
#include "alpha/core/error.hpp"
#include "alpha/detail/csv.hpp"

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace data {

namespace detail::universe_io {

using ::alpha::detail::join_fields;

[[nodiscard]] inline data_location at(const alpha::detail::csv_source& src, std::size_t line,
                                      std::size_t column, std::string text) {
  data_location where;
  where.file = src.name;
  where.line = line;
  where.column = column;
  where.text = std::move(text);
  return where;
}

/// Reads the header; data_error if the text holds no record.
[[nodiscard]] inline alpha::detail::csv_record read_header(alpha::detail::csv_reader& reader,
                                                           const alpha::detail::csv_source& src,
                                                           std::string_view expected) {
  auto header = reader.next();
  if (!header) {
    data_location where;
    where.file = src.name;
    throw data_error(std::move(where),
                     "empty file: expected a header line '" + std::string(expected) + "'");
  }
  return std::move(*header);
}

/// Checks a record has exactly as many fields as the header (truncated or overlong line).
inline void check_field_count(const alpha::detail::csv_source& src,
                              const alpha::detail::csv_record& rec, std::size_t expected) {
  if (rec.fields.size() == expected) return;
  const bool short_line = rec.fields.size() < expected;
  throw data_error(
      at(src, rec.line, short_line ? rec.fields.size() + 1 : expected + 1, join_fields(rec.fields)),
      "wrong number of fields: expected " + std::to_string(expected) + " (as in the header), got " +
          std::to_string(rec.fields.size()) + (short_line ? " (truncated line?)" : ""));
}

}  // namespace detail::universe_io

class sector_map;

/// A set of symbols, in the order given, with O(log n) membership. Symbols are non-empty and
/// unique. Built from a list or read from a one-column CSV.
class universe {
 public:
  universe() = default;
  /// From a list of symbols; data_error naming the symbol if one is empty or repeated. O(n log n).
  explicit universe(std::vector<std::string> symbols) {
    for (std::size_t i = 0; i < symbols.size(); ++i) {
      data_location where;
      where.asset = symbols[i];
      if (symbols[i].empty())
        throw data_error(std::move(where),
                         "universe: symbol at position " + std::to_string(i) + " is empty");
      if (!index_.emplace(symbols[i], i).second)
        throw data_error(std::move(where), "universe: symbol appears twice (positions " +
                                               std::to_string(index_.at(symbols[i])) + " and " +
                                               std::to_string(i) + ")");
    }
    symbols_ = std::move(symbols);
  }

  /// Reads a universe from CSV text: a header line, then one symbol per line (see the file
  /// comment for the accepted column names). data_error naming file:line:column for an empty
  /// file, a missing symbol column, a wrong number of fields, an empty or a duplicate symbol
  /// (naming both lines). O(length + n log n).
  [[nodiscard]] static universe from_csv(const alpha::detail::csv_source& src) {
    alpha::detail::csv_reader reader(src);
    const auto header = detail::universe_io::read_header(reader, src, "symbol");
    auto col = alpha::detail::find_column(header.fields, {"symbol", "ticker", "asset", "assetid"});
    if (!col && header.fields.size() == 1) col = 0;
    if (!col)
      throw data_error(detail::universe_io::at(src, header.line, 0,
                                               detail::universe_io::join_fields(header.fields)),
                       "missing column 'symbol' (accepted names: symbol, ticker, asset, asset_id)");
    universe u;
    std::map<std::string, std::size_t, std::less<>> line_of;
    while (auto rec = reader.next()) {
      detail::universe_io::check_field_count(src, *rec, header.fields.size());
      std::string& sym = rec->fields[*col];
      if (sym.empty())
        throw data_error(detail::universe_io::at(src, rec->line, *col + 1, ""), "empty symbol");
      if (const auto [it, inserted] = line_of.emplace(sym, rec->line); !inserted)
        throw data_error(detail::universe_io::at(src, rec->line, *col + 1, sym),
                         "duplicate symbol '" + sym + "' (lines " + std::to_string(it->second) +
                             " and " + std::to_string(rec->line) + ")");
      u.index_.emplace(sym, u.symbols_.size());
      u.symbols_.push_back(std::move(sym));
    }
    return u;
  }
  /// from_csv() of a file; data_error naming the path if it cannot be read.
  [[nodiscard]] static universe read_csv(const std::filesystem::path& path) {
    return from_csv(alpha::detail::read_csv_file(path));
  }

  [[nodiscard]] std::size_t size() const noexcept { return symbols_.size(); }
  [[nodiscard]] bool empty() const noexcept { return symbols_.empty(); }
  /// The symbols, in the order given.
  [[nodiscard]] const std::vector<std::string>& symbols() const noexcept { return symbols_; }
  [[nodiscard]] auto begin() const noexcept { return symbols_.begin(); }
  [[nodiscard]] auto end() const noexcept { return symbols_.end(); }
  /// True if `symbol` is in the universe. O(log n).
  [[nodiscard]] bool contains(std::string_view symbol) const {
    return index_.find(symbol) != index_.end();
  }

  /// The universe's symbols absent from `assets`, in universe order. O(n log N).
  [[nodiscard]] std::vector<std::string> missing_from(const asset_list& assets) const {
    std::vector<std::string> out;
    for (const std::string& s : symbols_)
      if (!assets.find(s)) out.push_back(s);
    return out;
  }
  /// Throws data_error naming the first universe symbol absent from a panel's assets (and how
  /// many are absent). O(n log N).
  void require_covered_by(const asset_list& assets) const {
    const auto missing = missing_from(assets);
    if (missing.empty()) return;
    data_location where;
    where.asset = missing.front();
    throw data_error(std::move(where), "universe symbol missing from the panel (" +
                                           std::to_string(missing.size()) + " of " +
                                           std::to_string(size()) + " symbols missing)");
  }
  /// The universe's symbols without a sector in `map`, in universe order. O(n log m).
  [[nodiscard]] std::vector<std::string> missing_from(const sector_map& map) const;
  /// Throws data_error naming the first universe symbol without a sector in `map` (and how many
  /// lack one). O(n log m).
  void require_covered_by(const sector_map& map) const;

 private:
  std::vector<std::string> symbols_;
  std::map<std::string, std::size_t, std::less<>> index_;
};

/// What to do with a sector-map row whose symbol is not in the universe it is read against:
/// `error` (the default) throws data_error "unknown symbol in sector map" naming file:line:column;
/// `report` leaves the row out of the map and lists it in sector_map::outside_universe_rows().
enum class outside_universe { error, report };

/// What sector_ids() does with a panel asset the map does not know: `error` throws data_error
/// "unknown symbol in sector map" naming the asset; `map_to_unknown` gives it an extra sector
/// (see sector_assignment) and lists it.
enum class unknown_symbols { error, map_to_unknown };

/// One row of a sector map.
struct sector_entry {
  std::string symbol;
  std::string sector;
  std::string industry;  ///< empty when the file has no industry column
  std::size_t line = 0;  ///< 1-based line in the source file (0: not read from a file)
};

/// A symbol kept out of a sector map because it is outside the universe.
struct excluded_symbol {
  std::string symbol;
  std::size_t line = 0;  ///< 1-based line in the source file
};

/// Integer sector ids for a list of assets (see sector_map::assign_sectors).
struct sector_assignment {
  std::vector<std::size_t> ids;      ///< one per asset, in asset order
  std::vector<std::string> names;    ///< name of each id: sector_map::sectors(), then "unknown"
  std::vector<std::string> unknown;  ///< assets absent from the map, in asset order
};

/// Symbol -> (sector, industry). Sectors are numbered 0..S-1 in sorted name order (`sectors()`),
/// so ids are reproducible whatever the row order of the file. Lookups O(log n).
class sector_map {
 public:
  sector_map() = default;
  /// From entries; data_error if a symbol or sector is empty or a symbol repeats. O(n log n).
  explicit sector_map(std::vector<sector_entry> entries) {
    for (sector_entry& e : entries) add(std::move(e));
  }

  /// Reads a sector map from CSV text (format in the file comment). data_error naming
  /// file:line:column for: an empty file, a missing symbol or sector column, a wrong number of
  /// fields, an empty symbol or sector, a duplicate symbol (naming both lines).
  /// O(length + n log n).
  [[nodiscard]] static sector_map from_csv(const alpha::detail::csv_source& src) {
    return read(src, nullptr, outside_universe::error);
  }
  /// from_csv() restricted to `u`: a row whose symbol is not in `u` is an error "unknown symbol
  /// in sector map" naming file:line:column (policy `error`), or is left out and listed in
  /// outside_universe_rows() (policy `report`). Universe symbols absent from the map are not an
  /// error here: check with universe::missing_from(const sector_map&).
  [[nodiscard]] static sector_map from_csv(const alpha::detail::csv_source& src, const universe& u,
                                           outside_universe policy = outside_universe::error) {
    return read(src, &u, policy);
  }
  /// from_csv() of a file; data_error naming the path if it cannot be read.
  [[nodiscard]] static sector_map read_csv(const std::filesystem::path& path) {
    return from_csv(alpha::detail::read_csv_file(path));
  }
  /// from_csv() of a file, restricted to a universe.
  [[nodiscard]] static sector_map read_csv(const std::filesystem::path& path, const universe& u,
                                           outside_universe policy = outside_universe::error) {
    return from_csv(alpha::detail::read_csv_file(path), u, policy);
  }

  /// Adds one entry; data_error if its symbol or sector is empty or its symbol is already mapped.
  void add(sector_entry e) {
    data_location where;
    where.asset = e.symbol;
    if (e.symbol.empty()) throw data_error(std::move(where), "sector map: empty symbol");
    if (e.sector.empty()) throw data_error(std::move(where), "sector map: empty sector");
    if (const auto it = index_.find(e.symbol); it != index_.end())
      throw data_error(std::move(where), "sector map: duplicate symbol");
    index_.emplace(e.symbol, entries_.size());
    sectors_.insert(std::upper_bound(sectors_.begin(), sectors_.end(), e.sector), e.sector);
    sectors_.erase(std::unique(sectors_.begin(), sectors_.end()), sectors_.end());
    entries_.push_back(std::move(e));
  }

  [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }
  [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
  /// The entries, in file (or insertion) order.
  [[nodiscard]] const std::vector<sector_entry>& entries() const noexcept { return entries_; }
  /// Rows left out because their symbol was outside the universe (policy `report`).
  [[nodiscard]] const std::vector<excluded_symbol>& outside_universe_rows() const noexcept {
    return excluded_;
  }
  [[nodiscard]] bool contains(std::string_view symbol) const {
    return index_.find(symbol) != index_.end();
  }
  /// The entry of `symbol`, or nullptr. O(log n).
  [[nodiscard]] const sector_entry* find(std::string_view symbol) const {
    const auto it = index_.find(symbol);
    return it == index_.end() ? nullptr : &entries_[it->second];
  }
  /// Sector of `symbol`; data_error "unknown symbol in sector map" naming it. O(log n).
  [[nodiscard]] const std::string& sector(std::string_view symbol) const {
    return entry(symbol).sector;
  }
  /// Industry of `symbol` (empty if the map has none); data_error for an unknown symbol.
  [[nodiscard]] const std::string& industry(std::string_view symbol) const {
    return entry(symbol).industry;
  }
  /// The distinct sectors, sorted; a sector's id is its position here.
  [[nodiscard]] const std::vector<std::string>& sectors() const noexcept { return sectors_; }
  /// Id of a sector name, or nullopt. O(log S).
  [[nodiscard]] std::optional<std::size_t> sector_id(std::string_view sector_name) const {
    const auto it = std::lower_bound(sectors_.begin(), sectors_.end(), sector_name);
    if (it == sectors_.end() || *it != sector_name) return std::nullopt;
    return static_cast<std::size_t>(it - sectors_.begin());
  }
  /// The symbols of a sector, in entry order (empty for an unknown sector). O(n).
  [[nodiscard]] std::vector<std::string> assets_in(std::string_view sector_name) const {
    std::vector<std::string> out;
    for (const sector_entry& e : entries_)
      if (e.sector == sector_name) out.push_back(e.symbol);
    return out;
  }

  /// Sector id (position in sectors()) of every asset, in asset order — e.g. the groups of a
  /// sector-neutralisation over a panel's columns. data_error "unknown symbol in sector map"
  /// naming the first asset the map lacks. O(N (log n + log S)).
  [[nodiscard]] std::vector<std::size_t> sector_ids(const asset_list& assets) const {
    return assign_sectors(assets, unknown_symbols::error).ids;
  }
  /// sector_ids() with a policy for unknown assets. Under `map_to_unknown`, unknown assets get id
  /// sectors().size(), named `unknown_name` in the result's `names`, and are listed in `unknown`
  /// (`names` has that extra entry only if some asset is unknown).
  [[nodiscard]] sector_assignment assign_sectors(const asset_list& assets, unknown_symbols policy,
                                                 std::string unknown_name = "unknown") const {
    sector_assignment out;
    out.names = sectors_;
    out.ids.reserve(assets.size());
    for (const std::string& a : assets) {
      if (const sector_entry* e = find(a)) {
        out.ids.push_back(*sector_id(e->sector));
        continue;
      }
      if (policy == unknown_symbols::error) (void)entry(a);  // throws, naming the asset
      out.ids.push_back(sectors_.size());
      out.unknown.push_back(a);
    }
    if (!out.unknown.empty()) out.names.push_back(std::move(unknown_name));
    return out;
  }

 private:
  const sector_entry& entry(std::string_view symbol) const {
    if (const sector_entry* e = find(symbol)) return *e;
    data_location where;
    where.asset = std::string(symbol);
    throw data_error(std::move(where), "unknown symbol in sector map (the map has " +
                                           std::to_string(size()) + " symbols)");
  }

  static sector_map read(const alpha::detail::csv_source& src, const universe* u,
                         outside_universe policy) {
    alpha::detail::csv_reader reader(src);
    const auto header = detail::universe_io::read_header(reader, src, "symbol,sector[,industry]");
    const auto sym_col =
        alpha::detail::find_column(header.fields, {"symbol", "ticker", "asset", "assetid"});
    const auto sec_col = alpha::detail::find_column(header.fields, {"sector", "gicssector"});
    const auto ind_col = alpha::detail::find_column(
        header.fields, {"industry", "gicsindustry", "industrygroup", "gicsindustrygroup"});
    if (!sym_col)
      throw data_error(detail::universe_io::at(src, header.line, 0,
                                               detail::universe_io::join_fields(header.fields)),
                       "missing column 'symbol' (accepted names: symbol, ticker, asset, asset_id)");
    if (!sec_col)
      throw data_error(detail::universe_io::at(src, header.line, 0,
                                               detail::universe_io::join_fields(header.fields)),
                       "missing column 'sector' (accepted names: sector, gics_sector)");
    sector_map m;
    while (auto rec = reader.next()) {
      detail::universe_io::check_field_count(src, *rec, header.fields.size());
      sector_entry e;
      e.symbol = std::move(rec->fields[*sym_col]);
      e.sector = std::move(rec->fields[*sec_col]);
      if (ind_col) e.industry = std::move(rec->fields[*ind_col]);
      e.line = rec->line;
      if (e.symbol.empty())
        throw data_error(detail::universe_io::at(src, rec->line, *sym_col + 1, ""), "empty symbol");
      if (e.sector.empty()) {
        data_location where = detail::universe_io::at(src, rec->line, *sec_col + 1, "");
        where.asset = e.symbol;
        throw data_error(std::move(where), "empty sector");
      }
      if (const sector_entry* prev = m.find(e.symbol))
        throw data_error(detail::universe_io::at(src, rec->line, *sym_col + 1, e.symbol),
                         "duplicate symbol '" + e.symbol + "' in sector map (lines " +
                             std::to_string(prev->line) + " and " + std::to_string(rec->line) +
                             ")");
      if (u != nullptr && !u->contains(e.symbol)) {
        if (policy == outside_universe::error) {
          data_location where = detail::universe_io::at(src, rec->line, *sym_col + 1, e.symbol);
          where.asset = e.symbol;
          throw data_error(std::move(where), "unknown symbol in sector map: '" + e.symbol +
                                                 "' is not in the universe (" +
                                                 std::to_string(u->size()) + " symbols)");
        }
        m.excluded_.push_back({e.symbol, e.line});
        continue;
      }
      m.add(std::move(e));
    }
    return m;
  }

  std::vector<sector_entry> entries_;
  std::map<std::string, std::size_t, std::less<>> index_;
  std::vector<std::string> sectors_;
  std::vector<excluded_symbol> excluded_;
};

inline std::vector<std::string> universe::missing_from(const sector_map& map) const {
  std::vector<std::string> out;
  for (const std::string& s : symbols_)
    if (!map.contains(s)) out.push_back(s);
  return out;
}

inline void universe::require_covered_by(const sector_map& map) const {
  const auto missing = missing_from(map);
  if (missing.empty()) return;
  data_location where;
  where.asset = missing.front();
  throw data_error(std::move(where), "universe symbol missing from the sector map (" +
                                         std::to_string(missing.size()) + " of " +
                                         std::to_string(size()) + " symbols missing)");
}

}  // namespace data
ALPHA_END_NAMESPACE
