"""`make bench`: the site in production mode under load, measured against a static file and a bare view.

Steps: build a synthetic dataset, dry-run and import it into fresh PostgreSQL
databases (timed, with their peak memory), start gunicorn on loopback exactly as `make serve` does (Redis cache,
WhiteNoise), drive each page and endpoint with wrk from Debian's packages,
read the SQL query counts from the site's own request log, and compare every
result with two references measured in the same run: the same bytes as a
static file served by WhiteNoise, and the same bytes returned by a bare Django
view. Then a minute of mixed load with an editor writing, counted afterwards.
The report (Markdown) goes to --output and to standard output.

    python -m bench.run --size both --output docs/benchmarks.md

Some 820 lines, one job (a run and its report); the parts — processes, wrk,
the measurements, the Markdown — are small functions in that order.
"""

import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench import synthetic

PROJECT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent
POSTGRES = "postgres://postgres@127.0.0.1:5432"
SIZES = {
    "default": synthetic.Shape(200, 500, real=False),
    "small": synthetic.Shape(20, 50, real=False),
    "real": synthetic.Shape(*synthetic.SHAPES["real"], real=True),
}
HEADERS = {"X-Forwarded-Proto": "https"}  # as from the TLS-terminating load balancer
# The pages built from matrix cells, measured also with no cache at all.
COLD_ROWS = ("framework", "compare-2", "compare-6", "compare-at-releases", "grid")
# One reader at a time: each page and its bare reference, in turn, this long per round (see paired_latency_rounds).
ALONE_SECONDS = 3


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def endpoints(frameworks: list[str], criteria: list[str]) -> dict[str, str]:
    six = sorted(frameworks[:6])
    return {
        "home": "/",
        "frameworks": "/frameworks/",
        "frameworks-filtered": f"/frameworks/?supports={criteria[0]}&level=built_in",
        "framework": f"/frameworks/{frameworks[0]}/",
        "criterion": f"/criteria/{criteria[0]}/",
        "fit": f"/fit/?w-{criteria[0]}=3&w-{criteria[1]}=2&w-{criteria[2]}=1",
        "compare-2": f"/compare/{frameworks[0]}-vs-{frameworks[1]}/",
        "compare-6": f"/compare/{'-vs-'.join(six)}/",
        # Every cell resolved to the statement covering the release named: 1.2 and 2.0 of the same frameworks.
        "compare-at-releases": f"/compare/{six[0]}@1.2-vs-{six[0]}-vs-{six[1]}@2.0-vs-{six[2]}@1.0/",
        # The matrix at a glance: 25 frameworks (a page) × one criterion group (500 criteria: one at a time).
        "grid": "/matrix/",
        "badge": f"/frameworks/{frameworks[0]}/{criteria[0]}/badge.svg",
        "search": "/search/?q=websockets",
        "api-list": "/api/v1/frameworks/",
        "api-assessments": "/api/v1/assessments/?limit=200",
        "api-compare": f"/api/v1/compare/?frameworks={frameworks[0]},{frameworks[1]}",
        "dataset": "/api/v1/dataset/",
    }


# -- processes --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def run(args, env, **kwargs):
    result = subprocess.run(args, cwd=PROJECT, env=env, capture_output=True, text=True, check=False, **kwargs)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, args))} failed:\n{result.stdout}\n{result.stderr}")
    return result


def manage(env, *args):
    return run([PYTHON, "manage.py", *args], env)


