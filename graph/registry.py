"""The query registry: every Cypher statement refgraph runs, loaded from files.

A query file is ``cypher/<area>/<name>.cypher``::

    // name: user_get
    // Returns the user with id $id as a map, or no row.
    MATCH (u:User {id: $id}) RETURN u {.id, .name} AS user

The ``// name:`` header is required and must equal the file's stem; the
comment lines after it are the query's documentation.  A file named
``<name>.<backend>.cypher`` is a dialect variant that replaces ``<name>`` for
that backend only (every such case is listed in ``cypher/DIALECTS.md``).
Schema statements live apart, in ``cypher/schema/<backend>.cypher``.

A statement that returns an ``outcome`` column declares every value it can
take in its comment, as one sentence: ``// Outcomes: created, replayed,
id_taken, unknown_user.`` (or ``Outcomes per sale: …`` for a batch).  The
registry parses it into :attr:`Query.outcomes`; a statement returning an
outcome without declaring them fails at load, and
:class:`graph.store.Outcomes` refuses an outcome that is not declared.

Loading fails on a missing header, a header that disagrees with the file
name, or a name defined twice, so a broken registry stops refgraph at
start-up rather than on the first request that needs the query.

What a backend sends is :attr:`Query.text`: the statement without its
comments and with each run of whitespace made one space (:func:`compact`),
computed once at load.  FalkorDB receives and appends to its log the text of
every write, and a sale's statement is mostly comment: sent as written it was
9 KB a sale.  :attr:`Query.source` keeps the statement as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import QueryRegistryError, UnknownQuery

BACKENDS = ("falkordb", "neo4j")
_NAME = re.compile(r"^//\s*name:\s*([a-z][a-z0-9_]*)\s*$")
_OUTCOMES = re.compile(r"\boutcomes(?: per \w+)?:\s*([a-z0-9_]+(?:\s*,\s*[a-z0-9_]+)*)\s*\.",
                       re.IGNORECASE)
_RETURNS_OUTCOME = re.compile(r"\bAS\s+outcome\b", re.IGNORECASE)


def default_root() -> Path:
    """The ``cypher/`` folder that ships with refgraph."""
    import cypher

    return Path(cypher.__file__).resolve().parent


_QUOTES = {"'": "'", '"': '"', "`": "`"}


def compact(body: str, where: str | Path = "query") -> str:
    r"""``body`` without comments, each run of whitespace one space.

    ``//`` line comments and ``/* */`` block comments go; string literals
    (``'...'``, ``"..."``, backslash escapes) and backquoted names are kept
    exactly, ``//`` inside them included.  A comment counts as whitespace,
    so the tokens on either side stay apart.

    >>> compact("MATCH (u:User {id: $id})  // the user\n  RETURN 'a // b' AS x")
    "MATCH (u:User {id: $id}) RETURN 'a // b' AS x"
    >>> compact("RETURN 1/* one */AS `two  //x`")
    'RETURN 1 AS `two  //x`'
    """
    out: list[str] = []
    space = False
    i, n = 0, len(body)
    while i < n:
        char = body[i]
        if char.isspace():
            space, i = True, i + 1
            continue
        if body.startswith("//", i):
            end = body.find("\n", i)
            space, i = True, (n if end < 0 else end + 1)
            continue
        if body.startswith("/*", i):
            end = body.find("*/", i + 2)
            if end < 0:
                raise QueryRegistryError(f"{where}: a '/*' comment is never closed.")
            space, i = True, end + 2
            continue
        if space and out:
            out.append(" ")
        space = False
        if char in _QUOTES:
            end = i + 1
            while True:
                if end >= n:
                    raise QueryRegistryError(
                        f"{where}: a {char} quoted text is never closed.")
                if body[end] == "\\" and char != "`":
                    end += 2
                    continue
                if body[end] == char:
                    break
                end += 1
            out.append(body[i:end + 1])
            i = end + 1
            continue
        out.append(char)
        i += 1
    return "".join(out)


@dataclass(frozen=True)
class Query:
    name: str
    #: what is sent: the statement without comments, whitespace collapsed
    text: str
    doc: str
    path: Path
    #: the values of the ``outcome`` column the statement declares, or ()
    outcomes: tuple[str, ...] = ()
    #: the statement as written in its file
    source: str = ""


def parse_file(path: str | Path) -> Query:
    """Read one query file into a :class:`Query`; raise on a bad header."""
    text = Path(path).read_text(encoding="utf-8")
    lines = text.splitlines()
    match = _NAME.match(lines[0].strip()) if lines else None
    if not match:
        raise QueryRegistryError(
            f"{path}: the first line must be a '// name: <query_name>' header "
            "(lower case, digits and underscores)."
        )
    doc = []
    for line in lines[1:]:
        if not line.startswith("//"):
            break
        doc.append(line[2:].strip())
    body = "\n".join(lines[1 + len(doc):]).strip()
    if not body:
        raise QueryRegistryError(f"{path}: the file holds a header but no statement.")
    if ";" in body.rstrip(";"):
        raise QueryRegistryError(f"{path}: one statement per file; found a ';' inside.")
    comment = " ".join(doc).strip()
    declared = _OUTCOMES.search(comment)
    outcomes = tuple(o.strip() for o in declared.group(1).split(",")) if declared else ()
    if _RETURNS_OUTCOME.search(body) and not outcomes:
        raise QueryRegistryError(
            f"{path}: the statement returns an outcome but its comment does not declare "
            "them; add a sentence '// Outcomes: created, replayed, ….'")
    source = body.rstrip(";").strip()
    return Query(match.group(1), compact(source, path), comment, Path(path), outcomes,
                 source)


class Registry:
    """Named queries for one backend, loaded once from a ``cypher/`` folder."""

    def __init__(self, backend: str, root: str | Path | None = None) -> None:
        if backend not in BACKENDS:
            raise QueryRegistryError(f"unknown backend {backend!r}; expected one of {BACKENDS}")
        self.backend = backend
        self.root = Path(root) if root else default_root()
        self._queries = self._load()

    def _load(self) -> dict[str, Query]:
        common: dict[str, Query] = {}
        variants: dict[str, dict[str, Query]] = {}
        for path in sorted(self.root.rglob("*.cypher")):
            if path.parent.name == "schema":
                continue
            parts = path.name.split(".")
            dialect: str | None
            if len(parts) == 3 and parts[1] in BACKENDS:
                stem, dialect = parts[0], parts[1]
            elif len(parts) == 2:
                stem, dialect = parts[0], None
            else:
                raise QueryRegistryError(
                    f"{path}: a query file is named <name>.cypher or <name>.<backend>.cypher"
                )
            query = parse_file(path)
            if query.name != stem:
                raise QueryRegistryError(
                    f"{path}: header names {query.name!r} but the file is {stem!r}; "
                    "make them agree."
                )
            table = common if dialect is None else variants.setdefault(dialect, {})
            if query.name in table:
                raise QueryRegistryError(
                    f"duplicate query name {query.name!r}: {table[query.name].path} and {path}; "
                    "rename one of them."
                )
            table[query.name] = query
        for dialect, table in variants.items():
            orphans = sorted(set(table) - set(common))
            if orphans:
                raise QueryRegistryError(
                    f"dialect variants without a common query: {orphans} ({dialect}); "
                    "add the portable <name>.cypher beside them."
                )
        if not common:
            raise QueryRegistryError(f"no query files under {self.root}")
        return {**common, **variants.get(self.backend, {})}

    def __getitem__(self, name: str) -> Query:
        try:
            return self._queries[name]
        except KeyError:
            raise UnknownQuery(
                f"no query named {name!r} in {self.root}; add cypher/<area>/{name}.cypher"
            ) from None

    def __contains__(self, name: object) -> bool:
        return name in self._queries

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._queries))

    def __len__(self) -> int:
        return len(self._queries)

    def schema_statements(self) -> list[str]:
        """The schema statements for this backend, in file order."""
        path = self.root / "schema" / f"{self.backend}.cypher"
        if not path.exists():
            raise QueryRegistryError(f"missing schema file {path}")
        code = "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines()
            if not line.strip().startswith("//")
        )
        statements = [chunk.strip() for chunk in code.split(";") if chunk.strip()]
        return statements
