"""``python -m bench.storefront``: single sales the way storefronts send them,
through HTTP.

One sale per ``POST /v1/sales`` request, from 1, 4, 16 and 64 concurrent
keep-alive client connections, against ``refgraph serve`` with one service
process and then ``--workers 2``, each with ``REFGRAPH_GROUP_COMMIT`` on and
off (passed through the environment and recorded; a service without group
commit ignores it), beside the batch rate (``POST /v1/sales:batch``, 1,000
sales a request) of the same service.  At each level: the rate, p50 and p99
latency as the client sees it, the service's CPU per request (every process
of ``refgraph serve``, from ``/proc/<pid>/stat``), the database's CPU per
sale (the embedded FalkorDB server or Neo4j's java process, likewise) and
the client's own CPU per request (this process), so that what bounds each
figure shows: service CPU, database CPU, the client, or the fsync.  On the
embedded FalkorDB also the bytes the service sent the database per sale and
the growth of its append-only file per 1,000 sales.

The graph is a seeded demo world (``--users``, 20,000 by default: this
2-core machine runs the whole curve in minutes).  The key is an operator
key (merchant keys are rate-limited to ``RATE_LIMIT`` a second each).
Results go to a JSON file like ``python -m bench``'s; nothing is asserted on
time.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import resource
import signal
import subprocess
import threading
import time
from pathlib import Path
from types import SimpleNamespace

from graph import demo
from graph.maintenance import now_ms
from graph.store import keys

from . import concurrency
from .run import DATABASES, percentile, say, start_api, timed

LEVELS = (1, 4, 16, 64)
TICKS = os.sysconf("SC_CLK_TCK")
BATCH = 1_000


# -- CPU of processes ----------------------------------------------------------

def cpu_seconds(pid: int) -> float:
    """User + system CPU of process ``pid`` (all its threads) so far, or 0
    when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # fields[0] is the state (field 3 of proc(5)); utime and stime are 14, 15
    return (int(fields[11]) + int(fields[12])) / TICKS


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid:
            found.append(int(entry))
    return found


class Meter:
    """CPU of a set of processes, this process's own, and the wall clock,
    between :meth:`start` and :meth:`stop`."""

    def __init__(self, service: list[int], database: int | None) -> None:
        self.service, self.database = service, database

    def _read(self) -> tuple[float, float, float, float]:
        own = resource.getrusage(resource.RUSAGE_SELF)
        return (sum(cpu_seconds(pid) for pid in self.service),
                cpu_seconds(self.database) if self.database else 0.0,
                own.ru_utime + own.ru_stime, time.perf_counter())

    def start(self) -> None:
        self._before = self._read()

    def stop(self) -> dict[str, float]:
        after = self._read()
        service, database, client, wall = (b - a for a, b in zip(self._before, after,
                                                                   strict=True))
        return {"service_cpu_s": service, "database_cpu_s": database,
                "client_cpu_s": client, "seconds": wall}


# -- the service -----------------------------------------------------------------

def start_service(database, workers: int, group_commit: bool, threads: int | None):
    """``refgraph serve --workers N`` on a free port, once each process answers."""
    env = {"REFGRAPH_GROUP_COMMIT": json.dumps(group_commit)}
    if threads:
        env["REFGRAPH_THREADS"] = str(threads)
    return start_api(database, workers, env)


def stop_service(process) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def service_pids(process) -> list[int]:
    """``refgraph serve`` and its worker processes (and theirs)."""
    found, todo = [], [process.pid]
    while todo:
        pid = todo.pop()
        if pid not in found:
            found.append(pid)
            todo.extend(children(pid))
    return found


# -- clients -----------------------------------------------------------------------

