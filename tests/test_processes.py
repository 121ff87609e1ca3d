"""Processes and HTTP: an ingest's workers end with it, even when it is killed with SIGKILL; the server refuses
a request with two Host headers, or with an absolute-form target naming a host it does not trust.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from begroot.audit import audit_document, load_and_parse
from begroot.store import Store

ROOT = Path(__file__).resolve().parent.parent
REPORT = ROOT / "samples" / "000_487494d7f3174438.txt"
SLIDES = ROOT / "samples" / "003_99a07576850413ae.txt"


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid` (read from /proc), helpers of multiprocessing left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid and fields[0] != "Z" and b"resource_tracker" not in cmdline:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2 :].split()[0] != "Z"  # a zombie has ended; only its parent's reaping is left


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc (Linux)")
def test_workers_end_when_the_ingest_is_killed(tmp_path: Path) -> None:
    files = []
    for number in range(8):  # each a different document, so every one is real work for a worker
        path = tmp_path / f"report-{number}.txt"
        path.write_text(REPORT.read_text(encoding="utf-8") + f"\nKopie {number}\n", encoding="utf-8")
        files.append(str(path))
    ingest = subprocess.Popen(
        [sys.executable, "-m", "begroot", "ingest", *files, "--jobs", "2", "--db", f"sqlite:///{tmp_path / 'k.sqlite'}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers := children(ingest.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(workers) >= 2, "the workers never started"
        os.kill(ingest.pid, signal.SIGKILL)
        ingest.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if alive(pid)], "workers outlived their ingest"
    finally:
        if ingest.poll() is None:
            ingest.kill()
        for pid in workers:  # should one outlive the ingest, it ends here (reparented: no longer its child)
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


# --------------------------------------------------------------------------- HTTP


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """`begroot serve` (uvicorn, as users run it) on a database holding the slide sample."""
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 's.sqlite'}"
    with Store(url) as store:
        document, source = load_and_parse(SLIDES)
        store.ingest(document, [f.as_dict() for f in audit_document(document, source)])
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "begroot", "serve", "--db", url, "--port", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stderr.read() if process.stderr else ""
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def status(port: int, request: str) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        connection.sendall(request.encode("ascii"))
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_a_plain_request_is_answered(server: int) -> None:
    assert status(server, "GET /api/v1/documents HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n") == 200


def test_two_host_headers_are_refused(server: int) -> None:
    for hosts in (("localhost", "evil.example"), ("evil.example", "localhost"), ("localhost", "localhost")):
        request = f"GET /api/v1/documents HTTP/1.1\r\nHost: {hosts[0]}\r\nHost: {hosts[1]}\r\nConnection: close\r\n\r\n"
        assert status(server, request) == 400, hosts


def test_an_absolute_form_target_is_checked_by_its_own_host(server: int) -> None:
    untrusted = "GET http://evil.example/api/v1/documents HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    assert status(server, untrusted) == 400
    trusted = (
        f"GET http://localhost:{server}/api/v1/documents HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"
    )
    assert status(server, trusted) == 200  # RFC 9112: the target's host counts, the Host header is ignored
