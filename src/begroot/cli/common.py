"""Helpers shared by the CLI commands: one-line errors, warnings to stderr, progress."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

import typer

from ..errors import BegrootError, ExitCode, internal_error_text

if TYPE_CHECKING:
    from rich.console import Console


# Rich (~20 ms of imports) loads the first time something is printed through it: `begroot extract`
# of a clean document never does.
@cache
def err() -> Console:
    """The console on standard error: errors, warnings, progress."""
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@cache
def out() -> Console:
    """The console on standard output: tables and messages that are the command's result."""
    from rich.console import Console

    return Console(highlight=False)


def timeout_option() -> float:
    return typer.Option(  # type: ignore[no-any-return]
        30.0, "--timeout", min=0.0, help="Seconds a write waits for another process's lock before giving up."
    )


def one_of(words: str) -> Callable[[str | None], str | None]:
    """An option's check: its value must be one of the model's `words` (CREDITS, STAGES, SCOPES), looked
    up when the option is given (the model loads with a command, never for `--help`); the error lists them."""

    def check(value: str | None) -> str | None:
        from .. import model

        allowed: tuple[str, ...] = getattr(model, words)
        if value is not None and value not in allowed:
            raise typer.BadParameter(f"{value!r} is not one of {', '.join(allowed)}")
        return value

    return check


def stage_pair(value: tuple[str, str] | None) -> tuple[str, str] | None:
    """`diff --stages X Y`: two of the model's stages."""
    for stage in value or ():
        one_of("STAGES")(stage)
    return value


# A year as documents print them (a year far outside is a typo, and would overflow the database's integer).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def fail(message: str, code: int = 1) -> None:
    from rich.markup import escape

    err().print(f"[red]error:[/red] {escape(message)}", markup=True, soft_wrap=True)
    raise typer.Exit(code)


def report_error(error: BegrootError) -> None:
    err().print(f"error: {error}", soft_wrap=True, markup=False)


def warn(document: str, message: str) -> None:
    err().print(f"warning: {document}: {message}", soft_wrap=True, markup=False)