def fetch(port: int, path: str, *, headers=None, data=None, method="GET"):
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={**HEADERS, **(headers or {})}, data=data, method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:  # noqa: S310 (our own loopback server)
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@dataclass
class Server:
    port: int
    process: subprocess.Popen
    log_path: Path

    def worker_pids(self) -> list[int]:
        found = subprocess.run(["pgrep", "-P", str(self.process.pid)], capture_output=True, text=True, check=False)
        return [int(pid) for pid in found.stdout.split()]

    def worker_peak_rss_mb(self) -> float:
        peaks = []
        for pid in self.worker_pids():
            status = Path(f"/proc/{pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024)
        return max(peaks, default=0.0)

    def request_log(self) -> list[dict]:
        lines = []
        for line in self.log_path.read_text().splitlines():
            if line.startswith("{") and '"comparesite.requests"' in line:
                lines.append(json.loads(line))
        return lines


@contextmanager
def gunicorn(env, workdir: Path, name: str):
    port = free_port()
    log_path = workdir / f"gunicorn-{name}.log"
    process = subprocess.Popen(
        [BIN / "gunicorn", "comparesite.wsgi", "--config", "comparesite/gunicorn.conf.py"],
        cwd=PROJECT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    server = Server(port, process, log_path)
    try:
        deadline = time.monotonic() + 60
        while fetch_quietly(port, "/healthz") != 200:
            if time.monotonic() > deadline or process.poll() is not None:
                raise SystemExit(f"gunicorn did not start; see {log_path}:\n{log_path.read_text()[-3000:]}")
            time.sleep(0.3)
        yield server
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)


def fetch_quietly(port, path):
    try:
        return fetch(port, path)[0]
    except OSError:
        return None


# -- wrk --------------------------------------------------------------------------------------


@dataclass
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip()).groups()
    return float(number) * UNITS_MS[unit]


def wrk(port: int, path: str, *, seconds: int, connections: int, script: Path | None = None) -> LoadResult:
    args = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "60s"]
    for name, value in HEADERS.items():
        args += ["-H", f"{name}: {value}"]
    if script:
        args += ["-s", str(script)]
    output = run([*args, f"http://127.0.0.1:{port}{path}"], os.environ.copy()).stdout
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if "50" not in latency:
        raise SystemExit(f"wrk completed no request for {path}:\n{output}")
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return LoadResult(
        requests_per_second=float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        p50_ms=_ms(latency["50"]),
        p99_ms=_ms(latency["99"]),
        requests=int(re.search(r"(\d+) requests in", output).group(1)),
        errors=errors,
    )


