/// @file
/// Umbrella of the backtest stage: strategy composition (alpha::strategy, with:: slots), the
/// per-run strategy state, the event-driven and vectorised engines, batch runs and the streaming
/// step API, parameter sweeps.
#pragma once

#include "alpha/backtest/event_driven.hpp"
#include "alpha/backtest/execution.hpp"
#include "alpha/backtest/ledger.hpp"
#include "alpha/backtest/market.hpp"
#include "alpha/backtest/result.hpp"
#include "alpha/backtest/run.hpp"
#include "alpha/backtest/slots.hpp"
#include "alpha/backtest/strategy.hpp"
#include "alpha/backtest/strategy_state.hpp"
#include "alpha/backtest/sweep.hpp"
#include "alpha/backtest/sweep_report.hpp"
#include "alpha/backtest/vectorised.hpp"
