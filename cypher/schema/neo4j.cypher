// Neo4j 5 schema: uniqueness constraints (each backed by an index) for every
// id a client supplies, and the other indexes the queries need.
// IF NOT EXISTS makes every statement safe to apply again.
CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE;
CREATE CONSTRAINT sale_id IF NOT EXISTS FOR (s:Sale) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT refund_id IF NOT EXISTS FOR (r:Refund) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT card_id IF NOT EXISTS FOR (c:Card) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT voucher_id IF NOT EXISTS FOR (v:Voucher) REQUIRE v.id IS UNIQUE;
CREATE CONSTRAINT fee_total_id IF NOT EXISTS FOR (t:FeeTotal) REQUIRE t.id IS UNIQUE;
CREATE CONSTRAINT rule_set_change IF NOT EXISTS FOR (r:RuleSet) REQUIRE r.change_id IS UNIQUE;
CREATE CONSTRAINT rule_set_version IF NOT EXISTS FOR (r:RuleSet) REQUIRE r.version IS UNIQUE;
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT heartbeat_id IF NOT EXISTS FOR (h:Heartbeat) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT platform_id IF NOT EXISTS FOR (p:Platform) REQUIRE p.id IS UNIQUE;
CREATE INDEX user_referral_code IF NOT EXISTS FOR (u:User) ON (u.referral_code);
CREATE INDEX fee_total_period IF NOT EXISTS FOR (t:FeeTotal) ON (t.period);
CREATE INDEX sale_at IF NOT EXISTS FOR (s:Sale) ON (s.at);
CREATE CONSTRAINT reward_run_period IF NOT EXISTS FOR (r:RewardRun) REQUIRE r.period IS UNIQUE;
CREATE CONSTRAINT reward_line_id IF NOT EXISTS FOR (l:RewardLine) REQUIRE l.id IS UNIQUE;
CREATE CONSTRAINT entry_id IF NOT EXISTS FOR (e:Entry) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT withdrawal_id IF NOT EXISTS FOR (w:Withdrawal) REQUIRE w.id IS UNIQUE;
CREATE CONSTRAINT payout_batch_id IF NOT EXISTS FOR (b:PayoutBatch) REQUIRE b.id IS UNIQUE;
CREATE INDEX reward_line_period IF NOT EXISTS FOR (l:RewardLine) ON (l.period);
CREATE INDEX reward_line_status IF NOT EXISTS FOR (l:RewardLine) ON (l.status);
CREATE INDEX withdrawal_status IF NOT EXISTS FOR (w:Withdrawal) ON (w.status);
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX audit_event_at IF NOT EXISTS FOR (e:AuditEvent) ON (e.at);
CREATE CONSTRAINT outbox_event_id IF NOT EXISTS FOR (e:OutboxEvent) REQUIRE e.event_id IS UNIQUE;
CREATE INDEX outbox_event_status IF NOT EXISTS FOR (e:OutboxEvent) ON (e.event_status);
CREATE CONSTRAINT webhook_endpoint_id IF NOT EXISTS FOR (w:WebhookEndpoint) REQUIRE w.id IS UNIQUE;
CREATE INDEX webhook_endpoint_status IF NOT EXISTS FOR (w:WebhookEndpoint) ON (w.status);
CREATE CONSTRAINT webhook_delivery_id IF NOT EXISTS FOR (d:WebhookDelivery) REQUIRE d.id IS UNIQUE;
CREATE INDEX webhook_delivery_status IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.status);
CREATE INDEX webhook_delivery_endpoint IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.endpoint_id);
CREATE INDEX webhook_delivery_event IF NOT EXISTS FOR (d:WebhookDelivery) ON (d.event_id);
