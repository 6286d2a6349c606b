"""The ``refgraph`` command line, built on Flask's CLI (``FlaskGroup``).

``refgraph serve`` runs the API on waitress; ``refgraph worker`` runs the
scheduler in its own process; ``refgraph db ...`` looks after the database.
Flask's own ``routes`` and ``shell`` commands are there too.
"""

import signal
import sys
import time
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext

from graph import close_backend, get_backend
from graph.maintenance import counts
from graph.errors import RefgraphError

from . import create_app, load_config


def _fail(message):
    raise click.ClickException(message)


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


@click.group(cls=FlaskGroup, create_app=create_app, add_version_option=False,
             help="refgraph: referral graph service. Run 'refgraph serve' to start the API.")
def cli():
    pass


@cli.command("serve")
@click.option("--host", envvar="REFGRAPH_HOST", default="127.0.0.1", show_default=True,
              help="Interface to listen on (REFGRAPH_HOST).")
@click.option("--port", envvar="REFGRAPH_PORT", default=8000, type=int, show_default=True,
              help="TCP port (REFGRAPH_PORT).")
@click.option("--threads", envvar="REFGRAPH_THREADS", default=8, type=int, show_default=True,
              help="Worker threads of the WSGI server (REFGRAPH_THREADS).")
@with_appcontext
def serve(host, port, threads):
    """Serve the API with waitress; the embedded database starts with it."""
    import waitress

    app = current_app._get_current_object()
    backend = get_backend(app)
    click.echo(f"refgraph on http://{host}:{port} with {backend.version()} "
               f"({backend.status().get('location')}); Ctrl-C to stop", err=True)
    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        waitress.serve(app, host=host, port=port, threads=threads, _quiet=True)
    except KeyboardInterrupt:
        pass
    finally:
        click.echo("refgraph: stopping", err=True)
        close_backend(app)


@cli.command("worker")
@with_appcontext
def worker():
    """Run the scheduler (reward runs and other periodic jobs) in this process."""
    from jobs.worker import run_worker

    signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    app = current_app._get_current_object()
    try:
        run_worker(app)
    except KeyboardInterrupt:
        pass
    finally:
        close_backend(app)


@cli.group("db")
def db():
    """Inspect, back up and restore the graph database."""


@db.command("status")
@with_appcontext
def db_status():
    """Show the backend, where its data is, counts, memory and persistence."""
    backend = get_backend()
    for key, value in backend.status().items():
        click.echo(f"{key + ':':24} {value}")
    for title, table in zip(("nodes", "relationships"), counts(backend)):
        click.echo(f"{title + ':':24} {sum(table.values())}")
        for name, count in table.items():
            click.echo(f"  {name + ':':22} {count}")


def _embedded_only(backend, what):
    if getattr(backend, "server", None) is None:
        _fail(f"'refgraph db {what}' works on the embedded database only; for Neo4j use "
              "'neo4j-admin database dump|load', for a FalkorDB server its own SAVE/RDB files")


@db.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
@with_appcontext
def db_backup(path, force):
    """Write a consistent snapshot of the embedded database to PATH."""
    from graph.embedded import copy_file

    backend = get_backend()
    _embedded_only(backend, "backup")
    if path.exists() and not force:
        _fail(f"{path} exists; choose another path or pass --force")
    started = time.monotonic()
    click.echo("taking a snapshot...", err=True)
    snapshot = backend.save_snapshot()
    size = snapshot.stat().st_size
    with click.progressbar(length=size, label=f"writing {path}", file=sys.stderr) as bar:
        copy_file(snapshot, path, bar.update)
    click.echo(f"backup written: {path} ({size} bytes, {time.monotonic() - started:.1f}s)", err=True)


