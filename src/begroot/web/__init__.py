"""The web pages (Jinja2, server-rendered); charts are drawn by static/charts.js on top of readable tables."""

from __future__ import annotations

from .routes import install

__all__ = ["install"]
