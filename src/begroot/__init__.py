"""begroot: Flemish Government budget documents (BBT), made queryable."""

from __future__ import annotations

__version__ = "0.1.0"

from .parse import extract, parse  # noqa: E402

__all__ = ["__version__", "extract", "parse"]