@db.command("restore", with_appcontext=False)
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def db_restore(path, yes):
    """Replace the embedded database with the backup at PATH.

    refgraph must be stopped.  The current data is kept beside it in the data
    directory as falkordb.before-restore-<time>.
    """
    from graph.embedded import EmbeddedServer

    config = load_config()
    if (config["GRAPH_URL"] or "embedded") != "embedded":
        _fail("'refgraph db restore' works on the embedded database only")
    server = EmbeddedServer(config["DATA_DIR"], appendfsync=config["APPENDFSYNC"])
    if not yes:
        click.confirm(f"Replace the data in {server.data_dir} with {path}?", abort=True)
    size = path.stat().st_size
    with click.progressbar(length=size, label=f"restoring {path}", file=sys.stderr) as bar:
        server.restore(path, progress=bar.update)
    click.echo(f"restored {path} into {server.data_dir}", err=True)


@db.command("copy")
@click.option("--to", "url", required=True, metavar="URL",
              help="The new database: neo4j://, bolt:// or falkor:// as in REFGRAPH_GRAPH_URL "
                   "(Neo4j password from REFGRAPH_NEO4J_PASSWORD or the URL).")
@click.option("--batch", default=2_000, show_default=True, type=click.IntRange(1, 100_000),
              help="Nodes or relationships per statement.")
@click.option("--force", is_flag=True,
              help="Copy into a target that holds data (nodes with the same keys are overwritten).")
@with_appcontext
def db_copy(url, batch, force):
    """Copy every node and relationship to another database; run it again to resume."""
    import logging

    from graph import copy as graph_copy

    # a new Neo4j warns about every label and property it has not seen yet
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    bar = click.progressbar(length=1, label="copying", file=sys.stderr)

    def progress(stage, done, total):
        bar.length, bar.label = max(total, 1), f"copying {stage:<17}"
        bar.update(done - bar.pos)

    try:
        target = graph_copy.open_target(current_app.config, url)
        try:
            with bar:
                report = graph_copy.copy(get_backend(), target, batch=batch, force=force,
                                         progress=progress)
        finally:
            target.close()
    except RefgraphError as exc:
        _fail(exc.message)
    except KeyboardInterrupt:
        _fail("interrupted; run the same command again to continue where it stopped")
    for title, table in (("nodes", report["nodes"]), ("relationships", report["relationships"])):
        click.echo(f"{title + ':':24} {sum(table.values())}")
        for name, count in table.items():
            click.echo(f"  {name + ':':22} {count}")
    for label, count in report["left_out"].items():
        click.echo(f"not copied: {count} {label} ({graph_copy.LEFT_OUT[label]})", err=True)
    rate = report["copied"] / report["seconds"] if report["seconds"] else 0
    click.echo(f"copied {report['copied']} nodes and relationships "
               f"{'(resumed) ' if report['resumed'] else ''}from {report['source']} to "
               f"{report['target']} in {report['seconds']:.1f}s ({rate:.0f}/s)", err=True)
    for name, (source_count, target_count) in report["differences"].items():
        click.echo(f"differs: {name}: {source_count} on the source, {target_count} on the target")
    for problem in report["ledger"]:
        click.echo(f"ledger: {problem}")
    if report["differences"]:
        _fail("the target's counts differ from the source's (see above): stop everything that "
              "writes to the source (refgraph serve, refgraph worker) and copy again with --force")
    if report["ledger"]:
        _fail(f"{len(report['ledger'])} ledger problem(s) on the target (see above); run "
              "'refgraph ledger check' on the source: a copy keeps the problems it finds")
    click.echo("counts equal on both sides; ledger clean on the target", err=True)


@cli.group("keys")
def keys_group():
    """Create, list and revoke API keys."""


@keys_group.command("create")
@click.option("--role", type=click.Choice(["operator", "merchant", "member"]), required=True)
@click.option("--user", "user_id", help="The user a merchant or member key is bound to.")
@click.option("--name", help="A label, e.g. the terminal or person holding the key.")
@with_appcontext
def keys_create(role, user_id, name):
    """Create a key and print it alone on stdout (it is shown only once)."""
    from graph.store import keys

    plaintext, record = keys.create(get_backend(), role, user_id, name)
    click.echo(f"created {role} key {record['id']}"
               + (f" for user {user_id}" if user_id else "") + "; store it now", err=True)
    click.echo(plaintext)


