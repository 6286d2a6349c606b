"""``refgraph demo``: demo data for trying refgraph, the console and the benchmarks."""

import click
from flask.cli import with_appcontext

from graph import demo, get_backend
from graph.maintenance import counts

from .output import fail
from .progress import Progress


@click.group("demo")
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
    backend = get_backend()
    nodes, _ = counts(backend)
    if nodes.get("User") and not force:
        fail(f"the database holds {nodes['User']} users; seed an empty one "
             "(another REFGRAPH_DATA_DIR) or pass --force")
    with Progress("seeding") as progress:
        world = demo.generate(n_users, periods=periods, seed=seed)
        progress.update(0, demo.steps(world))
        demo.load(backend, world, progress=progress.advance)
    click.echo(f"seeded {len(world.users)} users, {len(world.sales)} sales, "
               f"{len(world.refunds)} refunds over {', '.join(world.periods)} "
               f"in {progress.seconds:.1f}s; run their rewards with "
               f"'refgraph rewards run --period {world.periods[0]}'", err=True)
