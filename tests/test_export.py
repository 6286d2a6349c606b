"""Exports read back by the readers of their own formats: networkx for
GraphML and GEXF, the csv module for Neo4j's bulk-import CSV."""

import csv

import networkx as nx
import pytest

from graph import export as ex

NASTY_NAME = 'Zoë "Z" <&> Ünïcødé 李, \'x\''
CSV_NAME = 'Smith, "Jo"\nsecond line'
CREATED = 1_700_000_000_123  # beyond 32 bits: must stay a long


def referral_graph():
    """Three users and two referrals, with the attributes build_graph sets."""
    G = nx.DiGraph(
        fee_totals=[{"period": "2024-01", "fees": 10}], purchases=[("u1", 3)],
        rewards=[{"user": "u1", "amount": 2}], truncated=True,
    )
    G.add_node(
        "u1", name=NASTY_NAME, roles=["buyer", "merchant"], status="active",
        created_at=CREATED, root=True, phone_hash="ph1", device_id=None,
        payment_hash=None, fees=250, fees_gross=300, refunded_fees=50, sales=10_000,
        rewards=0, level=0,
    )
    G.add_node(
        "u2", name=CSV_NAME, roles=["cardholder"], status="suspended",
        created_at=CREATED + 1, root=False, phone_hash=None, device_id="d2",
        payment_hash="pay2", fees=0, fees_gross=0, refunded_fees=0, sales=0,
        rewards=7, level=1,
    )
    G.add_node(
        "u3", name="Plain", roles=["buyer"], status="closed", created_at=CREATED + 2,
        root=False, phone_hash=None, device_id=None, payment_hash=None, fees=-5,
        fees_gross=0, refunded_fees=5, sales=0, rewards=0, level=2,
    )
    G.add_edge("u1", "u2", at=CREATED + 10)
    G.add_edge("u2", "u3", at=CREATED + 20)
    return G


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


# GraphML and GEXF ---------------------------------------------------------

XML_FORMATS = [
    ("graphml", ex.write_graphml, nx.read_graphml),
    ("gexf", ex.write_gexf, nx.read_gexf),
]


@pytest.mark.parametrize("suffix,write,read", XML_FORMATS)
def test_xml_round_trip_keeps_structure_and_values(tmp_path, suffix, write, read):
    G = referral_graph()
    path = tmp_path / f"net.{suffix}"
    assert write(G, path) == [path]
    H = read(path)
    assert H.is_directed()
    assert set(H.nodes) == {"u1", "u2", "u3"}
    assert set(H.edges) == {("u1", "u2"), ("u2", "u3")}
    u1, u2 = H.nodes["u1"], H.nodes["u2"]
    assert u1["name"] == NASTY_NAME and u1["label"] == NASTY_NAME
    assert u2["name"] == CSV_NAME
    assert u1["roles"] == "buyer;merchant" and u2["roles"] == "cardholder"
    assert (u1["role"], u2["role"], H.nodes["u3"]["role"]) == ("merchant", "cardholder", "buyer")
    assert u1["created_at"] == CREATED and type(u1["created_at"]) is int
    assert type(u1["fees"]) is int and H.nodes["u3"]["fees"] == -5
    assert u2["rewards"] == 7 and u2["level"] == 1
    assert u1["root"] is True and u2["root"] is False
    assert H.edges["u1", "u2"]["at"] == CREATED + 10
    assert type(H.edges["u2", "u3"]["at"]) is int


@pytest.mark.parametrize("suffix,write,read", XML_FORMATS)
def test_xml_leaves_none_out(tmp_path, suffix, write, read):
    path = tmp_path / f"net.{suffix}"
    write(referral_graph(), path)
    H = read(path)
    assert "device_id" not in H.nodes["u1"] and "payment_hash" not in H.nodes["u1"]
    assert H.nodes["u2"]["device_id"] == "d2" and H.nodes["u1"]["phone_hash"] == "ph1"


