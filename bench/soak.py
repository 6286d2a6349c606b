"""``python -m bench.soak``: a mixed workload against a real ``refgraph serve``
for minutes, at a set share of its measured capacity.

Several client processes register users on referral codes, record sales and
refunds and read balances, users and sale lists, as storefronts do.  First
the capacity of this mix is measured (clients as fast as they can, 20 s);
then the soak runs at ``--load`` (default 80 %) of it for ``--minutes``.
Printed: throughput, p50/p99 per operation, errors (must be 0), and the
memory of the API and of the database at the start, every minute, and at the
end (must not grow without bound).  ``--json PATH`` keeps the figures.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
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
from typing import Any

MIX = (("register", 10), ("sale", 55), ("refund", 5), ("balances", 15), ("user", 10),
       ("sales_list", 5))


def say(*parts: Any) -> None:
    print(*parts, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Client:
    def __init__(self, port: int, key: str) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        data = json.dumps(body) if body is not None else None
        for attempt in range(3):
            try:
                self.conn.request(method, path, data, self.headers)
                response = self.conn.getresponse()
                payload = response.read()
                return response.status, json.loads(payload) if payload else None
            except (OSError, http.client.HTTPException):
                self.conn.close()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")


def worker(n: int, port: int, key: str, seed: dict[str, Any], until: float, rate: float,
           out: Any) -> None:
    """One storefront: the mix, paced at ``rate`` operations a second (0: flat out)."""
    rng = random.Random(n)
    client = Client(port, key)
    ops, weights = zip(*MIX, strict=True)
    latencies: dict[str, list[float]] = {op: [] for op in ops}
    errors: dict[str, int] = {}
    sales: list[tuple[str, int]] = []
    users: list[str] = list(seed["buyers"])
    i = 0
    next_at = time.monotonic()
    while time.monotonic() < until:
        if rate:
            next_at += 1 / rate
            pause = next_at - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        op = rng.choices(ops, weights)[0]
        if op == "refund" and not sales:
            continue
        i += 1
        started = time.perf_counter()
        if op == "register":
            uid = f"c{n}-u{i}"
            status, _ = client.call("POST", "/v1/users", {
                "id": uid, "name": f"User {uid}", "roles": ["buyer"],
                "referral_code": rng.choice(seed["codes"])})
            ok = status == 201
            if ok:
                users.append(uid)
        elif op == "sale":
            sid = f"c{n}-s{i}"
            amount = rng.randint(100, 100_000)
            status, _ = client.call("POST", "/v1/sales", {
                "id": sid, "merchant_id": rng.choice(seed["merchants"]),
                "buyer_id": rng.choice(users), "amount": amount, "currency": "CNY"})
            ok = status == 201
            if ok:
                sales.append((sid, amount))
        elif op == "refund":
            sid, amount = sales.pop(rng.randrange(len(sales)))
            status, _ = client.call("POST", f"/v1/sales/{sid}/refunds",
                                    {"id": f"{sid}-r", "amount": max(1, amount // 3)})
            ok = status == 201
        elif op == "balances":
            status, _ = client.call("GET", f"/v1/users/{rng.choice(users)}/balances")
            ok = status == 200
        elif op == "user":
            status, _ = client.call("GET", f"/v1/users/{rng.choice(users)}")
            ok = status == 200
        else:
            status, _ = client.call(
                "GET", f"/v1/sales?merchant_id={rng.choice(seed['merchants'])}&limit=20")
            ok = status == 200
        latencies[op].append(time.perf_counter() - started)
        if not ok:
            errors[f"{op}:{status}"] = errors.get(f"{op}:{status}", 0) + 1
    out.put({"latencies": latencies, "errors": errors})


class Service:
    """``refgraph serve`` on a fresh embedded database in a temporary folder."""

    def __init__(self, threads: int) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="refgraph-soak-"))
        self.port = free_port()
        self.env = {**os.environ, "REFGRAPH_DATA_DIR": str(self.dir / "var"),
                    "REFGRAPH_ACCESS_LOG": "off"}
        self.env.pop("REFGRAPH_GRAPH_URL", None)
        cli = [sys.executable, "-c", "from api.cli import main; main()"]
        self.key = subprocess.run([*cli, "keys", "create", "--role", "operator"], env=self.env,
                                  capture_output=True, text=True, check=True).stdout.strip()
        self.log = open(self.dir / "serve.log", "w")
        self.process = subprocess.Popen(
            [*cli, "serve", "--port", str(self.port), "--threads", str(threads)],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", self.port), 1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def database_pid(self) -> int:
        return int((self.dir / "var" / "falkordb.pid").read_text())

    def memory(self) -> dict[str, float]:
        return {"api_mib": round(rss_mib(self.process.pid), 1),
                "db_mib": round(rss_mib(self.database_pid()), 1)}

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(60)
        self.log.close()
        shutil.rmtree(self.dir, ignore_errors=True)


def seed(service: Service, merchants: int = 50, buyers: int = 200) -> dict[str, Any]:
    client = Client(service.port, service.key)
    client.call("POST", "/v1/users", {"id": "root", "name": "Platform", "root": True,
                                      "roles": ["merchant"]})
    codes = []
    for i in range(merchants):
        status, user = client.call("POST", "/v1/users", {
            "id": f"m{i}", "name": f"Shop {i}", "roles": ["merchant"], "referrer_id": "root"})
        assert status == 201, user
        codes.append(user["referral_code"])
    for i in range(buyers):
        client.call("POST", "/v1/users", {"id": f"b{i}", "name": f"Buyer {i}", "roles": ["buyer"],
                                          "referral_code": codes[i % len(codes)]})
    return {"merchants": [f"m{i}" for i in range(merchants)], "codes": codes,
            "buyers": [f"b{i}" for i in range(buyers)]}


def run_phase(service: Service, data: dict[str, Any], clients: int, seconds: float,
              rate: float) -> dict[str, Any]:
    out: Any = mp.Queue()
    until = time.monotonic() + seconds
    procs = [mp.Process(target=worker, args=(n, service.port, service.key, data, until,
                                             rate / clients if rate else 0, out))
             for n in range(clients)]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    elapsed = time.monotonic() - started
    latencies: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    for result in results:
        for op, values in result["latencies"].items():
            latencies.setdefault(op, []).extend(values)
        for kind, count in result["errors"].items():
            errors[kind] = errors.get(kind, 0) + count
    total = sum(len(v) for v in latencies.values())
    per_op = {}
    for op, values in latencies.items():
        if values:
            values.sort()
            per_op[op] = {"count": len(values),
                          "p50_ms": round(statistics.median(values) * 1000, 2),
                          "p99_ms": round(values[int(len(values) * 0.99) - 1] * 1000, 2)}
    return {"seconds": round(elapsed, 1), "operations": total,
            "per_second": round(total / elapsed, 1), "errors": errors, "per_op": per_op}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.soak", description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--clients", type=int, default=4, help="client processes")
    parser.add_argument("--load", type=float, default=0.8, help="share of measured capacity")
    parser.add_argument("--threads", type=int, default=8, help="refgraph serve threads")
    parser.add_argument("--json", help="write the figures here")
    args = parser.parse_args(argv)

    service = Service(args.threads)
    try:
        say("seeding 50 merchants and 200 buyers ...")
        data = seed(service)
        say("measuring capacity: every client flat out for 20 s ...")
        capacity = run_phase(service, data, args.clients, 20, 0)
        target = capacity["per_second"] * args.load
        say(f"capacity {capacity['per_second']}/s; soaking at {target:.0f}/s "
            f"for {args.minutes:g} min")
        memory = [{"minute": 0, **service.memory()}]
        phases = []
        for minute in range(1, int(args.minutes) + 1):
            phases.append(run_phase(service, data, args.clients, 60, target))
            memory.append({"minute": minute, **service.memory()})
            last = phases[-1]
            say(f"  minute {minute}: {last['per_second']}/s, errors {sum(last['errors'].values())}, "
                f"API {memory[-1]['api_mib']} MiB, DB {memory[-1]['db_mib']} MiB")
    finally:
        service.stop()
    per_op: dict[str, dict[str, Any]] = {}
    for phase in phases:
        for op, figures in phase["per_op"].items():
            per_op.setdefault(op, {"count": 0, "p50_ms": [], "p99_ms": []})
            per_op[op]["count"] += figures["count"]
            per_op[op]["p50_ms"].append(figures["p50_ms"])
            per_op[op]["p99_ms"].append(figures["p99_ms"])
    errors = sum(sum(p["errors"].values()) for p in phases)
    report = {
        "capacity_per_second": capacity["per_second"], "target_per_second": round(target, 1),
        "achieved_per_second": round(sum(p["operations"] for p in phases)
                                     / sum(p["seconds"] for p in phases), 1),
        "errors": errors, "error_kinds": [p["errors"] for p in phases if p["errors"]],
        "per_op": {op: {"count": f["count"], "p50_ms": round(statistics.median(f["p50_ms"]), 2),
                        "p99_ms_worst_minute": max(f["p99_ms"])} for op, f in per_op.items()},
        "memory": memory, "clients": args.clients, "threads": args.threads,
        "minutes": args.minutes, "cpus": os.cpu_count(),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
