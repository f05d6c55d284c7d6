/// @file
/// Internal row engine of the cross-sectional transforms: visits every date (row) of T x N
/// column-major arrays through contiguous copies of the row, block by block, so that per-date
/// work runs on contiguous memory and the strided accesses are amortised over a block of rows.
// IWYU pragma: private, include "alpha/features/cross_section.hpp"
#pragma once

#include "alpha/config.hpp"
#include "alpha/core/error.hpp"
#include "alpha/core/panel.hpp"
#include "alpha/core/parallel.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

ALPHA_BEGIN_NAMESPACE
namespace detail::xs {

using array = panel<double>::array_type;

/// Rows per block: 32 rows x N columns of each input are transposed into row-major buffers
/// (32 x 500 doubles = 128 KB, L2-resident); the column reads are then 256-byte contiguous runs.
inline constexpr std::size_t block_rows = 32;

/// Below this many cells the engine runs on the calling thread (task overhead dominates).
inline constexpr std::size_t parallel_min_cells = std::size_t{1} << 16;

/// Copies rows [0, rows) of the column-major block starting at `src` (column stride `ld`) into
/// the row-major `dst` (row stride N), eight columns at a time: eight sequential column streams
/// in, one 64-byte run out per row.
inline void transpose_in(const double* src, std::size_t ld, std::size_t rows, std::size_t N,
                         double* dst) noexcept {
  std::size_t j = 0;
  for (; j + 8 <= N; j += 8) {
    const double* c = src + j * ld;
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t q = 0; q < 8; ++q) dst[r * N + j + q] = c[q * ld + r];
  }
  for (; j < N; ++j)
    for (std::size_t r = 0; r < rows; ++r) dst[r * N + j] = src[j * ld + r];
}

/// The inverse of transpose_in: row-major `src` (row stride N) into the column-major `dst`.
inline void transpose_out(const double* src, std::size_t rows, std::size_t N, double* dst,
                          std::size_t ld) noexcept {
  std::size_t j = 0;
  for (; j + 8 <= N; j += 8) {
    double* c = dst + j * ld;
    for (std::size_t r = 0; r < rows; ++r)
      for (std::size_t q = 0; q < 8; ++q) c[q * ld + r] = src[r * N + j + q];
  }
  for (; j < N; ++j)
    for (std::size_t r = 0; r < rows; ++r) dst[j * ld + r] = src[r * N + j];
}

/// Calls `fn(t, x, extra)` for every row t of `inputs[0]`, where `x` is a modifiable contiguous
/// copy of row t of inputs[0] (N values) and `extra[k]` points at row t of inputs[k + 1]; then
/// writes `x` to row t of `out` (which may be inputs[0] itself: in place). Each task calls
/// `make_fn()` once to get its own row function (per-task scratch space). Rows are independent,
/// so the result does not depend on the blocking or on the thread count (deterministic).
/// Preconditions: every array is T x N like `out`. O(T N) copies plus the row work.
template <class MakeFn>
void for_each_row(std::span<const array* const> inputs, array& out, bool parallel,
                  MakeFn&& make_fn) {
  ALPHA_ASSERT(!inputs.empty());
  const auto T = static_cast<std::size_t>(out.rows());
  const auto N = static_cast<std::size_t>(out.cols());
  if (T == 0 || N == 0) return;
  const std::size_t K = inputs.size();
  const std::size_t blocks = (T + block_rows - 1) / block_rows;
  const bool go_parallel = parallel && T * N >= parallel_min_cells && blocks > 1;
  const std::size_t tasks = go_parallel ? std::min<std::size_t>(blocks, 16) : 1;
  parallel_for_each_index(tasks, [&](std::size_t task) {
    const std::size_t b0 = blocks * task / tasks, b1 = blocks * (task + 1) / tasks;
    auto fn = make_fn();
    std::vector<double> buf(K * block_rows * N);
    std::vector<const double*> extra(K > 1 ? K - 1 : 1, nullptr);
    for (std::size_t b = b0; b < b1; ++b) {
      const std::size_t t0 = b * block_rows;
      const std::size_t rows = std::min(block_rows, T - t0);
      for (std::size_t k = 0; k < K; ++k)
        transpose_in(inputs[k]->data() + t0, T, rows, N, buf.data() + k * block_rows * N);
      for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t k = 1; k < K; ++k) extra[k - 1] = buf.data() + (k * block_rows + r) * N;
        fn(t0 + r, std::span<double>(buf.data() + r * N, N),
           std::span<const double* const>(extra.data(), K - 1));
      }
      transpose_out(buf.data(), rows, N, out.data() + t0, T);
    }
  });
}

/// for_each_row over one input.
template <class MakeFn>
void for_each_row(const array& in, array& out, bool parallel, MakeFn&& make_fn) {
  const array* inputs[1] = {&in};
  for_each_row(std::span<const array* const>(inputs, 1), out, parallel,
               static_cast<MakeFn&&>(make_fn));
}

}  // namespace detail::xs
ALPHA_END_NAMESPACE
