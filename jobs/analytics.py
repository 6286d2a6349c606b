"""The whole-network analytics job: recompute and cache them."""

from __future__ import annotations

import logging

from flask import Flask

from graph import get_backend
from graph.store import analytics

log = logging.getLogger("refgraph.jobs")


def refresh_analytics(app: Flask) -> None:
    """Recompute the network summary, influence, communities and fraud signals."""
    summary = analytics.refresh(get_backend(app))
    log.info("analytics refreshed: %d users, %d fraud signals", summary["users"],
             summary["signals"]["total"])
