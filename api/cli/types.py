"""Command-line argument types refgraph's commands share."""

import click

from graph.vocabulary import ID_RULE, is_id


class IdType(click.ParamType):
    """A client-chosen id, checked as the API checks it (graph.vocabulary.is_id)."""

    name = "id"

    def convert(self, value, param, ctx):
        if not is_id(value):
            self.fail(f"{value!r} is not an id: use {ID_RULE}.", param, ctx)
        return value


ID = IdType()
