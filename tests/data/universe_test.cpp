// Tests of alpha/data/universe.hpp: sector-map and universe CSV reading, every malformed case
// (error naming file:line), queries, sector ids for a panel's assets, coverage checks.
#include "alpha/data/universe.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using alpha::asset_list;
using alpha::data::sector_map;
using alpha::data::universe;
using alpha::detail::csv_source;

const char* const kSectors =
    "Ticker,GICS_Sector,Industry\n"
    "AAPL,Tech,Hardware\n"
    "MSFT,Tech,Software\n"
    "\n"
    "XOM,Energy,Oil\n"
    "JPM,Financials,Banks\n";

sector_map sample_map() { return sector_map::from_csv({"sectors.csv", kSectors}); }

/// Runs `f`, expects a data_error whose what() contains every one of `parts`; returns it.
template <class F>
alpha::data_error expect_data_error(F f, const std::vector<std::string>& parts) {
  try {
    f();
  } catch (const alpha::data_error& e) {
    for (const std::string& part : parts)
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos)
          << "missing \"" << part << "\" in: " << e.what();
    return e;
  }
  ADD_FAILURE() << "no data_error thrown";
  return alpha::data_error({}, "none");
}

sector_map read_map(const std::string& text) {
  return sector_map::from_csv(csv_source{"sectors.csv", text});
}

}  // namespace

TEST(SectorMap, Queries) {
  const auto m = sample_map();
  EXPECT_EQ(m.size(), 4u);
  EXPECT_EQ(m.sector("AAPL"), "Tech");
  EXPECT_EQ(m.industry("XOM"), "Oil");
  EXPECT_EQ(m.sectors(), (std::vector<std::string>{"Energy", "Financials", "Tech"}));
  EXPECT_EQ(m.sector_id("Tech"), 2u);
  EXPECT_FALSE(m.sector_id("Utilities"));
  EXPECT_EQ(m.assets_in("Tech"), (std::vector<std::string>{"AAPL", "MSFT"}));
  EXPECT_TRUE(m.assets_in("Utilities").empty());
  EXPECT_TRUE(m.contains("JPM"));
  EXPECT_FALSE(m.contains("GOOG"));
  ASSERT_NE(m.find("JPM"), nullptr);
  EXPECT_EQ(m.find("JPM")->line, 6u);  // line 4 is blank
  EXPECT_EQ(m.find("GOOG"), nullptr);
  expect_data_error([&] { (void)m.sector("GOOG"); },
                    {"asset 'GOOG'", "unknown symbol in sector map"});
}

TEST(SectorMap, IndustryColumnIsOptionalAndOtherColumnsIgnored) {
  const auto m = read_map("weight,SYMBOL,sector\n0.5,A,Tech\n0.5,B,Energy\n");
  EXPECT_EQ(m.sector("B"), "Energy");
  EXPECT_EQ(m.industry("B"), "");
}

TEST(SectorMap, SectorIdsForAPanel) {
  const auto m = sample_map();
  // sectors(): Energy = 0, Financials = 1, Tech = 2.
  EXPECT_EQ(m.sector_ids(asset_list{"XOM", "AAPL", "JPM", "MSFT"}),
            (std::vector<std::size_t>{0, 2, 1, 2}));
}

TEST(SectorMap, UnknownPanelAssetIsAnErrorNamingIt) {
  const auto m = sample_map();
  const auto e = expect_data_error(
      [&] {
        (void)m.sector_ids(asset_list{"AAPL", "GOOG"});
      },
      {"asset 'GOOG'", "unknown symbol in sector map"});
  EXPECT_EQ(e.where().asset, "GOOG");
}

TEST(SectorMap, UnknownPanelAssetsCanMapToAnUnknownSector) {
  const auto m = sample_map();
  const auto a = m.assign_sectors(asset_list{"GOOG", "AAPL", "TSLA"},
                                  alpha::data::unknown_symbols::map_to_unknown);
  EXPECT_EQ(a.ids, (std::vector<std::size_t>{3, 2, 3}));
  EXPECT_EQ(a.names, (std::vector<std::string>{"Energy", "Financials", "Tech", "unknown"}));
  EXPECT_EQ(a.unknown, (std::vector<std::string>{"GOOG", "TSLA"}));
  const auto none =
      m.assign_sectors(asset_list{"AAPL"}, alpha::data::unknown_symbols::map_to_unknown);
  EXPECT_EQ(none.names.size(), 3u);  // no "unknown" entry when every asset is known
  EXPECT_TRUE(none.unknown.empty());
}

