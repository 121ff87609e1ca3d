"""`begroot serve`: the JSON API and the web pages over HTTP (uvicorn)."""

from __future__ import annotations

import typer

from . import app
from .store import DB_OPTION


@app.command()
def serve(
    db: str | None = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
) -> None:
    """Serve the dashboard (/) and the read-only JSON API (/api/v1, docs at /api/docs)."""
    import uvicorn

    from ..app import create_app

    uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False)
