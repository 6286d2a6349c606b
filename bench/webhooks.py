"""Webhook throughput: ``python -m bench.webhooks [--events N] [--seconds S] [--backend neo4j]``.

Two figures (bench/README.md, "Webhooks"), on a fresh database, with a real
HTTP receiver on 127.0.0.1 in its own process and the delivery loop of
``refgraph worker`` (:class:`graph.webhooks.delivery.Deliverer`, its default
settings: 16 requests in flight, 4 per endpoint) in another:

1. **deliveries per second**: ``--events`` sales recorded in batches (their
   outbox events written by the same statements), then the time until the
   receiver has every one, with 1 endpoint and with 4 endpoints (each event
   to each).
2. **outbox lag under ingest**: for ``--seconds``, 4 writers record single
   sales (each through its own connection, like the bench's 4-client
   ingest), first at ``--rate`` sales per second in all, then as fast as
   they can, while the deliverer runs; the lag of an event is the time from
   its sale's acknowledgement to its arrival at the receiver.

The receiver answers 200 at once; its own cost is part of what is measured.
Progress goes to stderr, the figures to stdout (and ``--json``).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import graph
from graph.rules import DEFAULT_RULES
from graph.store import sales, users, webhooks


def _receive(port_out: Any, stop: Any, out: Any) -> None:
    """The receiver process: answer 200, note when each event id arrived."""
    seen: dict[str, float] = {}
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_POST(self) -> None:  # noqa: N802
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            event_id = self.headers.get("X-Refgraph-Event-Id") or json.loads(raw)["id"]
            path = self.path
            with lock:
                seen.setdefault(f"{path} {event_id}", time.time())
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port_out.put(server.server_address[1])
    stop.wait()
    with lock:
        out.put(dict(seen))
    server.shutdown()


def _deliver(config: dict[str, Any], stop: Any, counts_out: Any) -> None:
    """The deliverer process: the worker's loop until told to stop."""
    from api.webhooks.payloads import render
    from graph.webhooks.delivery import Deliverer, Settings

    backend = graph.open_backend(config)
    deliverer = Deliverer(backend, render, Settings(allow_private=True))
    while not stop.is_set():
        deliverer.run(1.0, stopping=stop.is_set, poll=0.01)
    counts_out.put(dict(deliverer.counts))
    backend.close()


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Bench:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.ctx = mp.get_context("spawn")
        self.backend = graph.open_backend(config)
        users.register(self.backend, id="shop", name="Shop", roles=["merchant"],
                       rules=DEFAULT_RULES, root=True)

    def receiver(self) -> tuple[Any, Any, Any, int]:
        ports, stop, out = self.ctx.Queue(), self.ctx.Event(), self.ctx.Queue()
        process = self.ctx.Process(target=_receive, args=(ports, stop, out), daemon=True)
        process.start()
        return process, stop, out, ports.get(timeout=30)

    def deliverer(self) -> tuple[Any, Any, Any]:
        stop, counts = self.ctx.Event(), self.ctx.Queue()
        process = self.ctx.Process(target=_deliver, args=(self.config, stop, counts), daemon=True)
        process.start()
        return process, stop, counts

    def endpoints(self, port: int, tag: str, n: int) -> list[str]:
        paths = []
        for k in range(n):
            path = f"/hooks/{tag}-{k}"
            webhooks.create_endpoint(self.backend, id=f"{tag}-{k}", url=f"http://127.0.0.1:{port}{path}",
                                     events=["sale.recorded"], allow_private=True)
            paths.append(path)
        return paths

    def drop_endpoints(self, tag: str, n: int) -> None:
        for k in range(n):
            webhooks.delete_endpoint(self.backend, f"{tag}-{k}")

    def burst(self, events: int, endpoints: int) -> dict[str, float]:
        """Figure 1: record ``events`` sales, then deliver them all."""
        tag = f"burst{endpoints}"
        receiver, stop_receiver, seen_out, port = self.receiver()
        paths = self.endpoints(port, tag, endpoints)
        started = time.perf_counter()
        for start in range(0, events, 1_000):
            sales.record_sales(self.backend, [
                {"id": f"{tag}-{i}", "merchant_id": "shop", "amount": 1_000 + i,
                 "currency": "CNY"} for i in range(start, min(events, start + 1_000))])
        ingest = time.perf_counter() - started
        _log(f"{tag}: {events} sales recorded in {ingest:.1f} s; delivering")
        deliverer, stop_deliverer, counts_out = self.deliverer()
        begun = time.perf_counter()
        wanted = events * endpoints
        while True:
            status = webhooks.outbox_status(self.backend)
            if status["new_events"] == 0 and status["pending_deliveries"] == 0:
                break
            time.sleep(0.05)
        seconds = time.perf_counter() - begun
        stop_deliverer.set()
        counts = counts_out.get(timeout=60)
        deliverer.join(60)
        stop_receiver.set()
        seen = seen_out.get(timeout=60)
        receiver.join(30)
        got = sum(1 for key in seen if key.split(" ")[0] in paths)
        self.drop_endpoints(tag, endpoints)
        return {"events": events, "endpoints": endpoints, "deliveries": wanted,
                "received": got, "delivered": counts.get("delivered", 0),
                "seconds": seconds, "deliveries_per_s": wanted / seconds,
                "batch_ingest_per_s": events / ingest}

    def under_load(self, seconds: float, writers: int = 4,
                   rate: float | None = None) -> dict[str, float]:
        """Figure 2: outbox lag while ``writers`` record single sales, as
        fast as they can or at ``rate`` sales per second in all."""
        receiver, stop_receiver, seen_out, port = self.receiver()
        tag = f"load{int(rate or 0)}"
        [path] = self.endpoints(port, tag, 1)
        deliverer, stop_deliverer, counts_out = self.deliverer()
        acked: dict[str, float] = {}
        lock = threading.Lock()
        until = time.monotonic() + seconds

        def write(n: int) -> None:
            backend = graph.open_backend(self.config)
            i = 0
            begun = time.monotonic()
            while time.monotonic() < until:
                if rate and begun + i * writers / rate > time.monotonic():
                    time.sleep(begun + i * writers / rate - time.monotonic())
                sale_id = f"{tag}-{n}-{i}"
                sales.record_sale(backend, id=sale_id, merchant_id="shop", amount=1_000 + i,
                                  currency="CNY", rules=DEFAULT_RULES)
                with lock:
                    acked[f"sale.recorded:{sale_id}:1"] = time.time()
                i += 1
            backend.close()

        threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        backlog = []
        while any(thread.is_alive() for thread in threads):
            status = webhooks.outbox_status(self.backend)
            backlog.append(status["new_events"] + status["pending_deliveries"])
            time.sleep(0.5)
        ingest_seconds = time.perf_counter() - started
        drained = time.perf_counter()
        while True:
            status = webhooks.outbox_status(self.backend)
            if status["new_events"] == 0 and status["pending_deliveries"] == 0:
                break
            time.sleep(0.05)
        drain = time.perf_counter() - drained
        stop_deliverer.set()
        counts_out.get(timeout=60)
        deliverer.join(60)
        stop_receiver.set()
        seen = seen_out.get(timeout=60)
        receiver.join(30)
        lags = sorted(seen[f"{path} {event}"] - at for event, at in acked.items()
                      if f"{path} {event}" in seen)
        quantiles = statistics.quantiles(lags, n=100) if len(lags) >= 2 else lags * 99
        self.drop_endpoints(tag, 1)
        return {"writers": writers, "rate": rate, "seconds": ingest_seconds, "sales": len(acked),
                "ingest_per_s": len(acked) / ingest_seconds, "received": len(lags),
                "lag_p50_ms": quantiles[49] * 1000, "lag_p95_ms": quantiles[94] * 1000,
                "lag_max_ms": lags[-1] * 1000 if lags else 0.0,
                "backlog_max": max(backlog or [0]), "drain_after_s": drain}

    def close(self) -> None:
        self.backend.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.webhooks", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=float, default=100.0,
                        help="sales per second of the paced ingest (default 100)")
    parser.add_argument("--backend", choices=("falkordb", "neo4j"), default="falkordb")
    parser.add_argument("--json", default=None)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="refgraph-bench-webhooks-") as data:
        if args.backend == "neo4j":
            from graph.maintenance import wipe

            config = {"GRAPH_URL": os.environ["NEO4J_URI"],
                      "NEO4J_USER": os.environ.get("NEO4J_USER", "neo4j"),
                      "NEO4J_PASSWORD": os.environ.get("NEO4J_PASSWORD", ""),
                      "NEO4J_DATABASE": os.environ.get("NEO4J_DATABASE", "neo4j")}
            probe = graph.open_backend(config)
            wipe(probe)
            probe.close()
        else:
            config = {"GRAPH_URL": "embedded", "DATA_DIR": data}
        bench = Bench(config)
        try:
            result = {"backend": args.backend, "cpus": os.cpu_count(),
                      "load_before": os.getloadavg()[0],
                      "burst_1": bench.burst(args.events, 1),
                      "burst_4": bench.burst(args.events // 4, 4),
                      "paced": bench.under_load(args.seconds, rate=args.rate),
                      "under_load": bench.under_load(args.seconds),
                      "load_after": os.getloadavg()[0]}
        finally:
            bench.close()
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(result, handle, indent=2)


if __name__ == "__main__":
    main()
