"""The read-only JSON API (/api/v1); `begroot.app.create_app` mounts it next to the web pages."""

from __future__ import annotations

from .bridge import router as bridge_router
from .overview import router as overview_router
from .routes import router

router.include_router(overview_router)
router.include_router(bridge_router)

__all__ = ["router"]