TEST(SectorMap, EmptyFile) {
  expect_data_error([] { (void)read_map(""); }, {"sectors.csv", "empty file"});
  expect_data_error([] { (void)read_map("\n\n"); }, {"sectors.csv", "empty file"});
}

TEST(SectorMap, MissingColumn) {
  const auto e = expect_data_error([] { (void)read_map("symbol,industry\nA,Hardware\n"); },
                                   {"sectors.csv:1", "missing column 'sector'"});
  EXPECT_EQ(e.where().line, 1u);
  expect_data_error([] { (void)read_map("name,sector\nA,Tech\n"); },
                    {"sectors.csv:1", "missing column 'symbol'", "name,sector"});
}

TEST(SectorMap, EmptySymbolOrSector) {
  expect_data_error([] { (void)read_map("symbol,sector\nA,Tech\n,Energy\n"); },
                    {"sectors.csv:3:1", "empty symbol"});
  const auto e = expect_data_error([] { (void)read_map("symbol,sector\nA,Tech\nB,\n"); },
                                   {"sectors.csv:3:2", "asset 'B'", "empty sector"});
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.where().column, 2u);
}

TEST(SectorMap, DuplicateSymbolNamesBothLines) {
  const auto e =
      expect_data_error([] { (void)read_map("symbol,sector\nA,Tech\nB,Energy\nA,Energy\n"); },
                        {"sectors.csv:4:1", "duplicate symbol 'A'", "lines 2 and 4", "\"A\""});
  EXPECT_EQ(e.where().text, "A");
}

TEST(SectorMap, WrongNumberOfFields) {
  // Truncated line: the industry field is missing on line 3.
  const auto e = expect_data_error(
      [] { (void)read_map("symbol,sector,industry\nA,Tech,Hardware\nB,Energy\n"); },
      {"sectors.csv:3:3", "wrong number of fields", "expected 3", "got 2", "\"B,Energy\""});
  EXPECT_EQ(e.where().line, 3u);
  // Overlong line.
  expect_data_error([] { (void)read_map("symbol,sector\nA,Tech\nB,Energy,Oil\n"); },
                    {"sectors.csv:3:3", "wrong number of fields", "got 3"});
  // A file cut in the middle of the last line (no newline, one field).
  expect_data_error([] { (void)read_map("symbol,sector\nA,Tech\nB"); },
                    {"sectors.csv:3:2", "wrong number of fields"});
}

TEST(SectorMap, UnknownSymbolAgainstAUniverseNamesFileAndLine) {
  const universe u({"A", "B"});
  const csv_source src{"sectors.csv", "symbol,sector\nA,Tech\nC,Energy\nB,Energy\n"};
  const auto e = expect_data_error([&] { (void)sector_map::from_csv(src, u); },
                                   {"sectors.csv:3:1", "unknown symbol in sector map", "'C'"});
  EXPECT_EQ(e.where().line, 3u);
  EXPECT_EQ(e.where().asset, "C");

  const auto m = sector_map::from_csv(src, u, alpha::data::outside_universe::report);
  EXPECT_EQ(m.size(), 2u);
  EXPECT_FALSE(m.contains("C"));
  ASSERT_EQ(m.outside_universe_rows().size(), 1u);
  EXPECT_EQ(m.outside_universe_rows()[0].symbol, "C");
  EXPECT_EQ(m.outside_universe_rows()[0].line, 3u);
}

TEST(SectorMap, ReadFromAFileNamesThePath) {
  const auto path = std::filesystem::temp_directory_path() / "alpha_universe_test_sectors.csv";
  {
    std::ofstream out(path, std::ios::binary);
    out << "symbol,sector\r\nA,Tech\r\nA,Energy\r\n";
  }
  expect_data_error([&] { (void)sector_map::read_csv(path); },
                    {path.string() + ":3:1", "duplicate symbol 'A'", "lines 2 and 3"});
  {
    std::ofstream out(path, std::ios::binary);
    out << "symbol,sector\r\nA,Tech\r\nB,Energy\r\n";
  }
  const universe u({"A"});
  expect_data_error([&] { (void)sector_map::read_csv(path, u); },
                    {path.string() + ":3:1", "unknown symbol in sector map"});
  EXPECT_EQ(sector_map::read_csv(path).sector("B"), "Energy");
  std::filesystem::remove(path);
  expect_data_error([&] { (void)sector_map::read_csv(path); }, {path.string(), "cannot open file"});
}

