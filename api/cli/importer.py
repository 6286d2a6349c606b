"""``refgraph import users|sales|refunds FILE``: an existing platform's
history, from CSV or JSON Lines (graph/importer.py)."""

from pathlib import Path

import click
from flask.cli import with_appcontext

from graph import get_backend, importer

from .progress import Progress


@click.group("import")
def import_group():
    """Bring in an existing platform's users, sales and refunds with their real times."""


def _command(kind, help_text):
    @import_group.command(kind, help=help_text)
    @click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option("--format", "fmt", type=click.Choice(["csv", "jsonl"]), default=None,
                  help="The file's format (default: from its extension, .csv or else JSON Lines).")
    @click.option("--rejects", type=click.Path(dir_okay=False, path_type=Path), default=None,
                  help="Where to list rejected lines (default: FILE.rejects.tsv).")
    @click.option("--dry-run", is_flag=True, help="Validate only; import nothing.")
    @click.option("--batch", default=1_000, show_default=True, type=click.IntRange(1, 1_000))
    @with_appcontext
    def command(path, fmt, rejects, dry_run, batch):
        backend = get_backend()
        valid, report = importer.validate(kind, path, backend, fmt)
        if not dry_run:
            with Progress(f"importing {kind}", length=len(valid)) as progress:
                importer.run(kind, backend, valid, report, batch=batch,
                             progress=progress.advance)
        rejects = rejects or path.with_name(path.name + ".rejects.tsv")
        importer.write_rejects(rejects, report)
        done = (f"{report.valid} valid" if dry_run else
                f"{report.created} imported, {report.replayed} already there")
        click.echo(f"{kind}: {report.lines} lines, {done}, {len(report.rejects)} rejected "
                   f"(listed in {rejects}){' - dry run, nothing imported' if dry_run else ''}",
                   err=True)
    return command


_command("users", "Import users: id, name, roles (buyer/merchant), referrer (an id in the file "
                  "or the database, or a referral code), joined_at, status.")
_command("sales", "Import sales: id, merchant_id, buyer_id, amount, currency, at, items; fees "
                  "by the rules in force at each sale's time.")
_command("refunds", "Import refunds: id, sale_id, amount, at, reason.")
