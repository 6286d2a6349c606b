"""Webhook endpoints as refgraph stored them before issue 27 sealed their
secrets: the signing secret in plain text (``secret``, and ``previous_secret``
after a rotation).  For the upgrade tests (tests/test_webhook_secrets.py,
tests/test_contract.py).

:func:`legacy` lends a backend the two statements of then, as they were
(``webhook_endpoint_create`` and ``webhook_secret_rotate`` at ``ea84e06``,
shortened to what they wrote), under names of their own.
"""

from __future__ import annotations

import tempfile
from contextlib import contextmanager
from pathlib import Path

from graph.registry import Registry

LEGACY = {
    "legacy_webhook_endpoint_create": """// name: legacy_webhook_endpoint_create
// What webhook_endpoint_create wrote before issue 27: the secret in plain text.
MERGE (ep:WebhookEndpoint {id: $id})
ON CREATE SET ep.url = $url, ep.events = $events, ep.status = 'enabled',
  ep.secret = $secret, ep.created_at = $at, ep.updated_at = $at,
  ep.consecutive_failures = 0, ep.request_hash = 'legacy'
""",
    "legacy_webhook_secret_rotate": """// name: legacy_webhook_secret_rotate
// What webhook_secret_rotate wrote before issue 27: both secrets in plain text.
MATCH (ep:WebhookEndpoint {id: $id})
SET ep.previous_secret = ep.secret, ep.previous_secret_until = $previous_until,
    ep.secret = $secret, ep.secret_rotated_at = $at, ep.updated_at = $at
""",
}


@contextmanager
def legacy(backend):
    """``backend`` running the statements of before (and only those) inside."""
    saved = backend.queries
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "legacy").mkdir()
        for name, text in LEGACY.items():
            (Path(folder) / "legacy" / f"{name}.cypher").write_text(text)
        backend.queries = Registry(backend.name, Path(folder))
        try:
            yield backend
        finally:
            backend.queries = saved
