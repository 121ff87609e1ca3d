"""Load test of `begroot serve`: 50 concurrent clients for 30 s over a mix of API endpoints and pages.

    .venv/bin/python bench/bench_api.py                 # on a fresh SQLite DB of the samples
    .venv/bin/python bench/bench_api.py --db URL        # on a bigger database
    .venv/bin/python bench/bench_api.py --clients 20 --seconds 10

    .venv/bin/python bench/bench_api.py --db URL --misses 0.5 --workers 2   # half the requests miss the cache

Prints p50 / p95 / p99 latency (ms) and the error count; with wrk also the server's CPU per request. Target: p95 < 50 ms, 0 errors, on the
500-document database (bench/bench_ingest.py's corpus: `--corpus 500` builds it here), cache misses included.

`--misses F`: that share of the requests are made to miss the response cache: random filters and
offsets on /facts and /articles, random search words (each URL also carries a
counter `_=n`, a parameter the API ignores, so even a repeated filter is not served from the cache).
The rest cycle through the fixed mix below, which the cache answers after the warm-up: each mix
request once (timed and printed as the cold first requests), then, with wrk, 3 s of the same load
not counted, so that every worker process (each has its own cache) is warm when measuring starts.

The load comes from `wrk` (Debian package; a C program, so the 2 cores go to the server, not
to the load generator) cycling through the endpoint mix with a Lua script; without wrk, or with
`--driver python`, from 50 asyncio httpx clients in this process, which is itself CPU-bound on a
small machine and so measures the client as much as the server (per-endpoint figures).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
MIX = [
    "/api/v1/documents",
    "/api/v1/articles?program={subject}&limit=20",
    "/api/v1/articles?od=OD%201",
    "/api/v1/articles/{article}",
    "/api/v1/timeline/{subject}?credit=VEK",
    "/api/v1/findings?severity=warning",
    "/api/v1/goals",
    "/api/v1/search?q=opleiding",
    "/api/v1/facts?subject={subject}",
    "/api/v1/facts.csv?credit=VAK&stage=BU",
    "/",
    "/articles/{article}",
    "/search?q=doelgroepverminderingen",
]


# What the cache-missing requests choose from.
CREDITS = ["VAK", "VEK", "AO", "TO", "LO"]
STAGES = ["BO", "BA", "BA-JR", "BU"]
YEARS = [2021, 2022, 2023, 2024]
PROGRAMS: list[str] = []  # the programs of the database served, read from /api/v1/programs
WORDS = ["opleiding", "werk", "activering", "loopbaan", "subsidie", "werkzoekenden", "sociale economie",
         "financiele", "begroting", "doelgroep", "VDAB", "jobbonus"]  # fmt: skip


def miss_path(number: int) -> str:
    """A request the cache cannot answer: random filters and offsets, and a counter to make it unique."""
    kind = random.randrange(4)
    if kind == 0:
        query = f"/api/v1/facts?credit={random.choice(CREDITS)}&stage={random.choice(STAGES)}&limit=50&offset={random.randrange(2000)}"
    elif kind == 1:
        query = f"/api/v1/facts?subject={random.choice(PROGRAMS)}&year={random.choice(YEARS)}&limit=100&offset={random.randrange(200)}"
    elif kind == 2:
        query = f"/api/v1/articles?program={random.choice(PROGRAMS)}&limit=20&offset={random.randrange(1000)}"
    else:
        query = f"/api/v1/search?q={random.choice(WORDS).replace(' ', '+')}&limit=20"
    return f"{query}{'&' if '?' in query else '?'}_={number}"


def sample_db(folder: Path, corpus: int) -> str:
    """A SQLite database of the samples, or of a generated corpus of `corpus` documents."""
    url = f"sqlite:///{folder / 'bench.sqlite'}"
    source = ROOT / "samples"
    if corpus:
        sys.path.insert(0, str(ROOT / "bench"))
        from bench_ingest import write_corpus

        source = folder / "corpus"
        write_corpus(source, corpus)
    command = [sys.executable, "-m", "begroot", "ingest", str(source), "--db", url]
    subprocess.run(command, check=True, capture_output=True)
    return url


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(url: str, port: int, log: Path, workers: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "begroot", "serve", "--db", url, "--port", str(port), "--workers", str(workers)]
    with log.open("wb") as output:  # a file, not a pipe: a full pipe would stall the server
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/documents", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not start")


async def client(base: str, until: float, latencies: dict[str, list[float]], errors: list[str], misses: float) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        while time.monotonic() < until:
            path = miss_path(random.randrange(10**9)) if random.random() < misses else random.choice(MIX)
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: {response.status_code}")
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}")
            label = path.split("?")[0] + (" (miss)" if "_=" in path else "")
            latencies[label].append((time.perf_counter() - start) * 1000)


def percentiles(values: list[float]) -> tuple[float, float, float]:
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


async def run(base: str, clients: int, seconds: float, misses: float) -> tuple[dict[str, list[float]], list[str]]:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    async with httpx.AsyncClient(base_url=base, timeout=300) as warm:  # fill the cache of the fixed mix
        for path in MIX:
            await warm.get(path)
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, until, latencies, errors, misses) for _ in range(clients)))
    return latencies, errors


WRK_SCRIPT = """
paths = {%s}
misses = {%s}
miss_share = %s
counter = 0
setup = function(thread)
  thread:set("seed", math.random(1, 1000000))
end
init = function(args)
  math.randomseed(seed)
