/// @file
/// Umbrella header of alpha::report: JSON, Markdown and CSV reports of a backtest.
#pragma once

#include "alpha/report/csv.hpp"
#include "alpha/report/info.hpp"
#include "alpha/report/json.hpp"
#include "alpha/report/markdown.hpp"