def paired_rounds(port: int, path: str, reference: str, *, rounds: int, **load):
    """`path` and its `reference` measured in turn, `rounds` times.

    Returns the median round of each and every round's ratio. On a shared
    two-core machine one 8-second sample of the same page varies by ±6 % from
    run to run; ratios of samples taken back to back, repeated, do not hang on
    one unlucky sample.
    """
    pairs = [(wrk(port, path, **load), wrk(port, reference, **load)) for _ in range(rounds)]
    ratios = [measured.requests_per_second / ref.requests_per_second for measured, ref in pairs]

    def median(results):
        return sorted(results, key=lambda result: result.requests_per_second)[len(results) // 2]

    return median([measured for measured, _ in pairs]), median([ref for _, ref in pairs]), ratios


def paired_latency_rounds(port: int, path: str, reference: str, *, rounds: int, seconds: int):
    """One reader's latency of `path` and of its `reference`, measured in turn, `rounds` times.

    Returns the median round of each (by p50) and every round's ratio of p50s. The
    speed of a shared machine drifts by tens of percent within a minute; a ratio
    of samples taken back to back, repeated, does not hang on one drift.
    """
    load = {"seconds": seconds, "connections": 1}
    pairs = [(wrk(port, path, **load), wrk(port, reference, **load)) for _ in range(rounds)]
    ratios = [measured.p50_ms / ref.p50_ms for measured, ref in pairs]

    def median(results):
        return sorted(results, key=lambda result: result.p50_ms)[len(results) // 2]

    return median([measured for measured, _ in pairs]), median([ref for _, ref in pairs]), ratios


def queries_per_request(server: Server, path: str, since: int) -> float | None:
    """The mean SQL query count the site logged for this path during one run."""
    base, _, query = path.partition("?")
    counts = [
        line["queries"] for line in server.request_log()[since:] if line["path"] == base and line["query"] == query
    ]
    return statistics.fmean(counts) if counts else None


# -- the run ----------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    path: str
    size: int
    cached: LoadResult | None = None
    cached_queries: float | None = None
    uncached: LoadResult | None = None
    uncached_queries: float | None = None
    static: LoadResult | None = None
    # Cached ÷ static throughput of each round, measured back to back (see `paired_rounds`).
    cached_vs_static: list[float] = field(default_factory=list)
    bare: LoadResult | None = None
    # One reader at a time: the latency of a request itself, without queueing behind others.
    uncached_alone: LoadResult | None = None
    bare_alone: LoadResult | None = None
    # Uncached ÷ bare p50 of each round, one reader, measured back to back (see `paired_latency_rounds`).
    alone_vs_bare: list[float] = field(default_factory=list)
    # Nothing cached at all (no reader cache, no fragment cache): every cell built on every request.
    cold_alone: LoadResult | None = None
    cold_queries: float | None = None


@dataclass
class Report:
    size_name: str
    frameworks: int
    criteria: int
    assessments: int = 0
    # (seconds, peak MB) of each timed run, each into a fresh database
    imports: list[tuple[float, float]] = field(default_factory=list)
    dry_runs: list[tuple[float, float]] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    worker_peak_mb: float = 0.0
    mixed: dict = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    # The machine's load averages (1, 5, 15 min) when this shape's measurements began and ended.
    load_before: tuple = ()
    load_after: tuple = ()

    @property
    def import_seconds(self) -> float:
        return statistics.median(seconds for seconds, _ in self.imports)

    @property
    def dry_run_seconds(self) -> float:
        return statistics.median(seconds for seconds, _ in self.dry_runs)

    @property
    def import_peak_mb(self) -> float:
        return max(peak for _, peak in self.imports)

    @property
    def dry_run_peak_mb(self) -> float:
        return max(peak for _, peak in self.dry_runs)


def ensure_prerequisites() -> None:
    if not shutil.which("wrk"):
        log("installing wrk from Debian's packages")
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
    for name, port in (("PostgreSQL", 5432), ("Redis", 6379)):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                raise SystemExit(f"{name} is not listening on 127.0.0.1:{port}; the benchmark needs it.")


def fresh_database(name: str) -> str:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    return f"{POSTGRES}/{name}"


def timed_import(env, dataset_file: Path, *options) -> tuple[float, float]:
    """Seconds and peak resident memory (MB) of `manage.py import_dataset`, measured from a wrapper process.

    The wrapper's only child is the import, so its children's peak is the import's own.
    """
    measure = (
        "import resource, subprocess, sys, time; started = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(time.perf_counter() - started, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    result = run([PYTHON, "-c", measure, PYTHON, "manage.py", "import_dataset", str(dataset_file), *options], env)
    seconds, peak = result.stdout.split()
    return float(seconds), float(peak)


# BENCH_SIZE=both: the even shape and the real one, measured one after the other in one run.
BOTH = ("default", "real")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=[*sorted(SIZES), "both"], default="default")
    parser.add_argument("--seconds", type=int, default=8, help="duration of each wrk run")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections per endpoint run")
    parser.add_argument("--rounds", type=int, default=3, help="cached/static measurements per endpoint, in turn")
    parser.add_argument("--mixed-seconds", type=int, default=60)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--import-runs", type=int, default=3, help="timed imports (and dry runs); the median counts")
    args = parser.parse_args(argv)
    ensure_prerequisites()
    reports = [measure(size, args) for size in (BOTH if args.size == "both" else [args.size])]
    text = render(reports, args.size)
    print(text)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text)
        log(f"wrote {args.output}")


def measure(size: str, args) -> "Report":
    """Every measurement of one shape of data, from its import to the mixed load."""
    shape = SIZES[size]
    frameworks, criteria = shape.frameworks, shape.criteria
    report = Report(size, frameworks, criteria, load_before=os.getloadavg())
    workdir = Path(tempfile.mkdtemp(prefix="comparesite-bench-"))
    log(f"working in {workdir}")

    dataset_file = workdir / "dataset.json"
    written = synthetic.write(dataset_file, shape)
    report.assessments = written.assessments
    framework_slugs, criterion_slugs = written.framework_slugs, written.criterion_slugs
    log(f"synthetic dataset: {frameworks} frameworks × {criteria} criteria = {report.assessments} assessments")

    references = workdir / "references"
    static_root = workdir / "static"
    references.mkdir()
    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DJANGO_ENV_FILE": os.devnull,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "1",
        "DJANGO_DB_CONN_MAX_AGE": "60",
        "DATABASE_URL": fresh_database("comparesite_bench"),  # made afresh for each timed import, below
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "CACHE_KEY_PREFIX": f"bench-{secrets.token_hex(4)}",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DATASET_DUMP_DIR": str(workdir / "dumps"),
        "BENCH_REFERENCE_DIR": str(references),
        # One client address drives all the load: lift the per-address API throttle.
        "API_ANON_RATE": "100000000/minute",
        "API_USER_RATE": "100000000/minute",
        "LOG_LEVEL": "INFO",
    }
    report.settings = {
        "workers": os.cpu_count() * 2 + 1,
        "connections": args.connections,
        "seconds": args.seconds,
        "rounds": args.rounds,
    }
    manage(env, "collectstatic", "--noinput")
    # Each run into a fresh database (the last import's is the one measured below). The dry run has a
    # database of its own, as empty as the import's: rolled-back rows would leave dead tuples behind that
    # the import then has to step over. Several runs, because the same import varies by ±15 % here.
    for run in range(1, args.import_runs + 1):
        dry_env = {**env, "DATABASE_URL": fresh_database("comparesite_bench_dry_run")}
        manage(dry_env, "migrate", "--noinput")
        report.dry_runs.append(timed_import(dry_env, dataset_file, "--dry-run"))
        env["DATABASE_URL"] = fresh_database("comparesite_bench")
        manage(env, "migrate", "--noinput")
        report.imports.append(timed_import(env, dataset_file))
        (dry_seconds, dry_peak), (seconds, peak) = report.dry_runs[-1], report.imports[-1]
        log(f"run {run}: dry run {dry_seconds:.1f} s, {dry_peak:.0f} MB; import {seconds:.1f} s, {peak:.0f} MB")
    # The dump is written once per content change; write it now rather than in the first request.
    manage(env, "shell", "-c", "from comparisons.dataset import open_dataset_dump; open_dataset_dump().close()")
    editor_password = re.search(r"password: (\S+)", manage(env, "create_editor", "bench-editor").stdout).group(1)
    del editor_password  # the token below is what the writer uses
    token = manage(env, "drf_create_token", "bench-editor").stdout.split()[2]

    paths = endpoints(framework_slugs, criterion_slugs)
    # The references: each endpoint's bytes as a static file and behind the bare view.
    with gunicorn(env, workdir, "capture") as server:
        for name, path in paths.items():
            status, headers, body = fetch(server.port, path)
            if status != 200:
                raise SystemExit(f"{path} answered {status}: {body[:500]!r}")
            (references / name).write_bytes(body)
            (references / f"{name}.type").write_text(headers["Content-Type"])
            report.rows.append(Row(name, path, len(body)))
    static_copy = static_root / "bench"
    static_copy.mkdir()
    for row in report.rows:
        shutil.copy(references / row.name, static_copy / f"{row.name}.html")

    def load_for(row):
        # The dump is tens of megabytes a request: fewer connections, more time.
        if row.name == "dataset":
            return {"seconds": max(args.seconds, 15), "connections": 2}
        return {"seconds": args.seconds, "connections": args.connections}

    with gunicorn(env, workdir, "cached") as server:
        for row in report.rows:
            load = load_for(row)
            fetch(server.port, row.path)  # fill the reader cache
            since = len(server.request_log())
            row.cached, row.static, row.cached_vs_static = paired_rounds(
                server.port, row.path, f"/static/bench/{row.name}.html", rounds=args.rounds, **load
            )
            row.cached_queries = queries_per_request(server, row.path, since)
            row.bare = wrk(server.port, f"/__bench/bare/{row.name}", **load)
            ratios = ", ".join(f"{ratio:.0%}" for ratio in row.cached_vs_static)
            log(f"cached   {row.name}: {row.cached.requests_per_second:.0f} req/s ({ratios} of static)")
            static, bare = row.static.requests_per_second, row.bare.requests_per_second
            log(f"refs     {row.name}: static {static:.0f} req/s, bare {bare:.0f} req/s")
        report.worker_peak_mb = server.worker_peak_rss_mb()

    with gunicorn({**env, "READER_CACHE_SECONDS": "0"}, workdir, "uncached") as server:
        for row in report.rows:
            load = load_for(row)
            since = len(server.request_log())
            row.uncached = wrk(server.port, row.path, **load)
            row.uncached_queries = queries_per_request(server, row.path, since)
            log(f"uncached {row.name}: {row.uncached.requests_per_second:.0f} req/s, p50 {row.uncached.p50_ms:.1f} ms")
            row.uncached_alone, row.bare_alone, row.alone_vs_bare = paired_latency_rounds(
                server.port, row.path, f"/__bench/bare/{row.name}", rounds=args.rounds, seconds=ALONE_SECONDS
            )
            uncached, bare = row.uncached_alone.p50_ms, row.bare_alone.p50_ms
            log(f"alone    {row.name}: p50 {uncached:.1f} ms, bare {bare:.1f} ms ({_times(row.alone_vs_bare)})")
        report.worker_peak_mb = max(report.worker_peak_mb, server.worker_peak_rss_mb())

    # Matrix pages once more with the fragment cache off too: what building every cell costs.
    cold_env = {**env, "READER_CACHE_SECONDS": "0", "FRAGMENT_CACHE_SECONDS": "0"}
    with gunicorn(cold_env, workdir, "cold") as server:
        for row in report.rows:
            if row.name not in COLD_ROWS:
                continue
            since = len(server.request_log())
            row.cold_alone = wrk(server.port, row.path, seconds=max(4, args.seconds // 2), connections=1)
            row.cold_queries = queries_per_request(server, row.path, since)
            log(f"cold     {row.name}: p50 {row.cold_alone.p50_ms:.1f} ms")

    with gunicorn(env, workdir, "mixed") as server:
        report.mixed = mixed_load(server, report.rows, token, framework_slugs, criterion_slugs, args, workdir, env)
        report.worker_peak_mb = max(report.worker_peak_mb, server.worker_peak_rss_mb())

    report.load_after = os.getloadavg()
    return report


def mixed_load(server, rows, token, framework_slugs, criterion_slugs, args, workdir, env) -> dict:
    """Readers on every endpoint (64 connections) while an editor writes through the API; count after."""
    script = workdir / "rotate.lua"
    paths = ", ".join(json.dumps(row.path) for row in rows if row.name != "dataset")
    script.write_text(
        f"paths = {{{paths}}}\n"
        "i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i], {["X-Forwarded-Proto"] = "https"})\n'
        "end\n"
    )
    writes = {"succeeded": 0, "conflicts": 0, "errors": 0}
    written = []
    stop = threading.Event()

    def editor():
        n = 0
        while not stop.is_set():
            framework = framework_slugs[n % len(framework_slugs)]
            criterion = criterion_slugs[(n * 7) % len(criterion_slugs)]
            path = f"/api/v1/assessments/{framework}/{criterion}/"
            auth = {"Authorization": f"Token {token}", "Content-Type": "application/json"}
            status, _, body = fetch(server.port, path, headers=auth)
            if status != 200:
                writes["errors"] += 1
                continue
            summary = f"Bench write {n}"
            payload = json.dumps({"summary": summary, "version": json.loads(body)["version"]}).encode()
            status, _, _ = fetch(server.port, path, headers=auth, data=payload, method="PATCH")
            if status == 200:
                writes["succeeded"] += 1
                written.append((framework, criterion, summary))
            elif status == 409:
                writes["conflicts"] += 1
            else:
                writes["errors"] += 1
            n += 1

    thread = threading.Thread(target=editor)
    thread.start()
    try:
        readers = wrk(server.port, "/", seconds=args.mixed_seconds, connections=64, script=script)
    finally:
        stop.set()
        thread.join()
    # Every acknowledged write must be in the database, and readers must be served it.
    last = {}
    for framework, criterion, summary in written:
        last[(framework, criterion)] = summary
    check = (
        "import json, sys; from comparisons.models import Assessment; "
        "wanted = json.loads(sys.stdin.read()); "
        "found = {(a.framework.slug, a.criterion.slug): a.summary for a in "
        "Assessment.objects.filter(summary__startswith='Bench write').select_related('framework', 'criterion')}; "
        "print(sum(1 for f, c, s in wanted if found.get((f, c)) != s))"
    )
    wanted = json.dumps([[f, c, s] for (f, c), s in last.items()])
    lost = int(
        subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", check],
            cwd=PROJECT,
            env=env,
            input=wanted,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]  # after the shell's note on what it imported
    )
    framework, criterion = next(iter(last)) if last else (framework_slugs[0], criterion_slugs[0])
    # The criterion's page shows every framework's cell on it (a framework's page shows one group at a time).
    _, _, page = fetch(server.port, f"/criteria/{criterion}/")
    served = last.get((framework, criterion), "").encode() in page if last else True
    return {
        "readers": readers,
        "writes": writes,
        "lost_writes": lost,
        "rows_written": len(last),
        "readers_see_last_write": served,
    }


# -- the report -------------------------------------------------------------------------------


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else cpu
    memory = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1)) // 1024 // 1024
    versions = []
    for command in (["psql", "--version"], ["redis-server", "--version"], ["wrk", "--version"]):
        try:
            out = subprocess.run(command, capture_output=True, text=True, check=False)
            versions.append((out.stdout or out.stderr).splitlines()[0].strip())
        except (OSError, IndexError):
            pass
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory} GiB RAM, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}; " + "; ".join(versions)
    )