end
request = function()
  counter = counter + 1
  if math.random() < miss_share then
    return wrk.format("GET", misses[math.random(#misses)] .. counter)
  end
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %%d %%d %%.3f %%.3f %%.3f\\n", summary.requests, errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
  io.write(string.format("ERRORS connect %%d read %%d write %%d status %%d timeout %%d\\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout))
end
"""


def server_cpu(pid: int) -> float | None:
    """CPU seconds used so far by the server and its worker processes (Linux /proc; None elsewhere).

    Per request it is the figure to compare on a shared machine, where the latencies move with
    whatever else runs."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        total = 0.0
        for each in [pid, *map(int, children)]:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
        return total
    except (OSError, ValueError, IndexError):
        return None


WARM_UP_SECONDS = 3


def run_wrk(base: str, clients: int, seconds: float, folder: Path, misses: float, pid: int) -> None:
    script = folder / "mix.lua"
    # wrk's Lua picks among 5,000 pre-drawn random requests and appends its own counter (the `_=` value).
    drawn = [miss_path(0).removesuffix("0") for _ in range(5000)]
    quoted = ", ".join(f'"{path}"' for path in drawn)
    script.write_text(WRK_SCRIPT % (", ".join(f'"{path}"' for path in MIX), quoted, misses))
    cold = []
    for path in MIX:  # warm up: first requests build the search index and fill the response cache
        start = time.perf_counter()
        httpx.get(f"{base}{path}", timeout=300)
        cold.append((time.perf_counter() - start) * 1000)
    print(
        f"cold first requests: max {max(cold):.0f} ms, median {statistics.median(cold):.0f} ms (not in the figures below)"
    )
    # Each worker process has its own cache, and the requests above reached whichever worker took the
    # connection: a short run of the same load, not counted, warms them all before the measured run.
    warm_up = ["wrk", "-t2", f"-c{clients}", f"-d{WARM_UP_SECONDS}s", "-s", str(script), base]
    subprocess.run(warm_up, capture_output=True, check=True)
    command = ["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "-s", str(script), base]
    cpu_before = server_cpu(pid)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    cpu_after = server_cpu(pid)
    result = next(line for line in output.splitlines() if line.startswith("RESULT"))
    requests, errors, p50, p95, p99 = result.split()[1:]
    print(
        f"driver wrk: {clients} connections, {seconds:.0f} s, {len(MIX)} cached endpoints in turn, "
        f"{misses:.0%} of requests random cache misses"
    )
    print(f"p50 {float(p50):.1f} ms  p95 {float(p95):.1f} ms  p99 {float(p99):.1f} ms")
    print(f"throughput {int(requests) / seconds:.0f} req/s, errors {errors}")
    if cpu_before is not None and cpu_after is not None and int(requests):
        print(
            f"server CPU {1000 * (cpu_after - cpu_before) / int(requests):.2f} ms per request, load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )
    if int(errors):  # which kind: a refused connection, a timeout and an HTTP error need different fixes
        print(next(line for line in output.splitlines() if line.startswith("ERRORS")).lower())
    print("target p95 < 50 ms, 0 errors:", "met" if float(p95) < 50 and int(errors) == 0 else "NOT met")


def report(latencies: dict[str, list[float]], errors: list[str], seconds: float) -> None:
    every = [value for values in latencies.values() for value in values]
    print(f"{'endpoint':<40} {'n':>6} {'p50':>8} {'p95':>8} {'p99':>8}  (ms)")
    for path, values in sorted(latencies.items()):
        print(f"{path:<40} {len(values):>6} " + " ".join(f"{v:>8.1f}" for v in percentiles(values)))
    p50, p95, p99 = percentiles(every)
    print(f"{'all':<40} {len(every):>6} {p50:>8.1f} {p95:>8.1f} {p99:>8.1f}")
    print(
        f"throughput {len(every) / seconds:.0f} req/s, errors {len(errors)}"
        + (f" (first: {errors[0]})" if errors else "")
    )
    print("target p95 < 50 ms, 0 errors:", "met" if p95 < 50 and not errors else "NOT met")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", help="database URL (default: a temp SQLite DB of the samples)")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument(
        "--subject",
        help="the subject of the timeline and facts requests (default: the first program of the database served)",
    )
    parser.add_argument("--driver", choices=["wrk", "python"], default="wrk" if shutil.which("wrk") else "python")
    parser.add_argument("--misses", type=float, default=0.0, help="share of requests made to miss the cache (0-1)")
    parser.add_argument("--workers", type=int, default=1, help="server processes (begroot serve --workers)")
    parser.add_argument("--corpus", type=int, default=0, help="without --db: ingest a generated corpus of N documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.db or sample_db(Path(folder), args.corpus)
        port = free_port()
        log = Path(folder) / "server.log"
        server = start_server(url, port, log, args.workers)
        base = f"http://127.0.0.1:{port}"
        PROGRAMS[:] = [row["code"] for row in httpx.get(f"{base}/api/v1/programs", timeout=60).json()] or ["JD"]
        # A subject the database lacks would make its requests 404s, counted as errors.
        subject = args.subject or PROGRAMS[0]
        article = httpx.get(f"{base}/api/v1/articles?limit=1", timeout=60).json()["items"][0]["code"]
        MIX[:] = [path.replace("{subject}", subject).replace("{article}", article) for path in MIX]
        try:
            if args.driver == "wrk":
                print(f"server: {args.workers} worker process(es)")
                run_wrk(base, args.clients, args.seconds, Path(folder), args.misses, server.pid)
                return
            latencies, errors = asyncio.run(run(base, args.clients, args.seconds, args.misses))
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
            if server.returncode not in (0, -15):
                print(log.read_text(errors="replace")[-2000:], file=sys.stderr)
    report(latencies, errors, args.seconds)


if __name__ == "__main__":
    main()