def test_graphml_types_ints_as_long_and_keeps_only_scalar_graph_keys(tmp_path):
    path = tmp_path / "net.graphml"
    ex.write_graphml(referral_graph(), path)
    text = path.read_text(encoding="utf-8")
    assert 'attr.name="created_at" attr.type="long"' in text
    assert 'attr.name="root" attr.type="boolean"' in text
    graph_data = dict(nx.read_graphml(path).graph)
    # the reader adds these two itself
    assert graph_data.pop("node_default") == {} and graph_data.pop("edge_default") == {}
    assert graph_data == {"truncated": True}


def test_gexf_writes_name_as_the_node_label(tmp_path):
    path = tmp_path / "net.gexf"
    ex.write_gexf(referral_graph(), path)
    assert 'label="Plain"' in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("suffix,write,read", XML_FORMATS)
def test_xml_does_not_change_the_graph_it_exports(tmp_path, suffix, write, read):
    G = referral_graph()
    before = (dict(G.graph), {n: dict(d) for n, d in G.nodes(data=True)})
    write(G, tmp_path / f"net.{suffix}")
    assert (G.graph, {n: dict(d) for n, d in G.nodes(data=True)}) == before


# Neo4j CSV ----------------------------------------------------------------

def test_neo4j_csv_headers_rows_and_labels(tmp_path):
    users, referrals = ex.write_neo4j_csv(referral_graph(), tmp_path / "out")
    assert (users.name, referrals.name) == ("users.csv", "referrals.csv")
    user_rows = read_csv(users)
    assert user_rows[0] == [
        "id:ID(User)", "name", "status", "created_at:long", "root:boolean",
        "phone_hash", "device_id", "payment_hash", "fees:long", "sales:long",
        "rewards:long", ":LABEL",
    ]
    by_id = {row[0]: row for row in user_rows[1:]}
    assert len(user_rows) == 1 + 3 and set(by_id) == {"u1", "u2", "u3"}
    assert by_id["u1"] == [
        "u1", NASTY_NAME, "active", str(CREATED), "true", "ph1", "", "", "250",
        "10000", "0", "User;Buyer;Merchant",
    ]
    assert by_id["u2"][4] == "false" and by_id["u2"][-1] == "User;CardHolder"
    assert by_id["u3"][8] == "-5" and by_id["u3"][-1] == "User;Buyer"

    referral_rows = read_csv(referrals)
    assert referral_rows[0] == [":START_ID(User)", ":END_ID(User)", "at:long", ":TYPE"]
    assert sorted(referral_rows[1:]) == [
        ["u1", "u2", str(CREATED + 10), "REFERRED"],
        ["u2", "u3", str(CREATED + 20), "REFERRED"],
    ]


def test_neo4j_csv_quotes_comma_quote_and_newline(tmp_path):
    users, _ = ex.write_neo4j_csv(referral_graph(), tmp_path)
    raw = users.read_text(encoding="utf-8")
    assert '"Smith, ""Jo""\nsecond line"' in raw
    assert {row[0]: row[1] for row in read_csv(users)[1:]}["u2"] == CSV_NAME


def test_neo4j_csv_labels_in_schema_order():
    assert ex.neo4j_labels(["buyer", "cardholder", "merchant"]) == "User;Buyer;Merchant;CardHolder"
    assert ex.neo4j_labels(["cardholder"]) == "User;CardHolder"
    assert ex.neo4j_labels([]) == "User"


def test_neo4j_import_command_names_the_written_files(tmp_path):
    paths = ex.write_neo4j_csv(referral_graph(), tmp_path)
    argv = ex.neo4j_import_command(tmp_path, database="referrals")
    assert argv[:5] == ["neo4j-admin", "database", "import", "full", "referrals"]
    assert f"--nodes={paths[0]}" in argv and f"--relationships={paths[1]}" in argv
    assert "--multiline-fields=true" in argv
    assert ex.neo4j_import_command(tmp_path)[4] == "neo4j"


