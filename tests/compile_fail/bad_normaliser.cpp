// expect: alpha: normaliser stage: needs
// A normaliser with the wrong signature.
#include "compile_fail/support.hpp"
struct wrong_normaliser {
  struct params {};
  explicit wrong_normaliser(const params&) {}
  void normalise(std::span<double>) const {}
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, cf::model,
                                        alpha::with::normaliser<wrong_normaliser>, cf::sizer,
                                        cf::costs>
    s;