@keys_group.command("list")
@with_appcontext
def keys_list():
    """List keys (id, role, user, created, revoked); never the secrets."""
    from graph.store import keys

    for key in keys.list_keys(get_backend()):
        click.echo(f"{key['id']}  {key['role']:8}  {key['user_id'] or '-':20}  "
                   f"{key['name'] or '-':20}  revoked={key['revoked_at'] or 'no'}")


@keys_group.command("revoke")
@click.argument("key_id")
@with_appcontext
def keys_revoke(key_id):
    """Revoke a key by its id (or the whole key)."""
    from graph.store import keys

    record = keys.revoke(get_backend(), key_id)
    click.echo(f"revoked key {record['id']}", err=True)


# -- rules ------------------------------------------------------------------

def _echo_json(data):
    import json

    click.echo(json.dumps(data, indent=2, sort_keys=True, default=str))


def _version_view(version):
    return {**{k: v for k, v in version.items() if k != "rules"},
            "rules": version["rules"].to_dict()}


@cli.group("rules")
def rules_group():
    """Show and change the promotion's rules (versioned, effective-dated)."""


@rules_group.command("show")
@with_appcontext
def rules_show():
    """The rule set in force now, as JSON."""
    from graph.store import rules as rules_store

    _echo_json(_version_view(rules_store.in_force(get_backend())))


@rules_group.command("history")
@with_appcontext
def rules_history():
    """Every version, newest first."""
    from graph.store import rules as rules_store

    for version in rules_store.history(get_backend()):
        click.echo(f"v{version['version']:<4} from {version['effective_from']}  "
                   f"by {version['created_by']}  {version['note'] or ''}")


@rules_group.command("set")
@click.argument("changes", nargs=-1, required=True)
@click.option("--from", "effective_from", type=int, help="Epoch ms it takes effect (default now).")
@click.option("--note", help="Why the rules change.")
@with_appcontext
def rules_set(changes, effective_from, note):
    """Add a version changing FIELD=JSON pairs, e.g. fee_bp=300
    'tiers=[{"min_referrals":1,"share_bp":1000}]'."""
    import json

    from graph.rules import RuleSet
    from graph.store import rules as rules_store

    current = rules_store.rules_at(get_backend()).to_dict()
    for change in changes:
        field, sep, value = change.partition("=")
        if not sep:
            _fail(f"{change!r}: write FIELD=VALUE, e.g. fee_bp=300")
        try:
            current[field] = json.loads(value)
        except ValueError:
            current[field] = value
    try:
        proposed = RuleSet.from_dict(current)
    except (TypeError, ValueError) as exc:
        _fail(str(exc))
    try:
        version = rules_store.create(get_backend(), proposed, effective_from=effective_from,
                                     note=note, created_by="cli")
    except RefgraphError as exc:
        problems = exc.details.get("errors") or {}
        _fail(exc.message + "".join(f"\n  {k}: {'; '.join(v)}" for k, v in problems.items()))
    click.echo(f"rules v{version['version']} in force from {version['effective_from']}", err=True)


# -- rewards ------------------------------------------------------------------

@cli.group("rewards")
def rewards_group():
    """Preview, run and inspect reward runs."""


def _period_option(f):
    return click.option("--period", required=True,
                        help="YYYY-MM, YYYY-Www or YYYY-MM-DD (UTC).")(f)


@rewards_group.command("preview")
@_period_option
@click.option("--set", "changes", multiple=True, help="FIELD=JSON: a proposed rule change.")
@with_appcontext
def rewards_preview(period, changes):
    """What the period's rewards are (and would be under --set changes); writes nothing."""
    import json

    from graph.rules import RuleSet
    from graph.store import rewards

    proposed = None
    if changes:
        data = rewards.rules_for_period(get_backend(), period)["rules"].to_dict()
        for change in changes:
            field, _, value = change.partition("=")
            data[field] = json.loads(value)
        proposed = RuleSet.from_dict(data)
    result = rewards.preview(get_backend(), period, proposed)
    lines = result.pop("lines")
    _echo_json(result)
    click.echo(f"{len(lines)} lines", err=True)


