"""Export the referral network to files other tools read.

Three formats, all written from the ``networkx.DiGraph`` the analytics use
(nodes keyed by user id, edges referrer -> referee):

``graphml``
    for yEd, Gephi, Cytoscape (:func:`write_graphml`);
``gexf``
    for Gephi (:func:`write_gexf`);
``neo4j-csv``
    ``users.csv`` and ``referrals.csv`` in the layout of Neo4j's bulk
    importer (:func:`write_neo4j_csv`), loaded into a new, empty database
    with::

        neo4j-admin database import full neo4j \\
            --nodes=users.csv --relationships=referrals.csv \\
            --multiline-fields=true

    (:func:`neo4j_import_command` gives this as an argv list).  The database
    name comes straight after ``full``: since Neo4j 5.19 a name after the
    ``--nodes`` options is read as one more file.  ``--multiline-fields=true``
    is needed because a quoted name may hold a newline.

How attribute values are written to GraphML and GEXF, whose networkx writers
refuse ``None`` and lists:

* ``None`` is left out: the node simply has no value for that key (an
  empty string would be indistinguishable from a real empty value and would
  force a string type on numeric keys);
* a list, tuple or set of scalars is joined with ``;`` (``roles`` becomes
  ``"buyer;merchant"``);
* ints stay ints (``attr.type="long"``), booleans stay booleans, floats and
  strings as they are;
* anything else (dicts, lists of rows) is left out.  On the graph itself only
  scalar values are kept, so ``fee_totals``, ``purchases`` and reward rows do
  not reach the file, while ``truncated`` does (GraphML only: GEXF has no
  graph attributes).

Each node also gets ``label`` (its name, what Gephi shows) and ``role``, the
primary role (merchant, then card holder, then buyer), to colour by.

In Neo4j CSV an empty field means "no property": ``None`` and the empty
string both become an absent property.

Every writer takes ``progress``, called as ``progress(done, total)`` with
``total`` = nodes + edges every 10 000 items and once at the end with
``(total, total)`` after the file is complete; ``None`` means silent.  Every
writer returns the list of paths it wrote.
"""

from __future__ import annotations

import csv
import numbers
import os
import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .vocabulary import ROLE_LABELS, primary_role

__all__ = [
    "FORMATS", "USERS_HEADER", "REFERRALS_HEADER", "export", "neo4j_import_command",
    "neo4j_labels", "primary_role", "write_gexf", "write_graphml", "write_neo4j_csv",
]

#: ``progress(done, total)``: see the module notes.
Progress = Callable[[int, int], None]
#: A file or directory to write to.
Target = str | os.PathLike[str]

#: How many nodes or edges go by between two ``progress`` calls.
PROGRESS_EVERY = 10_000

USERS_HEADER = [
    "id:ID(User)", "name", "status", "created_at:long", "root:boolean",
    "phone_hash", "device_id", "payment_hash", "fees:long", "sales:long",
    "rewards:long", ":LABEL",
]
REFERRALS_HEADER = [":START_ID(User)", ":END_ID(User)", "at:long", ":TYPE"]
REFERRAL_TYPE = "REFERRED"
USERS_FILE = "users.csv"
REFERRALS_FILE = "referrals.csv"

# Graph keys networkx's GEXF writer gives a meaning of its own.
_GEXF_RESERVED_GRAPH_KEYS = {"mode", "node_default", "edge_default"}
# Neo4j database names: a letter, then letters, digits, dots and dashes.
_DATABASE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9.\-]{0,62}")


def neo4j_labels(roles: Collection[str] | None) -> str:
    """The ``:LABEL`` field of a user: ``User`` first, then its role labels.

    >>> neo4j_labels(["buyer", "cardholder", "merchant"])
    'User;Buyer;Merchant;CardHolder'
    >>> neo4j_labels(None)
    'User'
    """
    roles = roles or ()
    return ";".join(["User"] + [label for role, label in ROLE_LABELS.items() if role in roles])


def neo4j_import_command(directory: Target, database: str = "neo4j") -> list[str]:
    """The ``neo4j-admin`` argv that loads what :func:`write_neo4j_csv` wrote.

    Run it with the database stopped; ``full`` imports into a new, empty
    database.

    >>> neo4j_import_command("out", "refgraph")  # doctest: +NORMALIZE_WHITESPACE
    ['neo4j-admin', 'database', 'import', 'full', 'refgraph',
     '--nodes=out/users.csv', '--relationships=out/referrals.csv',
     '--multiline-fields=true']
    """
    if not isinstance(database, str) or not _DATABASE_NAME.fullmatch(database):
        raise ValueError(f"not a Neo4j database name: {database!r}")
    directory = Path(directory)
    return [
        "neo4j-admin", "database", "import", "full", database,
        f"--nodes={directory / USERS_FILE}",
        f"--relationships={directory / REFERRALS_FILE}",
        "--multiline-fields=true",
    ]


