// expect: alpha: a params field must be
// A params field that cannot be reflected as a value (a pointer).
#include "alpha/core/params.hpp"

#include <string>
struct odd_params {
  const char* name = "x";
};
BOOST_HANA_ADAPT_STRUCT(odd_params, name);
[[maybe_unused]] static std::string text = alpha::format_params(odd_params{});
