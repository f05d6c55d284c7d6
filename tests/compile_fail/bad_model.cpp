// expect: alpha: model stage: missing .double predict
// A model that cannot predict.
#include "compile_fail/support.hpp"
struct no_predict {
  struct params {};
  no_predict(const params&, std::size_t) {}
  void observe(std::span<const double>, double) {}
  void forget(std::span<const double>, double) {}
  void fit() {}
  void reset() {}
  bool fitted() const { return true; }
  std::size_t training_rows() const { return 0; }
};
[[maybe_unused]] static alpha::strategy<cf::features, cf::labeler, alpha::with::model<no_predict>,
                                        cf::sizer, cf::costs>
    s;
