"""Interactive API docs at ``/docs``, served by refgraph itself.

flask-smorest renders Swagger UI from a URL; the files come from the
``swagger-ui-bundle`` wheel, so the page loads nothing from the internet.
"""

from flask import Blueprint, send_from_directory

DOCS_STATIC = "/docs/static/"


def init_app(app):
    import swagger_ui_bundle

    app.config.setdefault("OPENAPI_SWAGGER_UI_PATH", "docs")
    app.config.setdefault("OPENAPI_SWAGGER_UI_URL", DOCS_STATIC)
    blueprint = Blueprint("swagger_static", __name__)

    @blueprint.route(DOCS_STATIC + "<path:filename>")
    def swagger_static(filename):
        return send_from_directory(swagger_ui_bundle.swagger_ui_path, filename, max_age=3600)

    app.register_blueprint(blueprint)