class _Progress:
    """Counts items and calls ``progress(done, total)`` now and then."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback = callback
        self.total = total
        self.done = 0

    def step(self) -> None:
        self.done += 1
        # The (total, total) call is kept for finish(): the file is not
        # complete until the writer returns.
        if self.callback and self.done % PROGRESS_EVERY == 0 and self.done < self.total:
            self.callback(self.done, self.total)

    def finish(self) -> None:
        if self.callback:
            self.callback(self.total, self.total)


def _total(G: nx.DiGraph) -> int:
    return G.number_of_nodes() + G.number_of_edges()


def _scalar(value: object) -> str | bool | int | float | None:
    """``value`` as a type the XML writers accept, or None to leave it out.

    >>> _scalar(["buyer", "merchant"]), _scalar(True), _scalar(7), _scalar(None)
    ('buyer;merchant', True, 7, None)
    >>> _scalar({"a": 1}) is None, _scalar([{"row": 1}]) is None
    (True, True)
    """
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        if all(isinstance(item, (str, numbers.Real)) for item in items):
            return ";".join(str(item) for item in items)
    return None


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    cleaned = {}
    for key, value in data.items():
        value = _scalar(value)
        if value is not None:
            cleaned[key] = value
    return cleaned


def _sanitised(G: nx.DiGraph, progress: _Progress,
               drop_graph_keys: Collection[str] = ()) -> nx.DiGraph:
    """A copy of ``G`` the networkx XML writers accept (see the module notes)."""
    H = nx.DiGraph()
    H.graph.update(
        (key, value) for key, value in _clean(G.graph).items() if key not in drop_graph_keys
    )
    for user_id, data in G.nodes(data=True):
        attrs = _clean(data)
        if data.get("name") is not None:
            attrs["label"] = str(data["name"])
        role = primary_role(data.get("roles"))
        if role is not None:
            attrs["role"] = role
        H.add_node(user_id, **attrs)
        progress.step()
    for referrer, referee, data in G.edges(data=True):
        H.add_edge(referrer, referee, **_clean(data))
        progress.step()
    return H


def write_graphml(G: nx.DiGraph, path: Target, progress: Progress | None = None) -> list[Path]:
    """Write ``G`` as GraphML (yEd, Gephi) to ``path``; return ``[path]``.

    Ints are written with ``attr.type="long"``; see the module notes for
    ``None`` and lists.
    """
    counter = _Progress(progress, _total(G))
    nx.write_graphml(_sanitised(G, counter), path)
    counter.finish()
    return [Path(path)]


def write_gexf(G: nx.DiGraph, path: Target, progress: Progress | None = None) -> list[Path]:
    """Write ``G`` as GEXF 1.2 (Gephi) to ``path``; return ``[path]``.

    The node's ``label`` is its name; see the module notes for ``None`` and
    lists.
    """
    counter = _Progress(progress, _total(G))
    nx.write_gexf(_sanitised(G, counter, _GEXF_RESERVED_GRAPH_KEYS), path)
    counter.finish()
    return [Path(path)]


def _long(value: Any) -> str:
    return "" if value is None else str(int(value))


def _boolean(value: object) -> str:
    return "" if value is None else ("true" if value else "false")


def _text(value: object) -> str:
    return "" if value is None else str(value)


def write_neo4j_csv(G: nx.DiGraph, directory: Target,
                    progress: Progress | None = None) -> list[Path]:
    """Write ``users.csv`` and ``referrals.csv`` for ``neo4j-admin database import``.

    ``directory`` is created if missing; the two paths are returned.  Rows are
    written as the graph is iterated, one per user and one per referral.  See
    :func:`neo4j_import_command` for the command that loads them.

    >>> import tempfile
    >>> G = nx.DiGraph()
    >>> G.add_node("u1", name="Ann, Jr.", roles=["buyer", "merchant"], root=True, fees=12)
    >>> G.add_node("u2", name="Bo", roles=["cardholder"], root=False)
    >>> G.add_edge("u1", "u2", at=1700000000000)
    >>> with tempfile.TemporaryDirectory() as directory:
    ...     for path in write_neo4j_csv(G, directory):
    ...         print(path.read_text(encoding="utf-8"), end="")
    id:ID(User),name,status,created_at:long,root:boolean,phone_hash,device_id,payment_hash,fees:long,sales:long,rewards:long,:LABEL
    u1,"Ann, Jr.",,,true,,,,12,,,User;Buyer;Merchant
    u2,Bo,,,false,,,,,,,User;CardHolder
    :START_ID(User),:END_ID(User),at:long,:TYPE
    u1,u2,1700000000000,REFERRED
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    counter = _Progress(progress, _total(G))
    users_path = directory / USERS_FILE
    referrals_path = directory / REFERRALS_FILE
    with users_path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(USERS_HEADER)
        for user_id, data in G.nodes(data=True):
            writer.writerow([
                str(user_id), _text(data.get("name")), _text(data.get("status")),
                _long(data.get("created_at")), _boolean(data.get("root")),
                _text(data.get("phone_hash")), _text(data.get("device_id")),
                _text(data.get("payment_hash")), _long(data.get("fees")),
                _long(data.get("sales")), _long(data.get("rewards")),
                neo4j_labels(data.get("roles")),
            ])
            counter.step()
    with referrals_path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(REFERRALS_HEADER)
        for referrer, referee, data in G.edges(data=True):
            writer.writerow([str(referrer), str(referee), _long(data.get("at")), REFERRAL_TYPE])
            counter.step()
    counter.finish()
    return [users_path, referrals_path]


FORMATS: dict[str, Callable[..., list[Path]]] = {"graphml": write_graphml, "gexf": write_gexf, "neo4j-csv": write_neo4j_csv}


def export(G: nx.DiGraph, fmt: str, target: Target,
           progress: Progress | None = None) -> list[Path]:
    """Write ``G`` in format ``fmt`` to ``target`` (a file, or a directory for
    ``neo4j-csv``); return the paths written.

    >>> export(nx.DiGraph(), "dot", "out.dot")
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'dot'; use one of: gexf, graphml, neo4j-csv
    """
    try:
        writer = FORMATS[fmt]
    except (KeyError, TypeError):
        raise ValueError(
            f"unknown export format {fmt!r}; use one of: {', '.join(sorted(FORMATS))}"
        ) from None
    return writer(G, target, progress=progress)
