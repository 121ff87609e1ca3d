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
    allowed_host: list[str] = typer.Option(
        None,
        "--allowed-host",
        help="Another Host name the server answers to (repeatable); by default only the listening host, "
        "localhost and 127.0.0.1, against DNS rebinding.",
    ),
) -> None:
    """Serve the dashboard (/) and the read-only JSON API (/api/v1, docs at /api/docs).

    The database must exist (`begroot ingest` makes it); the server never creates or changes one.
    """
    import uvicorn

    from ..app import create_app

    application = create_app(db, allowed_hosts=[host, *(allowed_host or [])])  # DatabaseError: one line
    uvicorn.run(application, host=host, port=port, log_level="warning", access_log=False)
