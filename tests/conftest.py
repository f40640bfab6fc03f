"""Shared fixtures: the seed articles and the optional ../shared/data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED_DATA = ROOT.parent / "shared" / "data"
CGTN = SEEDS / "cgtn-2025-03-20-military-leaders-ukraine.txt"
REUTERS = SEEDS / "reuters-2025-03-20-starmer-military-talks.txt"


def shared(*parts: str) -> Path:
    """Path under ../shared/data, skipping the test (with the reason) when it is absent."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"needs {p} (third-party data in ../shared, absent in a fresh clone)")
    return p


@pytest.fixture(scope="session")
def seed_articles():
    from analysis.corpus import load_corpus

    arts = load_corpus([SEEDS])
    return {a.outlet: a for a in arts}