@rewards_group.command("run")
@_period_option
@click.option("--batch", default=2_000, show_default=True, help="Lines per statement.")
@with_appcontext
def rewards_run(period, batch):
    """Run a closed period's rewards; running it again pays nothing more."""
    from graph.store import rewards

    state = {"bar": None}

    def progress(done, total):
        if state["bar"] is None:
            state["bar"] = click.progressbar(length=total, label=f"crediting {period}",
                                             file=sys.stderr)
            state["bar"].__enter__()
        state["bar"].update(done - state["bar"].pos)

    try:
        run = rewards.run(get_backend(), period, batch=batch, progress=progress)
    finally:
        if state["bar"] is not None:
            state["bar"].__exit__(None, None, None)
    _echo_json(run)


@rewards_group.command("show")
@_period_option
@with_appcontext
def rewards_show(period):
    """The record of a period's run."""
    from graph.store import rewards

    _echo_json(rewards.get_run(get_backend(), period))


@rewards_group.command("release")
@with_appcontext
def rewards_release():
    """Make rewards whose hold has passed withdrawable now."""
    from graph.store import rewards

    _echo_json(rewards.release(get_backend()))


@rewards_group.command("explain")
@click.argument("line_id")
@with_appcontext
def rewards_explain(line_id):
    """Why a reward line (PERIOD|REFERRER|LEVEL) is what it is."""
    from graph.store import rewards

    _echo_json(rewards.explain(get_backend(), line_id))


# -- ledger and payouts ------------------------------------------------------

@cli.group("ledger")
def ledger_group():
    """Verify the double-entry ledger."""


@ledger_group.command("check")
@with_appcontext
def ledger_check():
    """Check every entry balances and every cached balance equals its entries."""
    from graph.store import ledger

    problems = ledger.check(get_backend())
    for problem in problems:
        click.echo(problem)
    if problems:
        _fail(f"{len(problems)} problem(s) in the ledger; see above")
    click.echo("ledger clean", err=True)


@cli.group("payouts")
def payouts_group():
    """Hand approved withdrawals to the financial institution."""


@payouts_group.command("batch")
@click.option("--id", "batch_id", help="Batch id (default: generated); reusing one is safe.")
@with_appcontext
def payouts_batch(batch_id):
    """Gather approved withdrawals into a payout file for the institution."""
    import uuid

    from graph.store import withdrawals

    from .withdrawals.resources import institution

    batch_id = batch_id or "batch-" + uuid.uuid4().hex[:12]
    batch, items = withdrawals.create_batch(get_backend(), batch_id)
    where = institution(current_app).submit(batch["id"], items)
    click.echo(f"batch {batch['id']}: {len(items)} payouts, "
               f"{sum(w['cash_amount'] for w in items)} in total -> {where}", err=True)
    click.echo(where)


@cli.group("demo")
def demo_group():
    """Demo data for trying refgraph, the console and the benchmarks."""


@demo_group.command("seed")
@click.option("--users", "n_users", default=10_000, show_default=True, type=click.IntRange(1))
@click.option("--periods", default=3, show_default=True, type=click.IntRange(1, 24),
              help="Closed months of sales before this one.")
