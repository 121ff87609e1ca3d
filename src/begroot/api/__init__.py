"""The read-only JSON API (/api/v1); `begroot.app.create_app` mounts it next to the web pages."""

from __future__ import annotations

from .routes import router

__all__ = ["router"]
