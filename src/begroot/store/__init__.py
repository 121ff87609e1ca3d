"""The database: documents and their facts in SQLite or PostgreSQL, with a cross-document timeline."""

from __future__ import annotations

from .engine import default_url
from .store import CONFLICT_RULE, STAGE_ORDER, Store

__all__ = ["CONFLICT_RULE", "STAGE_ORDER", "Store", "default_url"]
