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
CREATE INDEX FOR (p:Platform) ON (p.id);
GRAPH.CONSTRAINT CREATE UNIQUE NODE User PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Sale PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Refund PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Card PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Voucher PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE FeeTotal PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE RuleSet PROPERTIES 1 change_id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE RuleSet PROPERTIES 1 version;
GRAPH.CONSTRAINT CREATE UNIQUE NODE ApiKey PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Platform PROPERTIES 1 id;
CREATE INDEX FOR (r:RewardRun) ON (r.period);
CREATE INDEX FOR (l:RewardLine) ON (l.id);
CREATE INDEX FOR (l:RewardLine) ON (l.period);
CREATE INDEX FOR (l:RewardLine) ON (l.status);
CREATE INDEX FOR (e:Entry) ON (e.id);
CREATE INDEX FOR (w:Withdrawal) ON (w.id);
CREATE INDEX FOR (w:Withdrawal) ON (w.status);
CREATE INDEX FOR (b:PayoutBatch) ON (b.id);
GRAPH.CONSTRAINT CREATE UNIQUE NODE RewardRun PROPERTIES 1 period;
GRAPH.CONSTRAINT CREATE UNIQUE NODE RewardLine PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Entry PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE Withdrawal PROPERTIES 1 id;
GRAPH.CONSTRAINT CREATE UNIQUE NODE PayoutBatch PROPERTIES 1 id;
CREATE INDEX FOR (e:AuditEvent) ON (e.id);
CREATE INDEX FOR (e:AuditEvent) ON (e.at);
GRAPH.CONSTRAINT CREATE UNIQUE NODE AuditEvent PROPERTIES 1 id;
