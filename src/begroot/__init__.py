"""begroot: Flemish Government budget documents (BBT), made queryable."""

from __future__ import annotations

__version__ = "0.1.0"

from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING

from .parse import extract, parse

if TYPE_CHECKING:
    from .dataset import Dataset


def open(url: str | None = None) -> Dataset:
    """The database as pandas DataFrames (`begroot.dataset`); pandas loads on first use only,
    so the command line's extract and ingest do not carry it."""
    from .dataset import open as open_dataset

    return open_dataset(url)


def __getattr__(name: str) -> ModuleType:
    if name == "dataset":  # `begroot.dataset` without importing it first, as before
        return import_module(".dataset", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["__version__", "extract", "open", "parse"]
