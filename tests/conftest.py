"""Shared test paths and the Hypothesis profiles.

The default profile, "ci", is derandomized: every run tries the same examples, so a red
CI run reproduces locally. `HYPOTHESIS_PROFILE=dev pytest` explores new random examples
(and more of them); `HYPOTHESIS_PROFILE=quick` is a smoke run.
"""

import os
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "tests" / "fixtures"
HOSTILE = FIXTURES / "hostile"

# deadline: one example (a few KB of text) through a stage; generous, so only a
# super-linear blow-up, not a slow machine, fails it.
settings.register_profile("ci", derandomize=True, database=None, max_examples=150,
                          deadline=timedelta(seconds=3), print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("dev", max_examples=1000, deadline=timedelta(seconds=3))
settings.register_profile("quick", derandomize=True, database=None, max_examples=20, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
