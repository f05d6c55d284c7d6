// Readers of the shared ADF/FFD reference files (../shared/reference/adf_ffd, computed by
// statsmodels 0.13.5 / numpy on log(close) of ../shared/data/sp500_ohlcv_2000_2020.csv).
#pragma once

#include "alpha/core/nan.hpp"

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace alpha_test {

/// A CSV with a header row, as named columns of doubles ("NaN" -> NaN). Non-numeric cells (e.g.
/// dates, series names) are kept as NaN; the raw text is in `text`.
struct csv_table {
  std::vector<std::string> names;
  std::map<std::string, std::vector<double>> cols;
  std::map<std::string, std::vector<std::string>> text;

  [[nodiscard]] const std::vector<double>& col(const std::string& name) const {
    const auto it = cols.find(name);
    if (it == cols.end()) throw std::runtime_error("no column " + name);
    return it->second;
  }
  [[nodiscard]] std::size_t rows() const { return cols.empty() ? 0 : cols.begin()->second.size(); }
};

inline csv_table read_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  csv_table t;
  std::string line;
  std::getline(in, line);
  {
    std::stringstream ss(line);
    std::string name;
    while (std::getline(ss, name, ',')) t.names.push_back(name);
  }
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream ss(line);
    std::string cell;
    for (const std::string& name : t.names) {
      std::getline(ss, cell, ',');
      t.text[name].push_back(cell);
      double v = ::alpha::nan;
      if (cell != "NaN") {
        try {
          std::size_t used = 0;
          v = std::stod(cell, &used);
          if (used != cell.size()) v = ::alpha::nan;
        } catch (const std::exception&) {
          v = ::alpha::nan;
        }
      }
      t.cols[name].push_back(v);
    }
  }
  return t;
}

/// The non-NaN values of a column, in order.
inline std::vector<double> defined(const std::vector<double>& v) {
  std::vector<double> out;
  for (double x : v)
    if (x == x) out.push_back(x);
  return out;
}

}  // namespace alpha_test