@click.option("--seed", default=7, show_default=True, help="Random seed (same seed, same data).")
@click.option("--force", is_flag=True, help="Seed even if the database holds users.")
@with_appcontext
def demo_seed(n_users, periods, seed, force):
    """Build a realistic referral network with sales, refunds and planted abuse."""
    from graph import demo

    backend = get_backend()
    nodes, _ = counts(backend)
    if nodes.get("User") and not force:
        _fail(f"the database holds {nodes['User']} users; seed an empty one "
              "(another REFGRAPH_DATA_DIR) or pass --force")
    started = time.monotonic()
    world = demo.generate(n_users, periods=periods, seed=seed)
    with click.progressbar(length=demo.steps(world), label="seeding", file=sys.stderr) as bar:
        demo.load(backend, world, progress=bar.update)
    click.echo(f"seeded {len(world.users)} users, {len(world.sales)} sales, "
               f"{len(world.refunds)} refunds over {', '.join(world.periods)} "
               f"in {time.monotonic() - started:.1f}s; run their rewards with "
               f"'refgraph rewards run --period {world.periods[0]}'", err=True)


class _Stages:
    """Progress of work in stages of unknown length: one line per stage,
    rewritten in place, e.g. ``users: 120000``."""

    def __init__(self):
        self.stage = None

    def __call__(self, stage, done):
        if stage != self.stage and self.stage is not None:
            click.echo(err=True)
        self.stage = stage
        click.echo(f"\r{stage}: {done}", nl=False, err=True)

    def close(self):
        if self.stage is not None:
            click.echo(err=True)


@cli.group("analytics")
def analytics_group():
    """Whole-network analytics and fraud signals."""


@analytics_group.command("refresh")
@with_appcontext
def analytics_refresh():
    """Recompute the network analytics now (the worker does it every hour)."""
    from graph.store import analytics

    started, stages = time.monotonic(), _Stages()
    summary = analytics.refresh(get_backend(), progress=stages)
    stages.close()
    click.echo(f"{summary['users']} users, {summary['edges']} referrals, "
               f"{summary['signals']['total']} fraud signals "
               f"in {time.monotonic() - started:.1f}s", err=True)
    _echo_json({key: summary[key] for key in ("users", "by_role", "roots", "max_depth",
                                              "signals")})


@cli.group("graph")
def graph_group():
    """The referral network as files for analysts."""


@graph_group.command("export")
@click.option("--format", "fmt", required=True,
              type=click.Choice(["graphml", "gexf", "neo4j-csv"]),
              help="graphml (yEd, networkx), gexf (Gephi) or neo4j-csv (neo4j-admin import).")
@click.option("--out", required=True, type=click.Path(),
              help="A file for graphml/gexf; a directory for neo4j-csv.")
@click.option("--user", "user_id", default=None,
              help="Only this user's neighbourhood instead of the whole network.")
@click.option("--up", default=2, show_default=True, type=click.IntRange(0, 20))
@click.option("--depth", default=3, show_default=True, type=click.IntRange(1, 10))
@click.option("--limit", default=10_000, show_default=True, type=click.IntRange(1, 1_000_000),
              help="Most users below --user.")
@with_appcontext
def graph_export(fmt, out, user_id, up, depth, limit):
    """Export the referral network (or one user's neighbourhood)."""
    from graph import export
    from graph.store import analytics

    backend, stages = get_backend(), _Stages()
    if user_id:
        G = analytics.neighbourhood_graph(backend, user_id, up=up, depth=depth, limit=limit)
    else:
        G = analytics.load_network(backend, progress=stages)
        stages.close()
    with click.progressbar(length=G.number_of_nodes() + G.number_of_edges(),
                           label=f"writing {out}", file=sys.stderr) as bar:
        last = [0]

        def progress(done, total):
            bar.update(done - last[0])
            last[0] = done

        written = export.export(G, fmt, out, progress=progress)
    click.echo(f"{G.number_of_nodes()} users, {G.number_of_edges()} referrals written to "
               f"{out}", err=True)
    if fmt == "neo4j-csv":
        click.echo("import into an empty Neo4j with: "
                   + " ".join(export.neo4j_import_command(out)), err=True)
    return written


def main():
    try:
        cli(prog_name="refgraph")
    except RefgraphError as exc:
        click.echo(f"Error: {exc.message}", err=True)
        sys.exit(1)
