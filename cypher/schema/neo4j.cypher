// Neo4j 5 schema: uniqueness constraints (each backed by an index) for every
// id a client supplies, and the other indexes the queries need.
// IF NOT EXISTS makes every statement safe to apply again.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
