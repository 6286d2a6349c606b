"""What commands print besides progress: failures, JSON, count tables."""

import json

import click


def fail(message):
    """Stop the command with ``Error: message`` on stderr and exit code 1."""
    raise click.ClickException(message)


def error_text(exc):
    """A refgraph error as lines: its message, then one line per field whose
    messages say more than the message does."""
    lines = [exc.message]
    for field, messages in (exc.details.get("errors") or {}).items():
        if list(messages) != [exc.message]:
            lines.append(f"  {field}: {'; '.join(messages)}")
    return "\n".join(lines)


def echo_json(data):
    click.echo(json.dumps(data, indent=2, sort_keys=True, default=str))


def echo_counts(nodes, relationships):
    """Nodes per label and relationships per type, each with its total."""
    for title, table in (("nodes", nodes), ("relationships", relationships)):
        click.echo(f"{title + ':':24} {sum(table.values())}")
        for name, count in table.items():
            click.echo(f"  {name + ':':22} {count}")