@pytest.mark.parametrize("name", ["--overwrite-destination", "", "1db", None])
def test_neo4j_import_command_refuses_what_is_not_a_database_name(tmp_path, name):
    with pytest.raises(ValueError, match="not a Neo4j database name"):
        ex.neo4j_import_command(tmp_path, name)


# Every format -------------------------------------------------------------

FORMAT_TARGETS = [("graphml", "net.graphml"), ("gexf", "net.gexf"), ("neo4j-csv", "csv")]


@pytest.mark.parametrize("fmt,target", FORMAT_TARGETS)
def test_export_dispatches_to_the_writer(tmp_path, fmt, target):
    paths = ex.export(referral_graph(), fmt, tmp_path / target)
    assert paths and all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert ex.FORMATS[fmt] is {
        "graphml": ex.write_graphml, "gexf": ex.write_gexf, "neo4j-csv": ex.write_neo4j_csv,
    }[fmt]


@pytest.mark.parametrize("fmt", ["dot", "GraphML", None])
def test_export_unknown_format_names_the_valid_ones(tmp_path, fmt):
    with pytest.raises(ValueError) as caught:
        ex.export(referral_graph(), fmt, tmp_path / "x")
    assert "gexf, graphml, neo4j-csv" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def big_graph(users):
    G = nx.DiGraph()
    for i in range(users):
        G.add_node(f"u{i}", name=f"user {i}", roles=["buyer"], root=i == 0, created_at=i)
    for i in range(1, users):
        G.add_edge(f"u{(i - 1) // 3}", f"u{i}", at=i)
    return G


@pytest.mark.parametrize("fmt,target", FORMAT_TARGETS)
def test_progress_every_ten_thousand_items_and_once_at_the_end(tmp_path, fmt, target):
    G = big_graph(12_000)  # 23 999 items
    calls = []
    ex.export(G, fmt, tmp_path / target, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(10_000, 23_999), (20_000, 23_999), (23_999, 23_999)]


@pytest.mark.parametrize("fmt,target", FORMAT_TARGETS)
def test_progress_total_is_reported_once_even_on_a_multiple(tmp_path, fmt, target):
    G = big_graph(5_000)
    G.add_node("extra")  # 5 001 nodes + 4 999 edges = 10 000 items
    calls = []
    ex.export(G, fmt, tmp_path / target, progress=lambda *args: calls.append(args))
    assert calls == [(10_000, 10_000)]


@pytest.mark.parametrize("suffix,write,read", XML_FORMATS)
def test_empty_graph_xml(tmp_path, suffix, write, read):
    calls = []
    path = tmp_path / f"empty.{suffix}"
    write(nx.DiGraph(), path, progress=lambda *args: calls.append(args))
    H = read(path)
    assert H.number_of_nodes() == 0 and H.number_of_edges() == 0
    assert calls == [(0, 0)]


def test_empty_graph_neo4j_csv(tmp_path):
    calls = []
    users, referrals = ex.write_neo4j_csv(
        nx.DiGraph(), tmp_path, progress=lambda *args: calls.append(args)
    )
    assert read_csv(users) == [ex.USERS_HEADER]
    assert read_csv(referrals) == [ex.REFERRALS_HEADER]
    assert calls == [(0, 0)]


def test_node_with_missing_attributes_still_exports(tmp_path):
    G = nx.DiGraph()
    G.add_node("bare")
    G.add_edge("bare", "other")
    ex.write_graphml(G, tmp_path / "g.graphml")
    ex.write_gexf(G, tmp_path / "g.gexf")
    users, referrals = ex.write_neo4j_csv(G, tmp_path)
    assert read_csv(users)[1] == ["bare"] + [""] * 10 + ["User"]
    assert read_csv(referrals)[1] == ["bare", "other", "", "REFERRED"]
    assert set(nx.read_graphml(tmp_path / "g.graphml").nodes) == {"bare", "other"}
    assert set(nx.read_gexf(tmp_path / "g.gexf").edges) == {("bare", "other")}
