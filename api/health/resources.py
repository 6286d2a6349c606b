"""Liveness and readiness of refgraph and its graph backend."""

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from graph import get_backend

blp = Blueprint("health", __name__, url_prefix="/health", description="Service health")


class HealthSchema(Schema):
    status = fields.String(metadata={"example": "ok"})
    backend = fields.String(metadata={"example": "falkordb"})
    version = fields.String(metadata={"example": "FalkorDB 4.16.3"})


@blp.route("")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    @blp.doc(security=[])
    def get(self):
        """Report the backend's name and version, and ok when it answers."""
        backend = get_backend()
        return {"status": "ok", "backend": backend.name, "version": backend.version()}
