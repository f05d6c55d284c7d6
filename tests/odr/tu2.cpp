// ODR link test, translation unit 2 of 2: the same headers, the same entities.
#include "alpha/alpha.hpp"

#include <fmt/core.h>

std::string tu2_describe() { return fmt::format("{}", *alpha::parse_timestamp("20200102")); }
