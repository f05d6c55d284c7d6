// expect: alpha: features stage: an indicator has no .static constexpr std::array output_names
// An indicator without output_names.
#include "compile_fail/support.hpp"
struct no_names {
  struct params {};
  explicit no_names(const params&) {}
  void update(double) {}
  double value() const { return 0; }
  bool ready() const { return true; }
  std::size_t lookback() const { return 0; }
  void reset() {}
};
[[maybe_unused]] static alpha::strategy<alpha::with::features<no_names>, cf::labeler, cf::model,
                                        cf::sizer, cf::costs>
    s;
