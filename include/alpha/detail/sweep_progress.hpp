/// @file
/// Internals of backtest::sweep: the stderr progress bar (rate, ETA), shown once a sweep has
/// run for `delay` seconds; a redrawn bar on a terminal, plain lines (every ~5 s) otherwise.
// IWYU pragma: private
#pragma once

#include "alpha/config.hpp"

#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>
#include <string>
#include <unistd.h>

ALPHA_BEGIN_NAMESPACE
namespace detail::sweep {

/// Thread-safe progress reporter. `advance(k)` may be called from any worker; printing is
/// done by whichever caller finds the print mutex free and the refresh interval elapsed
/// (it never blocks a worker). Output does not affect results.
class progress {
 public:
  progress(std::size_t total, bool enabled, double delay_seconds, std::string label)
      : total_(total),
        enabled_(enabled && total > 0),
        delay_(delay_seconds),
        tty_(::isatty(::fileno(stderr)) == 1),
        label_(std::move(label)),
        start_(clock::now()),
        last_(start_) {}

  void advance(std::size_t k) {
    const std::size_t done = done_.fetch_add(k, std::memory_order_relaxed) + k;
    if (!enabled_) return;
    const auto now = clock::now();
    const double elapsed = seconds(now - start_);
    if (elapsed < delay_) return;
    std::unique_lock lock(mutex_, std::try_to_lock);
    if (!lock.owns_lock()) return;
    if (shown_ && seconds(now - last_) < (tty_ ? 0.2 : 5.0) && done < total_) return;
    last_ = now;
    shown_ = true;
    print(done, elapsed, false);
  }

  /// Prints the final line (if the bar was shown). `cancelled` marks an interrupted sweep.
  void finish(bool cancelled) {
    if (!enabled_ || !shown_) return;
    std::lock_guard lock(mutex_);
    print(done_.load(), seconds(clock::now() - start_), true, cancelled);
  }

  [[nodiscard]] bool shown() const noexcept { return shown_; }

 private:
  using clock = std::chrono::steady_clock;
  static double seconds(clock::duration d) { return std::chrono::duration<double>(d).count(); }

  void print(std::size_t done, double elapsed, bool final, bool cancelled = false) {
    const double frac = static_cast<double>(done) / static_cast<double>(total_);
    const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
    const double eta = rate > 0.0 ? static_cast<double>(total_ - done) / rate : 0.0;
    std::string line;
    if (tty_) {
      constexpr int width = 30;
      const int fill = static_cast<int>(frac * width);
      line = fmt::format("\r{} [{}{}] {:5.1f}% {}/{} variants, {:.0f}/s, ETA {:.1f} s", label_,
                         std::string(static_cast<std::size_t>(fill), '#'),
                         std::string(static_cast<std::size_t>(width - fill), '.'), 100.0 * frac,
                         done, total_, rate, eta);
      if (final) line += cancelled ? " (cancelled)\n" : "\n";
    } else {
      line =
          fmt::format("{}: {}/{} variants ({:.1f}%), {:.0f}/s, elapsed {:.1f} s, ETA {:.1f} s{}\n",
                      label_, done, total_, 100.0 * frac, rate, elapsed, eta,
                      final ? (cancelled ? " (cancelled)" : " (done)") : "");
    }
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

  std::size_t total_;
  bool enabled_;
  double delay_;
  bool tty_;
  std::string label_;
  clock::time_point start_, last_;
  std::atomic<std::size_t> done_{0};
  std::mutex mutex_;
  bool shown_ = false;
};

}  // namespace detail::sweep
ALPHA_END_NAMESPACE
