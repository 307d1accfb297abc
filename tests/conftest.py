"""Fixtures for every test."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def _cache_key_folder(tmp_path_factory: pytest.TempPathFactory):
    return tmp_path_factory.mktemp("cache-key")


@pytest.fixture(autouse=True)
def _cache_key_outside_home(_cache_key_folder, monkeypatch: pytest.MonkeyPatch) -> None:
    """The extraction cache's per-user key (matcheck.documents.cache.cache_key_path) in a temporary folder, not in
    the runner's ``~/.config/matcheck/cache.key``: a test that reads with the on-disk cache would create it there
    (subprocesses started by a test inherit the variable)."""
    monkeypatch.setenv("MATCHECK_CACHE_KEY", str(_cache_key_folder / "cache.key"))
