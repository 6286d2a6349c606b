// FalkorDB schema: indexes in Cypher, unique constraints as GRAPH.CONSTRAINT
// commands (FalkorDB has no Cypher constraint syntax; refgraph inserts the
// graph name after CREATE).  A unique constraint needs an exact-match index
// on the same property first.  Applied at every start; existing ones are kept.
CREATE INDEX FOR (u:User) ON (u.id);
GRAPH.CONSTRAINT CREATE UNIQUE NODE User PROPERTIES 1 id;
