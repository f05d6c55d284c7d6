// ODR link test, translation unit 1 of 2: includes everything, uses a few entities, calls tu2.
#include "alpha/alpha.hpp"

#include <fmt/core.h>

std::string tu2_describe();

int main() {
  const auto t = alpha::parse_timestamp("2020-01-02");
  const std::string here = t ? t->to_iso() : "bad";
  const std::string there = tu2_describe();
  if (here != there) {
    fmt::print("odr mismatch: {} vs {}\n", here, there);
    return 1;
  }
  fmt::print("odr ok: {}\n", here);
  return 0;
}
