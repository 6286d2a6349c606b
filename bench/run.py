"""``python -m bench``: build seeded data of each size, measure, print a table
and write JSON.  See bench/README.md for what each figure means.

``--backend neo4j`` measures the same on Neo4j: a fresh server per size,
started with tools/neo4j (or the empty database NEO4J_URI names)."""

import argparse
import hashlib
import http.client
import json
import logging
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import graph
from graph import demo
from graph.maintenance import counts, now_ms, wipe
from graph.rules import DEFAULT_RULES, period_bounds
from graph.store import keys, rewards, sales, users

from . import baselines, concurrency

SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}
WARM_UP_USERS = 10_000
NEO4J_TOOL = Path(__file__).resolve().parent.parent / "tools" / "neo4j"


def say(*parts):
    print(*parts, file=sys.stderr, flush=True)


def _percent(label, total):
    """A progress callback for ``demo.load``: one stderr line, rewritten at
    every whole percent."""
    state = {"done": 0, "shown": -1}

    def progress(count):
        state["done"] += count
        pct = state["done"] * 100 // max(total, 1)
        if pct != state["shown"]:
            state["shown"] = pct
            print(f"\r{label} {pct:3d} %", end="", file=sys.stderr, flush=True)

    return progress


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def checksum(amounts):
    """Count, total and a digest of every (referrer, amount): equal iff the lines are."""
    text = "\n".join(f"{k}:{v}" for k, v in sorted(amounts.items()))
    return {"lines": len(amounts), "total": sum(amounts.values()),
            "digest": hashlib.sha256(text.encode()).hexdigest()[:16]}