def _fmt(value, digits=1):
    return "–" if value is None else f"{value:,.{digits}f}"


def _runs(runs: list[tuple[float, float]]) -> str:
    return ", ".join(f"{seconds:.1f}" for seconds, _ in runs) + " s"


def _ratios(ratios: list[float]) -> str:
    """The median ratio, and the range of the rounds when there were several: "51% (48–53)"."""
    median = f"{statistics.median(ratios):.0%}"
    if len(ratios) < 2:
        return median
    return f"{median} ({min(ratios) * 100:.0f}–{max(ratios) * 100:.0f})"


def _times(ratios: list[float]) -> str:
    """The median ratio, and the range of the rounds when there were several: "7.1× (6.8–7.5)"."""
    median = f"{statistics.median(ratios):.1f}×"
    if len(ratios) < 2:
        return median
    return f"{median} ({min(ratios):.1f}–{max(ratios):.1f})"


SHAPE_TITLES = {
    "default": "Even shape: 200 frameworks × 500 criteria",
    "real": "Real shape: 17 frameworks × 17,000 criteria",
    "small": "Small shape: 20 frameworks × 50 criteria",
}


def render(reports: list[Report], size_arg: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        f"Output of `make bench BENCH_SIZE={size_arg}` — reproduce it with that command on a fresh clone.",
        "",
        f"- **Run:** finished {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"- **Machine:** {machine()}",
    ]
    for report in reports:
        lines += ["", f"## {SHAPE_TITLES[report.size_name]}", "", *render_shape(report)]
    return "\n".join(lines) + "\n"


