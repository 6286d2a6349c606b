"""Webhooks: storefronts and partners hear about what happens (issue 16).

**The transactional outbox.**  Every statement that makes a change an event
describes writes that event, an ``OutboxEvent`` node, itself:

=================================================  ==============================
statement                                          events
=================================================  ==============================
``users/user_register``, ``user_register_batch``   user.registered
``users/user_set_status``                          user.status_changed
``cards/card_buy``                                 card.purchased
``sales/sale_record``, ``sale_record_batch``       sale.recorded
``sales/refund_record``                            refund.recorded
``rewards/reward_lines_credit``                    reward.credited, clawback.created
``rewards/reward_release``                         reward.released
``rewards/reward_run_finish``                      reward_run.completed
``withdrawals/withdrawal_request``                 withdrawal.requested
``withdrawals/withdrawal_transition``              withdrawal.approved, .rejected, .paid, .failed
``analytics/analytics_snapshot_save``              signal.raised
``webhooks/webhook_vouchers_expiring``             voucher.expiring (a job of its own)
=================================================  ==============================

Each writes it in a clause marked ``// outbox`` inside the branch of the
statement where the change happens, so a replay or a refusal writes none, and a change is never committed without its event nor an
event without its change, on both engines (each statement is one
transaction).  The event id is deterministic from the change
(``<type>:<resource id>:<seq>``, unique by constraint), so a statement sent
again cannot write two.

**What an event holds, and why so.**  Neither engine stores a map as a
property, and much of what the API answers is decided *inside* the statement
(a refund's reversed fee, a user's referrer found by code, a withdrawal's
times), so a payload rendered in Python before the statement could not be
"exactly as it happened".  The statement therefore copies the resource's
fields, as it has just written them, onto the event node (``SET outbox += s
{.id, .amount, …}``: the same projection as its ``RETURN``), beside the
event's own fields, whose names all begin with ``event_`` (no resource field
does: ``tests/test_webhooks.py`` checks the schemas).  What is nested and
known whole in Python before the statement (a fraud signal's evidence, a
test event) is passed as JSON text in ``event_data``; a sale's voucher
payments, a list of maps, are copied as two lists (``event_voucher_ids``,
``event_voucher_amounts``).  :func:`graph.webhooks.events.resource_of` puts the two
together, and the worker renders it through the same marshmallow schema the
API answers with (``api/webhooks/payloads.py``).

**Order.**  Each event carries ``seq``, its place among the events of its
resource (a withdrawal: requested 1, approved 2, paid 3), counted on the
resource node (``event_seq``) in the same statement.  Deliveries to one
endpoint are concurrent and retried, so they may arrive in any order: a
receiver orders by ``seq`` per resource and deduplicates by event id.

**Delivery** (``refgraph worker``, never the web process; :mod:`jobs.webhooks`):
the worker fans each new event out to the enabled endpoints subscribed to its
type (one ``WebhookDelivery`` per event and endpoint, MERGE'd), then sends the
due deliveries concurrently from a bounded pool, each under a claim that runs
out (a worker killed mid-send leaves it to be sent again: at least once).
Requests are signed (:mod:`.signing`), go only to public addresses unless
``WEBHOOK_ALLOW_PRIVATE`` (:mod:`.safety`), follow no redirect, time out
quickly and read at most a few KB of the answer (:mod:`.sender`); failures
are retried with exponential backoff and jitter for about three days
(:mod:`.retry`), then the delivery fails and an endpoint that delivered
nothing meanwhile is disabled with the reason.
"""
