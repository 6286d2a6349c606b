"""The Cypher query files; this package exists so they ship with refgraph."""
