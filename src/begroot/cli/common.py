"""Helpers shared by the CLI commands: one-line errors, warnings to stderr, progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console

from ..errors import BegrootError

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


def fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def report_error(error: BegrootError) -> None:
    err.print(f"error: {error}", soft_wrap=True, markup=False)


def warn(document: str, message: str) -> None:
    err.print(f"warning: {document}: {message}", soft_wrap=True, markup=False)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders give their .txt and .pdf files, sorted."""
    result: list[Path] = []
    for path in paths:
        if path.is_dir():
            result.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in {".txt", ".pdf"} and p.is_file()))
        else:
            result.append(path)
    return result


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr for work over several files (silent for one file or off a terminal)."""
    if total < 2 or not err.is_terminal:
        yield lambda _name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("", total=total)
        started = False

        def advance(name: str) -> None:
            nonlocal started
            progress.update(task, description=name, advance=1 if started else 0)
            started = True

        yield advance
        progress.update(task, advance=1)