TEST(SectorMap, BuiltFromEntries) {
  sector_map m({{"A", "Tech", "Hw", 0}, {"B", "Energy", "", 0}});
  EXPECT_EQ(m.sectors(), (std::vector<std::string>{"Energy", "Tech"}));
  EXPECT_THROW(m.add({"A", "Energy", "", 0}), alpha::data_error);
  EXPECT_THROW(m.add({"C", "", "", 0}), alpha::data_error);
  m.add({"C", "Utilities", "", 0});
  EXPECT_EQ(m.sector_ids(asset_list{"C", "A", "B"}), (std::vector<std::size_t>{2, 1, 0}));
}

TEST(Universe, FromListAndCsv) {
  const universe u({"MSFT", "AAPL"});
  EXPECT_EQ(u.size(), 2u);
  EXPECT_TRUE(u.contains("AAPL"));
  EXPECT_FALSE(u.contains("IBM"));
  EXPECT_EQ(u.symbols(), (std::vector<std::string>{"MSFT", "AAPL"}));
  EXPECT_THROW((universe({"A", "B", "A"})), alpha::data_error);
  EXPECT_THROW((universe({"A", ""})), alpha::data_error);

  const auto c = universe::from_csv({"universe.csv", "Symbol\nAAPL\n\nMSFT\n"});
  EXPECT_EQ(c.symbols(), (std::vector<std::string>{"AAPL", "MSFT"}));
  const auto any_name = universe::from_csv({"universe.csv", "code\nX\nY\n"});
  EXPECT_EQ(any_name.symbols(), (std::vector<std::string>{"X", "Y"}));
  const auto two_cols = universe::from_csv({"universe.csv", "weight,ticker\n1,X\n2,Y\n"});
  EXPECT_EQ(two_cols.symbols(), (std::vector<std::string>{"X", "Y"}));
}

TEST(Universe, MalformedCsv) {
  expect_data_error(
      [] {
        (void)universe::from_csv({"universe.csv", ""});
      },
      {"universe.csv", "empty file"});
  expect_data_error(
      [] {
        (void)universe::from_csv({"universe.csv", "a,b\nX,Y\n"});
      },
      {"universe.csv:1", "missing column 'symbol'"});
  expect_data_error(
      [] {
        (void)universe::from_csv({"universe.csv", "symbol\nA\nB\nA\n"});
      },
      {"universe.csv:4:1", "duplicate symbol 'A'", "lines 2 and 4"});
  expect_data_error(
      [] {
        (void)universe::from_csv({"universe.csv", "symbol,weight\nA,1\n,2\n"});
      },
      {"universe.csv:3:1", "empty symbol"});
  expect_data_error(
      [] {
        (void)universe::from_csv({"universe.csv", "symbol,weight\nA,1\nB\n"});
      },
      {"universe.csv:3:2", "wrong number of fields"});
}

TEST(Universe, CoverageByPanelAndSectorMap) {
  const universe u({"AAPL", "XOM", "GOOG", "TSLA"});
  const auto m = sample_map();
  EXPECT_EQ(u.missing_from(m), (std::vector<std::string>{"GOOG", "TSLA"}));
  expect_data_error([&] { u.require_covered_by(m); },
                    {"asset 'GOOG'", "missing from the sector map", "2 of 4"});
  const asset_list panel_assets{"XOM", "AAPL", "TSLA"};
  EXPECT_EQ(u.missing_from(panel_assets), (std::vector<std::string>{"GOOG"}));
  expect_data_error([&] { u.require_covered_by(panel_assets); },
                    {"asset 'GOOG'", "missing from the panel", "1 of 4"});
  EXPECT_NO_THROW(universe({"AAPL", "JPM"}).require_covered_by(m));
  EXPECT_NO_THROW(universe({"AAPL"}).require_covered_by(panel_assets));
}