def _load(averages: tuple) -> str:
    return " / ".join(f"{value:.2f}" for value in averages)


def render_shape(report: Report) -> list[str]:
    lines = [
        f"- **Machine load** (1 / 5 / 15-minute load averages on {os.cpu_count()} cores): "
        f"{_load(report.load_before)} when this shape began, {_load(report.load_after)} when it ended.",
        f"- **Data:** {report.frameworks} frameworks × {report.criteria} criteria = "
        f"{report.assessments:,} assessments of synthetic Markdown, "
        f"{'shaped like a published compatibility matrix' if report.size_name == 'real' else 'evenly shaped'} "
        "(`bench/synthetic.py`).",
        f"- **Server:** gunicorn, {report.settings['workers']} sync workers, production settings, "
        "PostgreSQL and Redis on loopback; wrk on the same machine "
        f"({report.settings['connections']} connections, {report.settings['seconds']} s per measurement; "
        f"cached and static measured in turn {report.settings['rounds']} times, their medians shown, "
        f"and so one reader's uncached and bare latency ({ALONE_SECONDS} s each); "
        "the dataset dump: 2 connections, 15 s).",
        f"- **Import** of the dataset (`manage.py import_dataset`, each run into a fresh database; "
        f"the median of {len(report.imports)} runs): **{report.import_seconds:.1f} s** "
        f"({_runs(report.imports)}), peak memory {report.import_peak_mb:.0f} MB; "
        f"the dry run before each (`--dry-run`: checked, written and rolled back) {report.dry_run_seconds:.1f} s "
        f"({_runs(report.dry_runs)}), peak {report.dry_run_peak_mb:.0f} MB.",
        f"- **Worker peak memory** (largest VmHWM of any worker over all runs): **{report.worker_peak_mb:.0f} MB**.",
        "",
        "Cached = a reader's request answered from the reader cache; uncached = the same server with",
        "`READER_CACHE_SECONDS=0`: every request runs its view, queries, forms and templates, and takes",
        "from the fragment cache the parts any page built since the last edit (matrix cells, listing rows,",
        "framework cards, filter forms, search results; see *Nothing cached* below for matrix pages without it).",
        "The references serve each endpoint's own bytes: *static* as a file from",
        "WhiteNoise on the same gunicorn, *bare* from a Django view that only returns them. SQL = mean",
        "queries per request, from the site's request log. *Alone* = one connection, one request at a",
        "time: the latency of the request itself, where the other columns include queueing behind",
        f"{report.settings['connections']} connections on {os.cpu_count()} cores.",
        "",
        "| endpoint | bytes | cached req/s | vs static | uncached req/s | uncached p50 ms | p99 ms "
        "| p50 vs bare | SQL | static req/s | bare req/s | bare p50 ms "
        "| alone: uncached p50 ms | alone: bare p50 ms | alone: vs bare |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in report.rows:
        lines.append(
            f"| {row.name} `{row.path}` | {row.size:,} | {_fmt(row.cached.requests_per_second, 0)} "
            f"| {_ratios(row.cached_vs_static)} "
            f"| {_fmt(row.uncached.requests_per_second, 0)} | {_fmt(row.uncached.p50_ms)} "
            f"| {_fmt(row.uncached.p99_ms)} "
            f"| {row.uncached.p50_ms / row.bare.p50_ms:.1f}× | {_fmt(row.uncached_queries)} "
            f"| {_fmt(row.static.requests_per_second, 0)} | {_fmt(row.bare.requests_per_second, 0)} "
            f"| {_fmt(row.bare.p50_ms)} | {_fmt(row.uncached_alone.p50_ms, 2)} | {_fmt(row.bare_alone.p50_ms, 2)} "
            f"| {_times(row.alone_vs_bare)} |"
        )
    lines += [
        "",
        "### Nothing cached",
        "",
        "The pages with matrix cells on a server with `READER_CACHE_SECONDS=0` and `FRAGMENT_CACHE_SECONDS=0`:",
        "every cell's HTML is built on every request (one connection, one request at a time).",
        "",
        "| endpoint | p50 ms | vs bare | SQL |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in report.rows:
        if row.cold_alone is not None:
            lines.append(
                f"| {row.name} | {_fmt(row.cold_alone.p50_ms, 2)} "
                f"| {row.cold_alone.p50_ms / row.bare_alone.p50_ms:.1f}× | {_fmt(row.cold_queries)} |"
            )
    mixed = report.mixed
    readers = mixed["readers"]
    lines += [
        "",
        "### Mixed load",
        "",
        "Readers on 64 connections for the run's duration, rotating over the pages and API endpoints above "
        "(not the dump), while an editor patches assessments through the API with a token.",
        "",
        f"- Readers: {readers.requests:,} requests, {readers.requests_per_second:,.0f} req/s, "
        f"p50 {readers.p50_ms:.1f} ms, p99 {readers.p99_ms:.1f} ms, **{readers.errors} errors**.",
        f"- Editor: {mixed['writes']['succeeded']} writes acknowledged, {mixed['writes']['conflicts']} version "
        f"conflicts (409, retried), {mixed['writes']['errors']} errors; **{mixed['lost_writes']} lost writes** "
        f"(checked in the database after the run over {mixed['rows_written']} rows); readers served the last "
        f"write: {'yes' if mixed['readers_see_last_write'] else 'NO'}.",
        "",
        "### Targets",
        "",
    ]
    by_name = {row.name: row for row in report.rows}
    pages = [row for row in report.rows if not row.name.startswith(("api", "dataset"))]
    worst_cached = min(statistics.median(row.cached_vs_static) for row in pages)
    six = by_name["compare-6"]
    queries = [row.uncached_queries or 0 for row in report.rows] + [row.cold_queries or 0 for row in report.rows]
    # 100,000 cells in a minute (the default shape); a real matrix of some 300,000 in three.
    import_limit = 60 if report.assessments <= 100_000 else 180
    slowest = max(report.rows, key=lambda row: statistics.median(row.alone_vs_bare))
    slowest_ratio = statistics.median(slowest.alone_vs_bare)
    six_alone = statistics.median(six.alone_vs_bare)
    targets = [
        (
            "Cached anonymous pages ≥ 50 % of static-file throughput (median of rounds)",
            f"worst {worst_cached:.0%}",
            worst_cached >= 0.5,
        ),
        (
            "Uncached compare of 6, one reader at a time: p50 ≤ 10× bare view and < 100 ms",
            f"{six.uncached_alone.p50_ms:.1f} ms = {six_alone:.1f}× bare",
            six_alone <= 10 and six.uncached_alone.p50_ms < 100,
        ),
        (
            f"Uncached compare of 6, {report.settings['connections']} connections: p50 ≤ 10× bare view under the "
            "same load",
            f"{six.uncached.p50_ms:.1f} ms = {six.uncached.p50_ms / six.bare.p50_ms:.1f}× bare "
            f"({six.bare.p50_ms:.1f} ms)",
            six.uncached.p50_ms <= 10 * six.bare.p50_ms,
        ),
        (
            "Every page and endpoint uncached, one reader at a time: p50 ≤ 10× bare view",
            f"worst {slowest.name}: {slowest_ratio:.1f}×",
            slowest_ratio <= 10,
        ),
        ("Every page and endpoint ≤ 10 SQL queries", f"max {max(queries):.1f}", max(queries) <= 10),
        ("Worker memory < 200 MB", f"{report.worker_peak_mb:.0f} MB", report.worker_peak_mb < 200),
        (
            f"Import of {report.assessments:,} assessments < {import_limit} s and < 500 MB, the dry run too",
            f"{report.import_seconds:.1f} s, {report.import_peak_mb:.0f} MB; "
            f"dry run {report.dry_run_seconds:.1f} s, {report.dry_run_peak_mb:.0f} MB",
            max(report.import_seconds, report.dry_run_seconds) < import_limit
            and max(report.import_peak_mb, report.dry_run_peak_mb) < 500,
        ),
        (
            "Mixed load: zero errors, zero lost writes",
            f"{readers.errors + mixed['writes']['errors']} errors, {mixed['lost_writes']} lost",
            readers.errors == 0 and mixed["writes"]["errors"] == 0 and mixed["lost_writes"] == 0,
        ),
    ]
    lines += ["| target | measured | met |", "| --- | --- | --- |"]
    lines += [f"| {name} | {measured} | {'yes' if met else '**no**'} |" for name, measured, met in targets]
    cold = six.cold_alone.p50_ms / six.bare_alone.p50_ms
    connections, cores = report.settings["connections"], os.cpu_count()
    lines += [
        "",
        "*< 100 ms* bounds the latency of one request (the second target). Under "
        f"{connections} connections on {cores} cores a request's p50 is mostly its wait behind the others, "
        f"about {connections}/{cores} × the CPU time of one: the bare view's own p50 there is "
        f"{six.bare.p50_ms:.1f} ms against {six.bare_alone.p50_ms:.1f} ms alone. That row measures throughput "
        f"against the bare view's; at {six.uncached.p50_ms:.0f} ms it is "
        f"{'within' if six.uncached.p50_ms < 100 else 'not within'} 100 ms.",
        "",
        "*Uncached* is read here as the page not cached: the request runs its queries, forms and template, "
        "and takes the parts that other pages built (cells, rows, cards, forms) from the fragment cache. "
        "With nothing cached at all "
        f"(see above) the compare of 6 takes {six.cold_alone.p50_ms:.1f} ms, {cold:.1f}× the bare view: "
        f"{'within' if cold <= 10 else 'not within'} 10× on that stricter reading.",
    ]
    return lines


if __name__ == "__main__":
    main()
