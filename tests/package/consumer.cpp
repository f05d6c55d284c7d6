// A tiny program using alpha as a consumer would; built by every packaging test.
#include <alpha/core.hpp>

#include <fmt/core.h>

int main() {
  const alpha::time_index idx{*alpha::parse_timestamp("2024-01-02"),
                              *alpha::parse_timestamp("2024-01-03")};
  alpha::panel<double> close(idx, alpha::asset_list{"AAA", "BBB"}, 100.0);
  close(1, 1) = 101.0;
  fmt::print("consumer ok: {} last={}\n", close, close(1, 1));
  return close.rows() == 2 ? 0 : 1;
}
