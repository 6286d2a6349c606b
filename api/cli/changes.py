"""``FIELD=JSON`` arguments: ``rules set`` and ``rewards preview --set``.

Both read a partial rule change the same way, with :func:`parse_changes`;
what the values mean is :meth:`graph.rules.RuleSet.changed`'s to judge.
"""

import json

import click

from graph.rules import RULE_FIELDS

EXAMPLE = "fee_bp=300 'tiers=[{\"min_referrals\": 1, \"share_bp\": 1000}]'"


def parse_changes(pairs, allowed_fields):
    """``{field: value}`` from ``FIELD=VALUE`` pairs; a ``click.BadParameter``
    (usage error, exit code 2) naming the pair at the first bad one.

    ``allowed_fields`` maps each field to its Python type.  Rules:

    - every pair is ``FIELD=VALUE`` with a non-empty FIELD, each field once;
    - FIELD must be one of ``allowed_fields`` (the error lists them);
    - VALUE is JSON: ``300``, ``true``, ``[500, 250]``, ``"week"``;
    - a VALUE that is not JSON is taken as text only for a ``str`` field
      (``period=week``); for any other field it is an error, so that a typo
      like ``fee_bp=3OO`` is not stored as the text "3OO".

    >>> parse_changes(["fee_bp=300", "period=week"], {"fee_bp": int, "period": str})
    {'fee_bp': 300, 'period': 'week'}
    """
    changes = {}
    for pair in pairs:
        field, sep, text = pair.partition("=")
        field = field.strip()
        if not sep or not field:
            raise click.BadParameter(f"{pair!r} is not FIELD=JSON; write e.g. {EXAMPLE}")
        if field not in allowed_fields:
            raise click.BadParameter(
                f"{field!r} is not a field; the fields are {', '.join(allowed_fields)}")
        if field in changes:
            raise click.BadParameter(f"{field} is given twice; give each field once")
        try:
            changes[field] = json.loads(text)
        except ValueError:
            if allowed_fields[field] is not str:
                raise click.BadParameter(
                    f"{pair!r}: {text!r} is not JSON; write numbers as 300, true or false, "
                    f"lists in single quotes for the shell, e.g. {EXAMPLE}") from None
            changes[field] = text
    return changes


def rule_changes(ctx, param, pairs):
    """click callback: ``FIELD=JSON`` pairs as a partial rule change."""
    return parse_changes(pairs, RULE_FIELDS)