def rss_bytes(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None


def disk_bytes(folder):
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def percentile(samples, q):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- the reward run -----------------------------------------------------------

def reward_run(backend, world, result, loop_limit):
    period = world.periods[-1]
    rules = DEFAULT_RULES
    after = period_bounds(period)[1] + 1
    lines, compute_s = timed(rewards.compute, backend, period)
    expected = checksum({l.referrer_id: l.amount for l in lines})
    run, run_s = timed(rewards.run, backend, period, now=after)
    got = checksum({l["id"].split("|")[1]: l["amount"] for l in _lines_of_run(backend, lines)})
    arrays = baselines.numpy_load(world)
    numpy_amounts, numpy_s = timed(baselines.numpy_rewards, arrays, rules, period)
    db = baselines.sqlite_load(world)
    sqlite_amounts, sqlite_s = timed(baselines.sqlite_rewards, db, rules, period)
    referrers = len(backend.read("bench_referrers"))
    if loop_limit is None or referrers <= loop_limit:
        loop_amounts, loop_s = timed(baselines.naive_loop, backend, rules, period)
        loop = {"seconds": loop_s, "checksum": checksum(loop_amounts), "extrapolated": False}
    else:
        loop = {"seconds": None, "checksum": None, "extrapolated": True}
    result["reward_run"] = {
        "period": period, "referrers": referrers, "lines": run["lines"],
        "refgraph_seconds": run_s, "refgraph_compute_only_seconds": compute_s,
        "numpy_seconds": numpy_s, "sqlite_seconds": sqlite_s, "loop": loop,
        "checksums": {"refgraph": got, "refgraph_preview": expected,
                      "numpy": checksum(numpy_amounts), "sqlite": checksum(sqlite_amounts),
                      "loop": loop["checksum"]},
    }
    sums = [c for c in result["reward_run"]["checksums"].values() if c is not None]
    result["reward_run"]["totals_match"] = all(c == sums[0] for c in sums)
    return result["reward_run"]["totals_match"]


def _lines_of_run(backend, lines):
    return [backend.read_one("reward_line_get", id=line.id)["line"] for line in lines]


# -- ingest -------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_api(database, workers=1, env=None):
    """``refgraph serve`` on a free port, once every one of its ``workers``
    processes answers (they start one after another); ``env`` adds settings."""
    port = free_port()
    env = {**database.api_env(), "REFGRAPH_THREADS": "8", **(env or {})}
    process = subprocess.Popen(
        [sys.executable, "-c", "from api.cli import main; main()", "serve", "--port", str(port),
         "--workers", str(workers)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    answered = set()
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/health")
            response = conn.getresponse()
            response.read()
            conn.close()
            if response.status == 200:
                answered.add(response.getheader("X-Refgraph-Worker"))
                if len(answered) >= workers:
                    return process, port
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("refgraph serve did not start")


def post_many(port, key, bodies, path="/v1/sales"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    for body in bodies:
        conn.request("POST", path, body=json.dumps(body), headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status not in (200, 201):
            raise RuntimeError(f"{path} answered {response.status}")


#: ``serve --workers`` counts measured, and the concurrent clients sending to them
HTTP_WORKERS = (1, 2, 4)
HTTP_CLIENTS = 8


def post_concurrently(port, key, bodies, clients):
    """Seconds to send ``bodies`` from ``clients`` threads, each on its own
    kept-alive connection (which stays with the worker that accepted it)."""
    return concurrency.run_concurrently(lambda mine: post_many(port, key, mine), bodies, clients)


def http_workers(database, key, new_sales, n, engine_rate):
    """Single sales over HTTP at 1, 2 and 4 worker processes, with
    ``HTTP_CLIENTS`` concurrent clients: rates, and ratios to the engine's."""
    figures = {}
    for workers in HTTP_WORKERS:
        api, port = start_api(database, workers)
        try:
            seconds = post_concurrently(port, key, new_sales(f"workers{workers}", n), HTTP_CLIENTS)
        finally:
            api.send_signal(signal.SIGTERM)
            api.wait(60)
        figures[str(workers)] = {"per_s": n / seconds, "vs_engine": n / seconds / engine_rate}
    return {"clients": HTTP_CLIENTS, "by_workers": figures}


def ingest(backend, world, database, result, n):
    merchants = [u["id"] for u in world.users if "merchant" in u["roles"]]
    rnd = random.Random(11)

    def new_sales(tag, count):
        return concurrency.random_sales(merchants, rnd, tag, count)

    rules = DEFAULT_RULES
    engine = new_sales("engine", n)
    started = time.perf_counter()
    for sale in engine:
        sales.record_sale(backend, rules=rules, **sale)
    engine_rate = n / (time.perf_counter() - started)
    # a refund of part of each of those sales, one refund_record per refund
    started = time.perf_counter()
    for sale in engine:
        sales.record_refund(backend, id="refund-" + sale["id"], sale_id=sale["id"],
                            amount=max(1, sale["amount"] // 4), rules=rules)
    refund_rate = n / (time.perf_counter() - started)
    key, _ = keys.create(backend, "operator", name="bench")
    api, port = start_api(database)
    try:
        one = new_sales("http1", n)
        _, s1 = timed(post_many, port, key, one)
        s4 = post_concurrently(port, key, new_sales("http4", n), 4)
        batches = [{"sales": new_sales(f"batch{b}", 1_000)} for b in range(max(2, n // 500))]
        _, sb = timed(post_many, port, key, batches, "/v1/sales:batch")
        api_rss = rss_bytes(api.pid)
    finally:
        api.send_signal(signal.SIGTERM)
        api.wait(60)
    result["ingest"] = {
        "engine_single_statement_per_s": engine_rate,
        "engine_single_refund_per_s": refund_rate,
        "refund_vs_sale_time": engine_rate / refund_rate,
        "http_single_1_client_per_s": n / s1, "http_single_4_clients_per_s": n / s4,
        "http_batch_per_s": 1_000 * len(batches) / sb,
        "http_single_vs_engine": (n / s1) / engine_rate,
        "http_workers": http_workers(database, key, new_sales, n, engine_rate),
    }
    return api_rss


# -- queries ------------------------------------------------------------------

def queries(backend, world, result, n=1_000):
    rnd = random.Random(5)
    sample = [rnd.choice(world.users)["id"] for _ in range(n)]
    measures = {
        "upline": lambda u: users.upline(backend, u),
        "downline_depth3": lambda u: users.downline(backend, u, depth=3, limit=50),
        "balances": lambda u: sales.balances(backend, u),
    }
    result["queries_ms"] = {}
    for name, fn in measures.items():
        samples = []
        for user in sample:
            started = time.perf_counter()
            fn(user)
            samples.append((time.perf_counter() - started) * 1000)
        result["queries_ms"][name] = {"median": statistics.median(samples),
                                      "p99": percentile(samples, 0.99)}


# -- the database of one size ---------------------------------------------------

class Embedded:
    """A fresh embedded FalkorDB in a temporary data directory, deleted after."""

    def __init__(self, label, args):
        self.folder = Path(tempfile.mkdtemp(prefix=f"refgraph-bench-{label}-"))
        try:
            self.backend = graph.open_backend({"GRAPH_URL": "embedded",
                                               "DATA_DIR": str(self.folder),
                                               "APPENDFSYNC": args.appendfsync})
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def api_env(self):
        """``refgraph serve``'s environment: the same data directory."""
        env = {**os.environ, "REFGRAPH_DATA_DIR": str(self.folder)}
        env.pop("REFGRAPH_GRAPH_URL", None)
        return env

    def footprint(self):
        """The server's RSS and its data directory (append-only file)."""
        return {"database_rss_bytes": rss_bytes(self.backend.server.pid()),
                "data_dir_bytes": disk_bytes(self.folder)}

    def close(self):
        try:
            self.backend.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class Neo4j:
    """A fresh Neo4j server for one size, started with ``tools/neo4j/start`` in
    a temporary folder and stopped and deleted after; or, when NEO4J_URI is
    set, that server's database, which must be empty and is wiped after."""

    def __init__(self, label, args):
        self.folder = Path(tempfile.mkdtemp(prefix=f"refgraph-bench-neo4j-{label}-"))
        self.server = None if os.environ.get("NEO4J_URI") else self.folder / "neo4j"
        self.backend = None
        try:
            self.settings = self._start() if self.server else {
                name: os.environ.get(name, default) for name, default in (
                    ("NEO4J_URI", None), ("NEO4J_USER", "neo4j"), ("NEO4J_PASSWORD", ""),
                    ("NEO4J_DATABASE", "neo4j"))}
            self.backend = graph.open_backend({
                "GRAPH_URL": self.settings["NEO4J_URI"],
                "NEO4J_USER": self.settings["NEO4J_USER"],
                "NEO4J_PASSWORD": self.settings["NEO4J_PASSWORD"],
                "NEO4J_DATABASE": self.settings["NEO4J_DATABASE"]})
            nodes, _ = counts(self.backend)
            nodes.pop("Heartbeat", None)
            if nodes:
                raise SystemExit(
                    f"the Neo4j database at {self.settings['NEO4J_URI']} holds data ({nodes}); "
                    "the benchmark needs an empty one (or unset NEO4J_URI: it then starts "
                    "its own server with tools/neo4j)")
        except BaseException:
            self.close(wipe_data=False)
            raise

    def _start(self):
        say(f"starting Neo4j with {NEO4J_TOOL / 'start'} in {self.server}")
        done = subprocess.run([str(NEO4J_TOOL / "start"), "--data", str(self.server),
                               "--port", str(free_port())], stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise RuntimeError("tools/neo4j/start failed (its message is above)")
        exports = dict(line.removeprefix("export ").split("=", 1)
                       for line in done.stdout.splitlines() if line.startswith("export "))
        return exports

    def warm_up(self):
        """Do every measured kind of work once on a 10k-user world (another
        seed), then wipe it.  A fresh JVM runs interpreted code and plans
        each query the first time it meets it: on a fresh server the 10k load
        took 13-20 s and the reward run 1.1-3.5 s, against 6-15 s and
        0.13-0.39 s on a server that had done that work once.  A production
        server is warm; the figures of a size are taken after this.  Returns
        what the cold work took, for the JSON."""
        backend, started = self.backend, time.perf_counter()
        world = demo.generate(WARM_UP_USERS, periods=1, sales_per_merchant=10, seed=8)
        _, load_s = timed(demo.load, backend, world)
        period = world.periods[-1]
        _, run_s = timed(rewards.run, backend, period, now=period_bounds(period)[1] + 1)
        baselines.naive_loop(backend, DEFAULT_RULES, period)
        queries(backend, world, {}, n=200)
        merchants = [u["id"] for u in world.users if "merchant" in u["roles"]]
        for i in range(200):
            sales.record_sale(backend, id=f"warm-up-{i}", merchant_id=merchants[i % len(merchants)],
                              amount=1_000, currency="CNY", rules=DEFAULT_RULES)
        wipe(backend)
        return {"users": len(world.users), "sales": len(world.sales), "load_seconds": load_s,
                "reward_run_seconds": run_s, "seconds": time.perf_counter() - started}

    def api_env(self):
        """``refgraph serve``'s environment: the same Neo4j database."""
        return {**os.environ, "REFGRAPH_DATA_DIR": str(self.folder / "var"),
                "REFGRAPH_GRAPH_URL": self.settings["NEO4J_URI"],
                "REFGRAPH_NEO4J_USER": self.settings["NEO4J_USER"],
                "REFGRAPH_NEO4J_PASSWORD": self.settings["NEO4J_PASSWORD"],
                "REFGRAPH_NEO4J_DATABASE": self.settings["NEO4J_DATABASE"]}

    def footprint(self):
        """The java process's RSS, then, once the server has stopped (a clean
        stop checkpoints the store into its files), its data folder: the
        store (``databases/``) and the transaction logs (``transactions/``,
        preallocated).  Unknown for a server the benchmark did not start."""
        if self.server is None:
            return {"database_rss_bytes": None, "data_dir_bytes": None}
        rss = rss_bytes(int((self.server / "neo4j.pid").read_text()))
        self.backend.close()
        self.backend = None
        self._stop()
        data = self.server / "data"
        return {"database_rss_bytes": rss, "data_dir_bytes": disk_bytes(data),
                "store_bytes": disk_bytes(data / "databases"),
                "tx_log_bytes": disk_bytes(data / "transactions")}

    def _stop(self):
        if self.server is not None and (self.server / "neo4j.pid").exists():
            subprocess.run([str(NEO4J_TOOL / "stop"), "--data", str(self.server)])

    def close(self, wipe_data=True):
        try:
            if self.backend is not None:
                if self.server is None and wipe_data:
                    wipe(self.backend)
                self.backend.close()
        finally:
            self._stop()
            shutil.rmtree(self.folder, ignore_errors=True)


DATABASES = {"falkordb": Embedded, "neo4j": Neo4j}


# -- one size -------------------------------------------------------------------

def in_statements(backend, fn, *args, **kwargs):
    """``(fn's result, seconds inside the backend's statements)``: the
    statements' time (parameters encoded, the database's work, the answer
    read) against everything else (making the rows in Python)."""
    spent = 0.0
    previous = backend.observer

    def observe(name, kind, seconds, error):
        nonlocal spent
        spent += seconds
        if previous is not None:
            previous(name, kind, seconds, error)

    backend.observer = observe
    try:
        return fn(*args, **kwargs), spent
    finally:
        backend.observer = previous


def _rewrites(server):
    """How many rewrites of the append-only file the server has started."""
    if server is None:
        return None
    with server.client() as conn:
        info = conn.info("persistence")
    return info["aof_rewrites"] + info["aof_rewrite_in_progress"]


def measure(label, n_users, args):
    result = {"size": label, "users": n_users}
    database = DATABASES[args.backend](label, args)
    backend = database.backend
    try:
        if args.backend != "falkordb":
            result["database"] = backend.version()
        if hasattr(database, "warm_up") and not args.smoke:
            say(f"[{label}] warming the server up (a {WARM_UP_USERS:,}-user world, then wiped)")
            result["warm_up"] = database.warm_up()
        say(f"[{label}] generating")
        world, gen_s = timed(demo.generate, n_users, periods=1, sales_per_merchant=10, seed=7)
        result["data"] = {"users": len(world.users), "sales": len(world.sales),
                          "refunds": len(world.refunds), "generate_seconds": gen_s}
        say(f"[{label}] loading {len(world.users)} users, {len(world.sales)} sales")
        (_, load_s), in_statements_s = in_statements(
            backend, timed, demo.load, backend, world,
            progress=_percent(f"[{label}] loaded", demo.steps(world)))
        say()
        result["data"]["load_seconds"] = load_s
        result["data"]["load_statement_seconds"] = in_statements_s
        server = getattr(backend, "server", None)
        if server is not None:
            # The load ends by starting one rewrite of the append-only file
            # (Backend.bulk_load); a reward run timed while the rewrite's fork
            # copies pages on write shares the 2 cores with it (the round-3
            # reward figure was taken so, 2026-12-04 probes): wait for it.
            say(f"[{label}] waiting for the append-only file's rewrite after the load")
            done, wait_s = timed(server.wait_for_rewrite, 1_800)
            result["data"]["compaction_seconds"] = wait_s
            result["data"]["compaction_finished"] = done
        say(f"[{label}] reward run and baselines")
        rewrites = _rewrites(server)
        ok = reward_run(backend, world, result, args.loop_limit)
        if server is not None:
            # a rewrite during the run makes its figure partly a measure of the fork
            result["reward_run"]["rewrite_during_run"] = (
                server.rewriting() or _rewrites(server) != rewrites)
        if not args.smoke:
            say(f"[{label}] queries")
            queries(backend, world, result)
            say(f"[{label}] ingest")
            api_rss = ingest(backend, world, database, result, args.ingest)
            say(f"[{label}] group commit ({args.ingest:,} sales at each level)")
            concurrency.group_commit(backend, world, result, args.ingest,
                                     server=getattr(backend, "server", None), say=say)
            footprint = database.footprint()
            result["memory"] = {"database_rss_bytes": footprint.pop("database_rss_bytes"),
                                "api_rss_bytes": api_rss, **footprint}
        return result, ok
    finally:
        database.close()


def fmt(value, unit=""):
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}{unit}" if value < 10 else f"{value:,.0f}{unit}"
    return f"{value:,}{unit}"


def mib(size):
    return "-" if size is None else fmt(int(size) // 2**20)


def table(results):
    rows = []
    for r in results:
        run = r["reward_run"]
        loop_s = run["loop"]["seconds"]
        rows += [
            (r["size"], "data", f"{r['data']['users']:,} users, {r['data']['sales']:,} sales, "
             f"loaded in {r['data']['load_seconds']:.1f}s"),
        ]
        if "load_statement_seconds" in r["data"]:
            rows.append((r["size"], "  of which inside statements",
                         fmt(r["data"]["load_statement_seconds"], " s")))
        if "compaction_seconds" in r["data"]:
            rows.append((r["size"], "  then its append-only file rewritten",
                         f"in {r['data']['compaction_seconds']:.1f}s"
                         + ("" if r["data"]["compaction_finished"] else " (not finished)")))
        rows += [
            (r["size"], "reward run: refgraph (end to end)",
             fmt(run["refgraph_seconds"], " s")
             + (" (a rewrite ran beside it)" if run.get("rewrite_during_run") else "")),
            (r["size"], "  of which reading + computing", fmt(run["refgraph_compute_only_seconds"], " s")),
            (r["size"], "  NumPy lower bound", fmt(run["numpy_seconds"], " s")),
            (r["size"], "  SQLite", fmt(run["sqlite_seconds"], " s")),
            (r["size"], "  per-referrer loop", fmt(loop_s, " s")),
            (r["size"], "  refgraph / NumPy", fmt(run["refgraph_seconds"] / run["numpy_seconds"], "x")),
            (r["size"], "  SQLite / refgraph", fmt(run["sqlite_seconds"] / run["refgraph_seconds"], "x")),
            (r["size"], "  loop / refgraph", fmt(loop_s / run["refgraph_seconds"], "x") if loop_s else "-"),
            (r["size"], "  totals match", f"{run['totals_match']} ({run['checksums']['refgraph']})"),
        ]
        if "ingest" in r:
            i = r["ingest"]
            rows += [
                (r["size"], "ingest: engine single statement", fmt(i["engine_single_statement_per_s"], " /s")),
                (r["size"], "  engine single refund", fmt(i.get("engine_single_refund_per_s"), " /s")),
                (r["size"], "  refund / sale (time)", fmt(i.get("refund_vs_sale_time"), "x")),
                (r["size"], "  HTTP single, 1 client", fmt(i["http_single_1_client_per_s"], " /s")),
                (r["size"], "  HTTP single, 4 clients", fmt(i["http_single_4_clients_per_s"], " /s")),
                (r["size"], "  HTTP batch", fmt(i["http_batch_per_s"], " /s")),
                (r["size"], "  HTTP single / engine", fmt(i["http_single_vs_engine"], "x")),
            ]
            for workers, w in i.get("http_workers", {}).get("by_workers", {}).items():
                rows.append((r["size"], f"  HTTP single, {workers} worker(s), "
                             f"{i['http_workers']['clients']} clients",
                             f"{fmt(w['per_s'], ' /s')} ({fmt(w['vs_engine'], 'x')} engine)"))
            if "group_commit" in r:
                rows += concurrency.rows(r["size"], r["group_commit"],
                                         r.get("group_commit_appendfsync"))
            for name, q in r["queries_ms"].items():
                rows.append((r["size"], f"query {name} median / p99",
                             f"{q['median']:.2f} / {q['p99']:.2f} ms"))
            m = r["memory"]
            rows.append((r["size"], "memory: database / API / disk",
                         f"{mib(m['database_rss_bytes'])} MiB / "
                         f"{mib(m['api_rss_bytes'] or 0)} MiB / "
                         f"{mib(m['data_dir_bytes'])} MiB"))
            if "store_bytes" in m:
                rows.append((r["size"], "  disk: store / transaction logs",
                             f"{mib(m['store_bytes'])} MiB / {mib(m['tx_log_bytes'])} MiB"))
    width = max(len(r[1]) for r in rows)
    return "\n".join(f"{size:>5}  {what:<{width}}  {value}" for size, what, value in rows)


#: (label, how to read it from a result) of the figures compared across sizes.
SCALED = [
    ("reward run, refgraph", lambda r: r["reward_run"]["refgraph_seconds"]),
    ("reward run, NumPy", lambda r: r["reward_run"]["numpy_seconds"]),
    ("reward run, SQLite", lambda r: r["reward_run"]["sqlite_seconds"]),
    ("reward run, loop", lambda r: r["reward_run"]["loop"]["seconds"]),
    ("engine single statement rate", lambda r: r["ingest"]["engine_single_statement_per_s"]),
    ("HTTP single rate, 1 client", lambda r: r["ingest"]["http_single_1_client_per_s"]),
    ("HTTP batch rate", lambda r: r["ingest"]["http_batch_per_s"]),
    ("query upline p99", lambda r: r["queries_ms"]["upline"]["p99"]),
    ("query downline p99", lambda r: r["queries_ms"]["downline_depth3"]["p99"]),
    ("query balances p99", lambda r: r["queries_ms"]["balances"]["p99"]),
    ("database RSS", lambda r: r["memory"]["database_rss_bytes"]),
    ("data directory", lambda r: r["memory"]["data_dir_bytes"]),
]


def scaling(results):
    """How each figure grows from one size to the next, as a ratio (a 10x
    larger network with a ratio of 10 grows linearly)."""
    rows = []
    for small, large in zip(results, results[1:], strict=False):
        step = f"{small['size']}->{large['size']}"
        for label, get in SCALED:
            try:
                a, b = get(small), get(large)
            except KeyError:
                continue
            if a and b:
                rows.append(f"{step:>10}  {label:<32}  x{b / a:,.2f}")
    return "\n".join(rows)


#: (label, how to read it from a result) of the rows of the side-by-side table.
COMPARED = [
    ("data loaded (users / sales)", lambda r: f"{r['data']['users']:,} / {r['data']['sales']:,} "
     f"in {r['data']['load_seconds']:,.1f} s"),
    ("reward run, refgraph end to end", lambda r: fmt(r["reward_run"]["refgraph_seconds"], " s")),
    ("of which reading + computing",
     lambda r: fmt(r["reward_run"]["refgraph_compute_only_seconds"], " s")),
    ("NumPy lower bound", lambda r: fmt(r["reward_run"]["numpy_seconds"], " s")),
    ("SQLite", lambda r: fmt(r["reward_run"]["sqlite_seconds"], " s")),
    ("per-referrer loop", lambda r: fmt(r["reward_run"]["loop"]["seconds"], " s")),
    ("refgraph / NumPy", lambda r: fmt(r["reward_run"]["refgraph_seconds"]
                                       / r["reward_run"]["numpy_seconds"], "x")),
    ("SQLite / refgraph", lambda r: fmt(r["reward_run"]["sqlite_seconds"]
                                        / r["reward_run"]["refgraph_seconds"], "x")),
    ("loop / refgraph", lambda r: fmt(r["reward_run"]["loop"]["seconds"]
                                      / r["reward_run"]["refgraph_seconds"], "x")),
    ("totals match (lines, total, digest)", lambda r: "{} {lines:,}, {total:,}, {digest}".format(
        "yes" if r["reward_run"]["totals_match"] else "NO", **r["reward_run"]["checksums"]["refgraph"])),
    ("engine single statement", lambda r: fmt(r["ingest"]["engine_single_statement_per_s"], " /s")),
    ("engine single refund", lambda r: fmt(r["ingest"].get("engine_single_refund_per_s"), " /s")),
    ("refund / sale (time; target at most 1x)",
     lambda r: fmt(r["ingest"].get("refund_vs_sale_time"), "x")),
    ("HTTP single, 1 client", lambda r: fmt(r["ingest"]["http_single_1_client_per_s"], " /s")),
    ("HTTP single, 4 clients", lambda r: fmt(r["ingest"]["http_single_4_clients_per_s"], " /s")),
    ("HTTP batch (1,000 per request)", lambda r: fmt(r["ingest"]["http_batch_per_s"], " /s")),
    ("HTTP single / engine", lambda r: fmt(r["ingest"]["http_single_vs_engine"], "x")),
] + [
    (f"HTTP single, {workers} worker(s), {HTTP_CLIENTS} clients (x engine)",
     lambda r, workers=str(workers): "{} ({})".format(
         fmt(r["ingest"]["http_workers"]["by_workers"][workers]["per_s"], " /s"),
         fmt(r["ingest"]["http_workers"]["by_workers"][workers]["vs_engine"], "x"))
     if "http_workers" in r["ingest"] else "-")
    for workers in HTTP_WORKERS
] + [
    (f"{name} median / p99", lambda r, name=key: "{median:.2f} / {p99:.2f} ms".format(
        **r["queries_ms"][name]))
    for key, name in (("upline", "upline"), ("downline_depth3", "downline to depth 3"),
                      ("balances", "balances"))
] + [
    ("memory: database RSS", lambda r: f"{mib(r['memory']['database_rss_bytes'])} MiB"),
    ("memory: API RSS", lambda r: f"{mib(r['memory']['api_rss_bytes'])} MiB"),
    ("database on disk", lambda r: f"{mib(r['memory']['data_dir_bytes'])} MiB"),
    ("of which store / transaction logs", lambda r: f"{mib(r['memory']['store_bytes'])} / "
     f"{mib(r['memory']['tx_log_bytes'])} MiB"),
    ("fresh server: first 10k load / reward run", lambda r: "{:,.1f} s / {:,.2f} s".format(
        r["warm_up"]["load_seconds"], r["warm_up"]["reward_run_seconds"])),
]


def median_of(results):
    """One result whose every figure is the median of the given results'
    (several runs of one size on one backend); a flag holds only if it holds
    in every run; text and lists come from the first run."""
    def merge(values):
        first = values[0]
        if isinstance(first, dict):
            return {key: merge([v.get(key) if isinstance(v, dict) else None for v in values])
                    for key in first}
        if isinstance(first, bool):
            return all(values)
        if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
            return statistics.median_low(values)
        if all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            return statistics.median(values)
        return first
    return merge(results)


def side_by_side(reports):
    """A Markdown table with one column per (size, backend) of the reports
    given: the README's comparison.  Several runs of the same size and
    backend make one column of their medians.  Figures a report lacks show
    as -."""
    runs = {}
    for report in reports:
        for result in report["results"]:
            runs.setdefault((result["size"], report.get("backend", "falkordb")), []).append(result)
    columns = sorted(runs, key=lambda c: (list(SIZES).index(c[0]), c[1]))
    lines = ["| figure | " + " | ".join(
                f"{size} {backend}" + (f" (median of {len(runs[size, backend])})"
                                       if len(runs[size, backend]) > 1 else "")
                for size, backend in columns) + " |",
             "| --- |" + " --- |" * len(columns)]
    for label, get in COMPARED:
        cells = []
        for column in columns:
            try:
                cells.append(get(median_of(runs[column])))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("-")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--backend", default="falkordb", choices=list(DATABASES),
                        help="falkordb: the embedded database (default); neo4j: a Neo4j "
                             "server started with tools/neo4j, or NEO4J_URI's if set")
    parser.add_argument("--sizes", default="10k,100k",
                        help="comma-separated sizes among 10k, 100k, 1m (default 10k,100k)")
    parser.add_argument("--smoke", action="store_true",
                        help="reward run and baselines only; fail unless totals match")
    parser.add_argument("--ingest", type=int, default=2_000,
                        help="single-sale requests per ingest measurement")
    parser.add_argument("--loop-limit", type=int, default=None,
                        help="skip the per-referrer loop above this many referrers")
    parser.add_argument("--appendfsync", default="always", choices=["always", "everysec", "no"],
                        help="the embedded database's fsync policy (falkordb only)")
    parser.add_argument("--json", default=None, help="where to write results (default "
                        "bench/results.json, or bench/results-neo4j.json with --backend neo4j)")
    parser.add_argument("--compare", nargs="+", metavar="JSON",
                        help="measure nothing: print the side-by-side Markdown table of "
                             "these result files (the median of several runs of a size)")
    args = parser.parse_args(argv)
    if args.compare:
        print(side_by_side([json.loads(Path(p).read_text()) for p in args.compare]))
        return
    # Neo4j warns about every property key a query names before any node has
    # it (e.g. released_at before the first release): noise in a benchmark.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    args.json = args.json or ("bench/results.json" if args.backend == "falkordb"
                              else f"bench/results-{args.backend}.json")
    results, all_ok = [], True
    for label in args.sizes.split(","):
        if label not in SIZES:
            parser.error(f"unknown size {label!r}; choose among {', '.join(SIZES)}")
        load_before = os.getloadavg()
        result, ok = measure(label, SIZES[label], args)
        result["load_average"] = {"before": load_before, "after": os.getloadavg()}
        results.append(result)
        all_ok &= ok
        say(f"[{label}] done")
    report = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "platform": platform.platform()},
              "backend": args.backend}
    if args.backend == "falkordb":
        report["appendfsync"] = args.appendfsync
    elif not os.environ.get("NEO4J_URI"):
        # what tools/neo4j/start gives the server it starts (its defaults)
        report["neo4j"] = {"heap": os.environ.get("NEO4J_HEAP", "2g"),
                           "pagecache": os.environ.get("NEO4J_PAGECACHE", "3g")}
    report.update({"at": now_ms(), "results": results})
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2))
    if args.backend != "falkordb":
        print(f"backend: {results[0].get('database', args.backend)}")
    print(table(results))
    if len(results) > 1:
        print("\nscaling (ratio of each figure to the previous size's):")
        print(scaling(results))
    print(f"\nJSON: {args.json}")
    if not all_ok:
        print("TOTALS DO NOT MATCH", file=sys.stderr)
        sys.exit(1)
