"""Expensive, read-only products of the tests' set-up (a built library, PDFs converted by LibreOffice), made once
per test run and shared by every pytest-xdist worker: the first worker to need one makes it under a file lock in
the run's own temporary folder, the others wait for it and read it (pytest-xdist's documented pattern).
A test that writes copies it first."""

from __future__ import annotations

import fcntl
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

T = TypeVar("T")


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The temporary folder of this test run, common to its workers (each worker's basetemp is a folder in it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], T]) -> T:
    """`make(folder)`'s result, made once per run in `<run folder>/<name>` (it writes its files there)."""
    root = run_folder(tmp_path_factory)
    folder, result = root / name, root / f"{name}.pickle"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not result.exists():
            folder.mkdir(exist_ok=True)  # a failed attempt may have left it
            made = make(folder)
            result.write_bytes(pickle.dumps(made))
            return made
    loaded: T = pickle.loads(result.read_bytes())
    return loaded
