"""Review in the browser: only with a token (serve --review-token-file), after a login form, CSRF-safe,
who and when recorded; without the token every review is refused and the server stays read-only."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from begroot.app import create_app
from begroot.store import Store
from cli import run

SLIDES = Path(__file__).resolve().parent.parent / "samples" / "003_99a07576850413ae.txt"
TOKEN = "a-review-token-of-some-length"


@pytest.fixture()
def stored(db_url: str) -> str:
    done = run("ingest", str(SLIDES), "--db", db_url)  # in this process (tests/cli.py)
    assert done.returncode == 0, done.stderr
    return db_url


def _warning(client: TestClient) -> str:
    return str(client.get("/api/v1/findings", params={"severity": "warning"}).json()["items"][0]["finding_id"])


def test_without_a_token_the_server_is_read_only(stored: str) -> None:
    client = TestClient(create_app(stored), base_url="http://localhost")
    fid = _warning(client)
    assert "/review/login" not in client.get("/audit").text
    refused = client.post(f"/review/{fid}", data={"verdict": "false-positive", "note": "x"})
    assert refused.status_code == 404
    assert client.post("/review/login", data={"token": TOKEN, "by": "me"}).status_code == 404
    with Store(stored) as store:
        assert store.reviews() == []


def test_a_review_needs_the_token_the_cookie_and_the_form_token(stored: str) -> None:
    client = TestClient(create_app(stored, review_token=TOKEN), base_url="http://localhost")
    fid = _warning(client)
    page = client.get("/audit").text
    assert 'action="/review/login"' in page and f'action="/review/{fid}"' not in page
    # no cookie: refused, nothing written
    assert (
        client.post(f"/review/{fid}", data={"verdict": "false-positive", "note": "x", "csrf": "x"}).status_code == 403
    )
    # a wrong token: refused, no cookie
    wrong = client.post("/review/login", data={"token": "guess-" + TOKEN, "by": "me"}, follow_redirects=False)
    assert wrong.status_code == 403 and "begroot_review" not in wrong.headers.get("set-cookie", "")
    with Store(stored) as store:
        assert store.reviews() == []
    # the right token: a cookie, HttpOnly and SameSite=Strict, and the forms appear
    login = client.post("/review/login", data={"token": TOKEN, "by": "Auditor A"}, follow_redirects=False)
    assert login.status_code == 303
    cookie = login.headers["set-cookie"]
    assert "begroot_review=" in cookie and "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    page = client.get("/audit").text
    assert f'action="/review/{fid}"' in page and "Auditor A" in page
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert csrf
    # the cookie without the form's token (a forged cross-site form): refused
    forged = client.post(f"/review/{fid}", data={"verdict": "false-positive", "note": "x", "csrf": "0" * 64})
    assert forged.status_code == 403
    other_site = client.post(f"/review/{fid}", data={"verdict": "false-positive", "note": "x", "csrf": csrf.group(1)},
                             headers={"Origin": "http://evil.example"})  # fmt: skip
    assert other_site.status_code == 403
    with Store(stored) as store:
        assert store.reviews() == []
    # the whole form: stored, with who and when; the page shows it apart and the library stops counting it
    done = client.post(f"/review/{fid}", data={"verdict": "false-positive", "note": "stale slide", "csrf": csrf.group(1)},
                       follow_redirects=False)  # fmt: skip
    assert done.status_code == 303
    with Store(stored) as store:
        [trail] = store.reviews(fid)
    assert (trail["verdict"], trail["reviewer"], trail["note"]) == ("false-positive", "Auditor A", "stale slide")
    assert trail["created_at"] is not None
    assert f'id="finding-{fid}" class="sev-reviewed"' in client.get("/audit").text
    reader = TestClient(create_app(stored, review_token=TOKEN), base_url="http://localhost")  # no cookie
    assert 'data-warnings="0"' in reader.get("/").text and 'name="csrf"' not in reader.get("/audit").text


def test_a_bad_token_file_is_one_line(tmp_path: Path) -> None:
    short = tmp_path / "token"
    short.write_text("short\n")
    done = subprocess.run([sys.executable, "-m", "begroot", "serve", "--review-token-file", str(short)],
                          capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode != 0 and "at least 16 characters" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
