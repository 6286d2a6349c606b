"""Reading a JSON body the way a hostile client cannot break.

Python's ``json`` module accepts what refgraph must not pass on: integers of
thousands of digits (``int()`` then raises past 4,300 digits, a 500 if left
alone), ``NaN`` and ``Infinity`` (not JSON), and ``\\ud800``-style escapes
that decode to lone surrogates, which no database driver can encode.  Here
the first two never become Python numbers and the third is found before any
schema sees the body; each is refused with the field it stands in.
"""

from __future__ import annotations

import json
from typing import Any

#: More digits than any amount or count refgraph keeps (int64 has 19).
MAX_DIGITS = 30


class _TooLong:
    """Stands in for an integer of more than :data:`MAX_DIGITS` digits."""


_TOO_LONG = _TooLong()


class PayloadError(ValueError):
    """The body decodes but holds what no field accepts; ``errors`` names where."""

    def __init__(self, errors: dict[str, Any]) -> None:
        super().__init__("the body holds values no field accepts")
        self.errors = errors


def _parse_int(text: str) -> int | _TooLong:
    return _TOO_LONG if len(text.lstrip("-")) > MAX_DIGITS else int(text)


def _parse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _is_broken(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _problems(value: Any) -> Any:
    """A marshmallow-shaped map of what is wrong in ``value``, or None."""
    if value is _TOO_LONG:
        return [f"a number of more than {MAX_DIGITS} digits; send whole minor units "
                "within the documented range"]
    if isinstance(value, str):
        return (["broken Unicode (a lone surrogate escape such as \\ud800); send text "
                 "encoded as UTF-8"] if _is_broken(value) else None)
    items: Any = (value.items() if isinstance(value, dict)
                  else enumerate(value) if isinstance(value, list) else ())
    found: dict[Any, Any] = {}
    for key, item in items:
        if isinstance(key, str) and _is_broken(key):
            found[key.encode("utf-8", "replace").decode()] = ["the name has broken Unicode"]
            continue
        problem = _problems(item)
        if problem:
            found[key] = problem
    return found or None


def loads(raw: bytes | str) -> Any:
    """The JSON document ``raw`` (UTF-8 bytes or text).

    Raises :class:`json.JSONDecodeError` or :class:`UnicodeDecodeError` for
    what is not JSON, :class:`PayloadError` for what is but holds values no
    field may take.

    >>> loads(b'{"amount": 1200, "name": "Li"}')
    {'amount': 1200, 'name': 'Li'}
    >>> loads('{"amount": ' + '9' * 5000 + '}')
    Traceback (most recent call last):
    ...
    api.payload.PayloadError: the body holds values no field accepts
    >>> loads(b'{"name": "\\\\ud800"}')
    Traceback (most recent call last):
    ...
    api.payload.PayloadError: the body holds values no field accepts
    """
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    document = json.loads(text, parse_int=_parse_int, parse_constant=_parse_constant)
    problems = _problems(document)
    if problems:
        raise PayloadError(problems if isinstance(problems, dict) else {"body": problems})
    return document
