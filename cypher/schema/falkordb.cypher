// FalkorDB schema: indexes in Cypher, unique constraints as GRAPH.CONSTRAINT
// commands (FalkorDB has no Cypher constraint syntax; refgraph inserts the
// graph name after CREATE).  A unique constraint needs an exact-match index
// on the same property first.  Applied at every start; existing ones are kept.
CREATE INDEX FOR (u:User) ON (u.id);
CREATE INDEX FOR (u:User) ON (u.referral_code);
CREATE INDEX FOR (s:Sale) ON (s.id);
CREATE INDEX FOR (r:Refund) ON (r.id);
CREATE INDEX FOR (c:Card) ON (c.id);
CREATE INDEX FOR (v:Voucher) ON (v.id);
CREATE INDEX FOR (t:FeeTotal) ON (t.id);
CREATE INDEX FOR (t:FeeTotal) ON (t.period);
CREATE INDEX FOR (r:RuleSet) ON (r.change_id);
CREATE INDEX FOR (r:RuleSet) ON (r.version);
CREATE INDEX FOR (k:ApiKey) ON (k.id);
CREATE INDEX FOR (h:Heartbeat) ON (h.id);
GRAPH.CONSTRAINT CREATE UNIQUE NODE User PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Sale PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Refund PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Card PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Voucher PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE FeeTotal PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE RuleSet PROPERTIES 1 change_id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE RuleSet PROPERTIES 1 version;
GRAPH.CONSTRAINT CREATE UNIQUE NODE ApiKey PROPERTIES 1 id;
