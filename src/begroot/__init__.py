"""begroot: Flemish Government budget documents (BBT), made queryable.

The names below are imported on first use (PEP 562), so that `import begroot` and the
command line stay quick: `begroot.open` brings in pandas and the database, `begroot.extract`
only the reader.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .dataset import open  # begroot.open(url) -> Dataset of pandas DataFrames
    from .parse import extract, parse

# name -> the module that defines it
_LAZY = {"open": "begroot.dataset", "extract": "begroot.parse", "parse": "begroot.parse"}

__all__ = ["__version__", "extract", "open", "parse"]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    try:  # a submodule, as `begroot.dataset` was reachable when everything was imported up front
        return import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
        raise AttributeError(f"module 'begroot' has no attribute {name!r}") from None
