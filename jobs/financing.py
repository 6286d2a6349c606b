"""The consumer-finance job: applications left undecided lapse."""

from __future__ import annotations

import logging

from flask import Flask

from graph import get_backend
from graph.errors import RefgraphError
from graph.store import audit, financing

log = logging.getLogger("refgraph.jobs")

#: who the audit trail says cancelled a lapsed application
WORKER: audit.Actor = {"type": "worker", "id": "financing.lapse", "role": None}


def lapse_applications(app: Flask) -> None:
    """Cancel the financing applications whose institution did not decide
    within the rule ``financing_lapse_hours``: their sales are void.  Safe to
    repeat and to run beside callbacks (graph.store.financing.lapse_due)."""
    backend = get_backend(app)
    done = financing.lapse_due(backend)
    for application_id in done["lapsed"]:
        event = audit.subject("financing", application_id)
        try:
            audit.record(backend, "financing.cancelled", event, WORKER,
                         before={"status": "applied"},
                         after={"status": "cancelled", "cancelled_by": financing.LAPSE})
        except RefgraphError:  # the lapse is done; a lost audit line is logged
            log.exception("audit line of lapsed application %s not recorded", application_id)
    if done["lapsed"] or done["skipped"]:
        log.info("financing: %d applications lapsed, %d decided meanwhile",
                 len(done["lapsed"]), len(done["skipped"]))
