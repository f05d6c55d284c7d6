/// @file
/// Umbrella of the performance metrics (alpha::metrics): return statistics, drawdowns, tail
/// risk, win/loss, turnover, exposure and holding periods, information coefficient and decay,
/// signal buckets, gross vs net, and the performance_summary. The overfitting statistics of
/// this folder have their own headers.
#pragma once

#include "alpha/metrics/buckets.hpp"
#include "alpha/metrics/drawdown.hpp"
#include "alpha/metrics/exposure.hpp"
#include "alpha/metrics/gross_net.hpp"
#include "alpha/metrics/information_coefficient.hpp"
#include "alpha/metrics/mean_summary.hpp"
#include "alpha/metrics/overfitting.hpp"
#include "alpha/metrics/returns_stats.hpp"
#include "alpha/metrics/summary.hpp"
#include "alpha/metrics/tail_risk.hpp"
#include "alpha/metrics/trade_stats.hpp"
#include "alpha/metrics/turnover.hpp"
