"""begroot: Flemish Government budget documents (BBT), made queryable."""

from __future__ import annotations

__version__ = "0.1.0"

from .dataset import open  # begroot.open(url) -> Dataset of pandas DataFrames
from .parse import extract, parse

__all__ = ["__version__", "extract", "open", "parse"]