def send(port: int, key: str, bodies, path: str, latencies: list[float]) -> None:
    """POST each body on one kept-alive connection; the latency of each."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    mine = []
    try:
        for body in bodies:
            payload = json.dumps(body)
            started = time.perf_counter()
            conn.request("POST", path, body=payload, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status not in (200, 201):
                raise RuntimeError(f"{path} answered {response.status}")
    finally:
        conn.close()
        latencies.extend(mine)


def level(port, key, bodies, clients, meter, database_info, path="/v1/sales"):
    """Send ``bodies`` from ``clients`` connections; rate, latency, CPU."""
    latencies: list[float] = []
    lock = threading.Lock()

    def work(mine):
        got: list[float] = []
        send(port, key, mine, path, got)
        with lock:
            latencies.extend(got)

    before = database_info()
    meter.start()
    concurrency.run_concurrently(work, bodies, clients)
    cpu = meter.stop()
    after = database_info()
    n = len(bodies)
    sales_sent = n * (len(bodies[0]["sales"]) if "sales" in bodies[0] else 1)
    figures = {
        "clients": clients, "requests": n, "sales": sales_sent,
        "per_s": sales_sent / cpu["seconds"],
        "p50_ms": percentile(latencies, 0.50) * 1000,
        "p99_ms": percentile(latencies, 0.99) * 1000,
        "service_cpu_ms_per_request": cpu["service_cpu_s"] * 1000 / n,
        "database_cpu_ms_per_sale": cpu["database_cpu_s"] * 1000 / sales_sent,
        "client_cpu_ms_per_request": cpu["client_cpu_s"] * 1000 / n,
        "service_cpu_share": cpu["service_cpu_s"] / cpu["seconds"],
        "database_cpu_share": cpu["database_cpu_s"] / cpu["seconds"],
        "client_cpu_share": cpu["client_cpu_s"] / cpu["seconds"],
    }
    for name in ("net_input_bytes", "aof_bytes"):
        if before.get(name) is not None and after.get(name) is not None:
            figures[f"database_{name}_per_sale"] = (after[name] - before[name]) / sales_sent
    if "aof_rewrites" in before:
        figures["aof_rewrites"] = after["aof_rewrites"] - before["aof_rewrites"]
    return figures


# -- one run -------------------------------------------------------------------------

def database_pid(database) -> int | None:
    server = getattr(database.backend, "server", None)
    if server is not None:
        return server.pid()
    pid_file = getattr(database, "server", None)
    if pid_file is not None and (pid_file / "neo4j.pid").exists():
        return int((pid_file / "neo4j.pid").read_text())
    return None


def falkordb_info(database):
    """What the embedded server has received and logged so far (bytes)."""
    server = getattr(database.backend, "server", None)
    if server is None:
        return lambda: {}

    def read():
        with server.client() as conn:
            stats, persistence = conn.info("stats"), conn.info("persistence")
        return {"net_input_bytes": stats["total_net_input_bytes"],
                "aof_bytes": persistence.get("aof_current_size"),
                "aof_rewrites": persistence["aof_rewrites"]
                + persistence["aof_rewrite_in_progress"]}
    return read


def curve(database, key, merchants, args, workers, group_commit, rnd, say=say):
    """The levels and the batch rate of one ``refgraph serve``."""
    server = getattr(database.backend, "server", None)
    if server is not None:
        # no rewrite of the append-only file during the curve: its growth is
        # then what the sales wrote (put back after)
        server.wait_for_rewrite(600)
        with server.client() as conn:
            rewrite_at = conn.config_get("auto-aof-rewrite-percentage")
            conn.config_set("auto-aof-rewrite-percentage", 0)
    process, port = start_service(database, workers, group_commit, args.threads)
    tag = f"w{workers}{'g' if group_commit else 'n'}"
    try:
        meter = Meter(service_pids(process), database_pid(database))
        info = falkordb_info(database)
        warm = concurrency.random_sales(merchants, rnd, f"{tag}warm", 64)
        level(port, key, warm, 8, meter, info)
        points = []
        for clients in args.levels:
            bodies = concurrency.random_sales(merchants, rnd, f"{tag}c{clients}", args.sales)
            point = level(port, key, bodies, clients, meter, info)
            points.append(point)
            say(f"  workers {workers}, group commit {'on ' if group_commit else 'off'}, "
                f"{clients:>2} clients: {point['per_s']:,.0f} sales/s, p50 "
                f"{point['p50_ms']:.1f} ms, p99 {point['p99_ms']:.1f} ms; CPU ms: service "
                f"{point['service_cpu_ms_per_request']:.2f}/request, database "
                f"{point['database_cpu_ms_per_sale']:.2f}/sale, client "
                f"{point['client_cpu_ms_per_request']:.2f}/request")
        batches = [{"sales": concurrency.random_sales(merchants, rnd, f"{tag}b{b}", BATCH)}
                   for b in range(max(2, args.batch_sales // BATCH))]
        batch = level(port, key, batches, 1, meter, info, path="/v1/sales:batch")
        say(f"  workers {workers}, group commit {'on ' if group_commit else 'off'}, batch: "
            f"{batch['per_s']:,.0f} sales/s; database CPU "
            f"{batch['database_cpu_ms_per_sale']:.3f} ms/sale")
    finally:
        stop_service(process)
        if server is not None:
            with server.client() as conn:
                conn.config_set("auto-aof-rewrite-percentage",
                                rewrite_at["auto-aof-rewrite-percentage"])
    for point in points:
        point["vs_batch"] = point["per_s"] / batch["per_s"]
        point["database_cpu_vs_batch"] = (point["database_cpu_ms_per_sale"]
                                          / max(batch["database_cpu_ms_per_sale"], 1e-9))
    return {"workers": workers, "group_commit": group_commit, "levels": points,
            "batch": batch}


def run(args) -> dict:
    options = SimpleNamespace(appendfsync=args.appendfsync)
    database = DATABASES[args.backend](f"storefront-{args.users}", options)
    report: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                "platform": platform.platform()},
                    "backend": args.backend, "users": args.users,
                    "sales_per_level": args.sales, "threads": args.threads,
                    "appendfsync": args.appendfsync if args.backend == "falkordb" else None,
                    "load_average_before": os.getloadavg()}
    try:
        backend = database.backend
        report["database"] = backend.version()
        say(f"generating and loading {args.users:,} users")
        world = demo.generate(args.users, periods=1, sales_per_merchant=2, seed=7)
        _, report["load_seconds"] = timed(demo.load, backend, world)
        server = getattr(backend, "server", None)
        if server is not None:
            server.wait_for_rewrite(600)
        key, _ = keys.create(backend, "operator", name="bench storefront")
        merchants = [u["id"] for u in world.users if "merchant" in u["roles"]]
        rnd = random.Random(17)
        report["runs"] = []
        for workers in args.workers:
            for group_commit in args.group_commit:
                report["runs"].append(curve(database, key, merchants, args, workers,
                                            group_commit, rnd))
    finally:
        database.close()
    report["load_average_after"] = os.getloadavg()
    report["at"] = now_ms()
    return report


def table(report) -> str:
    lines = [f"{report['database']}, {report['users']:,} users, {report['sales_per_level']:,} "
             "single sales per level, one sale per POST /v1/sales",
             "workers  group-commit  clients  sales/s  p50 ms  p99 ms  vs batch  "
             "service ms/req  db ms/sale  db/batch  client ms/req"]
    for one in report["runs"]:
        for p in one["levels"]:
            lines.append(
                f"{one['workers']:>7}  {'on' if one['group_commit'] else 'off':>12}  "
                f"{p['clients']:>7}  {p['per_s']:>7,.0f}  {p['p50_ms']:>6.1f}  "
                f"{p['p99_ms']:>6.1f}  {p['vs_batch']:>7.2f}x  "
                f"{p['service_cpu_ms_per_request']:>14.2f}  "
                f"{p['database_cpu_ms_per_sale']:>10.2f}  "
                f"{p['database_cpu_vs_batch']:>7.1f}x  {p['client_cpu_ms_per_request']:>13.2f}")
        b = one["batch"]
        lines.append(f"{one['workers']:>7}  {'on' if one['group_commit'] else 'off':>12}  "
                     f"  batch  {b['per_s']:>7,.0f}  ({BATCH:,} sales a request; database "
                     f"{b['database_cpu_ms_per_sale']:.3f} ms/sale)")
    aof = [p.get("database_aof_bytes_per_sale") for one in report["runs"]
           for p in one["levels"] if p.get("database_aof_bytes_per_sale") is not None
           and not p.get("aof_rewrites")]
    sent = [p["database_net_input_bytes_per_sale"] for one in report["runs"]
            for p in one["levels"] if "database_net_input_bytes_per_sale" in p]
    if sent:
        lines.append(f"bytes sent to the database per single sale: {min(sent):,.0f} - "
                     f"{max(sent):,.0f}")
    if aof:
        lines.append(f"append-only file growth per 1,000 single sales: "
                     f"{min(aof) / 1000:,.2f} - {max(aof) / 1000:,.2f} MB")
    return "\n".join(lines)


def _flags(text: str) -> list[bool]:
    choices = {"on": True, "true": True, "off": False, "false": False}
    return [choices[word.strip().lower()] for word in text.split(",")]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.storefront", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--backend", default="falkordb", choices=list(DATABASES))
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--sales", type=int, default=2_000,
                        help="single-sale requests at each level (default 2,000)")
    parser.add_argument("--batch-sales", type=int, default=20_000,
                        help="sales sent through POST /v1/sales:batch (default 20,000)")
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)),
                        help="concurrent client connections (default 1,4,16,64)")
    parser.add_argument("--workers", default="1,2",
                        help="refgraph serve --workers values (default 1,2)")
    parser.add_argument("--group-commit", default="on,off",
                        help="REFGRAPH_GROUP_COMMIT values (default on,off)")
    parser.add_argument("--threads", type=int, default=None,
                        help="REFGRAPH_THREADS of each service process (default: serve's)")
    parser.add_argument("--appendfsync", default="always",
                        choices=["always", "everysec", "no"])
    parser.add_argument("--json", default=None, help="where to write results (default "
                        "bench/storefront-<backend>.json)")
    args = parser.parse_args(argv)
    args.levels = [int(x) for x in args.levels.split(",")]
    args.workers = [int(x) for x in args.workers.split(",")]
    args.group_commit = _flags(args.group_commit)
    args.json = args.json or f"bench/storefront-{args.backend}.json"
    report = run(args)
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(report, indent=2))
    print(table(report))
    print(f"\nJSON: {args.json}")


if __name__ == "__main__":
    main()
