"""Liveness and readiness of refgraph and its graph backend."""

from flask.views import MethodView
from flask_smorest import Blueprint

from graph import get_backend

from .schemas import HealthSchema

blp = Blueprint("health", __name__, url_prefix="/health", description="Service health")


@blp.route("")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.doc(security=[])
    def get(self):
        """Report the backend's name and version, and ok when it answers."""
        # within a second: a database silent for half of one is a 503
        # database_unavailable with Retry-After (graph.backend.HEALTH_TIMEOUT)
        backend = get_backend()
        return {"status": "ok", "backend": backend.name, "version": backend.health()}
