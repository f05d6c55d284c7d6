// expect: alpha: calibrator stage: needs
// A calibrator that never learns (no observe/fit).
#include "compile_fail/support.hpp"
struct fixed_calibrator {
  struct params {};
  explicit fixed_calibrator(const params&) {}
  void calibrate(std::span<double>) const {}
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model,
                                        alpha::with::calibrator<fixed_calibrator>, cf::sizer,
                                        cf::costs>
    s;