class Tally:
    """The files of a batch: how many were done, how many failed as bad input, how many met a bug."""

    def __init__(self) -> None:
        self.ok = 0
        self.failed = 0
        self.internal = 0

    def file_failed(self, path: Path, error: Exception) -> None:
        """One line for a file that could not be done; the batch goes on. Only begroot's own errors
        are the file's fault; anything else is a bug, said so (BEGROOT_DEBUG=1: with its traceback)."""
        if isinstance(error, BegrootError):
            report_error(error)
            self.failed += 1
            return
        if os.environ.get("BEGROOT_DEBUG"):
            import traceback

            traceback.print_exception(error, file=sys.stderr)
        err().print(f"error: {path}: {internal_error_text(error)}", soft_wrap=True, markup=False)
        self.internal += 1

    def exit(self, total: int, summary: bool = True) -> None:
        """A summary line when some files of a batch failed, and the exit code: a bug outranks bad input."""
        not_done = self.failed + self.internal
        if summary and total > 1 and not_done:
            bugs = f", {self.internal} of them by an internal error" if self.internal else ""
            err().print(f"{not_done} of {total} files failed{bugs}", soft_wrap=True, markup=False)
        if self.internal:
            raise typer.Exit(ExitCode.INTERNAL)
        if not_done or not total:
            raise typer.Exit(ExitCode.FAILED)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders give their .txt and .pdf files, sorted. A file named on the
    command line is kept whatever it is: reading it reports what is wrong, and the others go on."""
    result: list[Path] = []
    for path in paths:
        if _is_dir(path):
            found = sorted(p for p in _walk(path) if p.suffix.lower() in {".txt", ".pdf"} and p.is_file())
            if not found:
                warn(str(path), "no .txt or .pdf files in this folder")
            result.extend(found)
        else:
            result.append(path)
    if not result:
        raise BegrootError(", ".join(str(p) for p in paths), "no documents to read (.txt or .pdf files)")
    return result


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # e.g. a name too long: reading it will say so
        return False


def _walk(folder: Path) -> Iterator[Path]:
    """Every file under a folder; folders that cannot be listed are reported and skipped."""
    for root, _dirs, files in os.walk(folder, onerror=lambda e: warn(str(e.filename), f"skipped: {e.strerror}")):
        for name in files:
            yield Path(root) / name


# --------------------------------------------------------------------------- output paths
# A regular file is written to a temporary file beside it and renamed into place only when everything
# was written: a failure leaves nothing half-written. Anything else a user can name is written
# through, never replaced: `-` (standard output), a character device (/dev/null), a FIFO, /dev/stdout.
# A symbolic link is followed: its target is written, the link stays.

STANDARD_OUTPUT = "-"
# Names of the process's own streams: they resolve to whatever the stream is (a pipe, a terminal, a
# file the shell opened), which must be written through even when it is a regular file.
_STREAM_NAMES = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/", "/dev/tty")


def is_standard_output(path: Path) -> bool:
    return str(path) == STANDARD_OUTPUT


def written_through(path: Path) -> bool:
    """True for an output that must be opened and written, never renamed onto: not a regular file."""
    if is_standard_output(path):
        return True
    absolute = os.path.abspath(path)
    if absolute.startswith(_STREAM_NAMES) or absolute in {name.rstrip("/") for name in _STREAM_NAMES}:
        return True
    try:
        mode = os.stat(path).st_mode  # follows links: a link to a device is the device
    except OSError:
        return False  # missing (or a dangling link): a new regular file
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def output_file(path: Path, option: str = "--output") -> Path:
    """A file to write to: not a folder; its folder is created when missing."""
    if written_through(path):
        return path
    if path.is_dir():
        raise BegrootError(str(path), f"is a folder; {option} wants a file name here")
    _make_folder(_final(path).parent, option)
    return path


def output_folder(path: Path, option: str = "--output") -> Path:
    """A folder to write files into: not an existing file; created when missing."""
    if is_standard_output(path):
        raise BegrootError(str(path), f"is standard output; this format writes a folder of files ({option})")
    if path.exists() and not path.is_dir():
        raise BegrootError(str(path), f"is a file; {option} wants a folder for this format")
    _make_folder(path, option)
    return path


def refuse_inputs(output: Path | None, inputs: Iterable[Path], option: str = "--output") -> None:
    """An output that is one of the inputs would destroy what is being read: refused before reading."""
    if output is None or is_standard_output(output) or not output.exists():
        return
    for path in inputs:
        try:
            same = os.path.samefile(output, path)
        except OSError:
            continue  # an input that cannot be looked at is reported when it is read
        if same:
            raise BegrootError(str(output), f"is one of the inputs ({path}); {option} wants another file")


def _final(path: Path) -> Path:
    """The file a path names: a symbolic link's target (followed to the end), else the path itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _make_folder(folder: Path, option: str) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BegrootError(str(folder), f"is a file, not a folder ({option})") from None
    except OSError as error:
        raise BegrootError(str(folder), f"cannot make the folder: {error.strerror or error}") from error


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path whose content becomes `path`'s when the block ends without error: renamed onto a
    regular file (a link's target), copied into anything else (standard output, a device, a FIFO)."""
    output_file(path)
    through = written_through(path)
    target = _final(path)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".part", dir=None if through else target.parent
        )
    except OSError as error:  # the user's path, not the temporary name, is what cannot be written
        raise BegrootError(str(path), f"cannot be written: {error.strerror or error}") from error
    os.close(handle)
    os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; the result is an ordinary file
    try:
        yield Path(temporary)
        if through:
            _copy_into(Path(temporary), path)
        else:
            os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _copy_into(source: Path, path: Path) -> None:
    with source.open("rb") as data:
        if is_standard_output(path):
            sys.stdout.flush()
            shutil.copyfileobj(data, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        with path.open("wb") as stream:
            shutil.copyfileobj(data, stream)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def writing_text(path: Path) -> Iterator[IO[str]]:
    """A text stream whose content replaces `path` when the block ends without error; standard output,
    a device or a FIFO is written as the text comes."""
    if is_standard_output(path):
        yield sys.stdout
        sys.stdout.flush()
        return
    if written_through(path):
        output_file(path)
        with path.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        return
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8", newline="") as stream:
        yield stream


@contextmanager
def filling(folder: Path) -> Iterator[Path]:
    """A temporary folder whose files are moved into `folder` when the block ends without error."""
    output_folder(folder)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder.parent))
    except OSError as error:  # the user's path, not the temporary name, is what cannot be written
        raise BegrootError(str(folder), f"cannot be written: {error.strerror or error}") from error
    try:
        yield staging
        for item in sorted(staging.iterdir()):
            os.replace(item, folder / item.name)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr for work over several files (silent for one file or off a terminal)."""
    if total < 2 or not err().is_terminal:
        yield lambda _name: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err(), transient=True) as progress:
        task = progress.add_task("", total=total)
        started = False

        def advance(name: str) -> None:
            nonlocal started
            progress.update(task, description=name, advance=1 if started else 0)
            started = True

        yield advance
        progress.update(task, advance=1)
