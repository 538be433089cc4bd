"""Where the shared gold annotations live: never an absolute path.

``$BRIEFING_SHARED`` if set, else ``shared/`` beside the checkout (``ROOT.parent / "shared"``).
Tests that need the gold skip, with ``MISSING`` as the message, when it is not there.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ["BRIEFING_SHARED"]) if os.environ.get("BRIEFING_SHARED") else ROOT.parent / "shared"
EVAL = SHARED / "eval"
GOLD = EVAL / "seeds-gold.yaml"
SCORE = EVAL / "score.py"
MISSING = (f"the shared gold is not at {EVAL} (set BRIEFING_SHARED to the folder holding eval/, "
           "or put shared/ beside the checkout)")
