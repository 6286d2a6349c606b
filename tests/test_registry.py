import pytest

from graph.errors import QueryRegistryError, UnknownQuery
from graph.registry import Registry, parse_file


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def root(tmp_path):
    write(tmp_path, "schema/falkordb.cypher", "CREATE INDEX FOR (u:User) ON (u.id);\n")
    write(tmp_path, "a/one.cypher", "// name: one\n// Returns one.\nRETURN 1 AS one\n")
    return tmp_path


def test_loads_queries_with_their_docs(root):
    registry = Registry("falkordb", root)
    assert list(registry) == ["one"]
    assert registry["one"].text == "RETURN 1 AS one"
    assert registry["one"].doc == "Returns one."


def test_unknown_name_fails_with_a_hint(root):
    with pytest.raises(UnknownQuery, match="add cypher/<area>/missing.cypher"):
        Registry("falkordb", root)["missing"]


def test_missing_header_fails_at_load(root):
    write(root, "a/two.cypher", "RETURN 2 AS two\n")
    with pytest.raises(QueryRegistryError, match="// name:"):
        Registry("falkordb", root)


def test_duplicate_name_fails_at_load(root):
    write(root, "b/one.cypher", "// name: one\nRETURN 1 AS one\n")
    with pytest.raises(QueryRegistryError, match="duplicate query name 'one'"):
        Registry("falkordb", root)


def test_header_must_match_file_name(root):
    write(root, "a/two.cypher", "// name: three\nRETURN 3 AS three\n")
    with pytest.raises(QueryRegistryError, match="make them agree"):
        Registry("falkordb", root)


def test_one_statement_per_file(root):
    write(root, "a/two.cypher", "// name: two\nRETURN 2 AS two;\nRETURN 3 AS three\n")
    with pytest.raises(QueryRegistryError, match="one statement per file"):
        Registry("falkordb", root)


def test_dialect_variant_replaces_the_common_query_for_its_backend(root):
    write(root, "a/one.neo4j.cypher", "// name: one\nRETURN 1 AS one, 'neo4j' AS dialect\n")
    assert "neo4j" in Registry("neo4j", root)["one"].text
    assert "neo4j" not in Registry("falkordb", root)["one"].text


def test_dialect_variant_without_common_query_fails(root):
    write(root, "a/only.neo4j.cypher", "// name: only\nRETURN 1 AS one\n")
    with pytest.raises(QueryRegistryError, match="without a common query"):
        Registry("falkordb", root)


def test_schema_statements_skip_comments(root):
    write(root, "schema/falkordb.cypher", "// a; comment\nCREATE INDEX FOR (u:U) ON (u.id);\n"
          "CREATE INDEX FOR (s:S) ON (s.id);\n")
    assert Registry("falkordb", root).schema_statements() == [
        "CREATE INDEX FOR (u:U) ON (u.id)", "CREATE INDEX FOR (s:S) ON (s.id)"]


def test_shipped_registry_loads_for_every_backend():
    for backend in ("falkordb", "neo4j"):
        registry = Registry(backend)
        assert len(registry) > 0
        assert registry.schema_statements()


def test_parse_file_rejects_header_only(tmp_path):
    path = write(tmp_path, "x.cypher", "// name: x\n// nothing else\n")
    with pytest.raises(QueryRegistryError, match="no statement"):
        parse_file(path)


def test_sent_text_has_no_comments_and_one_space_between_tokens(root):
    write(root, "a/two.cypher", (
        "// name: two\n"
        "// Returns two, and text that looks like comments.\n"
        "MATCH (u:User {id: $id})   // the user\n"
        "  /* a block\n     comment */\n"
        "WITH u\n"
        "\tRETURN 'http://x  y' AS url, \"a // \\\" b\" AS quoted,\n"
        "       'it\\'s // here' AS escaped, u.`odd  // name` AS odd//end\n"))
    two = Registry("falkordb", root)["two"]
    assert two.text == ("MATCH (u:User {id: $id}) WITH u RETURN 'http://x  y' AS url, "
                        "\"a // \\\" b\" AS quoted, 'it\\'s // here' AS escaped, "
                        "u.`odd  // name` AS odd")
    assert two.doc == "Returns two, and text that looks like comments."
    assert "// the user" in two.source and "\n" in two.source


def test_unclosed_quote_fails_at_load(root):
    write(root, "a/two.cypher", "// name: two\nRETURN 'two AS two\n")
    with pytest.raises(QueryRegistryError, match="never closed"):
        Registry("falkordb", root)


def test_shipped_queries_are_sent_without_comments():
    for backend in ("falkordb", "neo4j"):
        registry = Registry(backend)
        for name in registry:
            text = registry[name].text
            assert "\n" not in text and "  " not in text, name
        sale = registry["sale_record"]
        assert "//" not in sale.text and len(sale.text) < 0.85 * len(sale.source)
