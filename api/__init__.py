"""refgraph's HTTP API: the Flask app factory.

Configuration comes from, in order: the defaults below, ``REFGRAPH_*``
environment variables (``REFGRAPH_DATA_DIR`` sets ``DATA_DIR``; values are
parsed as JSON when they can be), then the ``config`` mapping given here,
which is how tests inject their own settings.
"""

from flask import Flask
from flask_smorest import Api

import graph

from . import auth, contract, docs, errors, hardening, observability

DEFAULTS = {
    "API_TITLE": "refgraph",
    "API_VERSION": "v1",
    "OPENAPI_VERSION": "3.0.3",
    "OPENAPI_URL_PREFIX": "/",
    "OPENAPI_JSON_PATH": "openapi.json",
    "MAX_CONTENT_LENGTH": 1 << 20,
    "PAYOUT_SECRET": None,
    "PAYOUT_DIR": None,
    "PAYOUT_INSTITUTION": None,
    "INSTITUTION_KEY": None,
    "CALLBACK_TOLERANCE_SECONDS": 300,
}


API_DESCRIPTION = (
    "Referral service of a shared e-commerce platform: users and referrals, loyalty cards "
    "and vouchers, sales, refunds, fees and points, rules. Money is integer minor units, "
    "rates basis points, times epoch milliseconds (UTC). Every error has the body "
    "{code, status, message, errors}."
)


class _Api(Api):
    ERROR_SCHEMA = errors.ErrorSchema

    def register_blueprint(self, blp, **options):
        # every operation's error statuses, idempotency header and optional
        # body come from one place (api/contract.py), not from each route
        if contract.doc_callback not in getattr(blp, "_contract_cbks", ()):
            blp._contract_cbks = (contract.doc_callback,)
            blp._prepare_doc_cbks.append(contract.doc_callback(blp))
        super().register_blueprint(blp, **options)


def _configured_app(config=None):
    app = Flask(__name__)
    app.config.update(DEFAULTS)
    app.config.update(graph.DEFAULTS)
    app.config.from_prefixed_env("REFGRAPH")
    if config:
        app.config.update(config)
    return app


def load_config(config=None):
    """The configuration ``create_app`` would use, without opening anything."""
    return dict(_configured_app(config).config)


def create_app(config=None):
    """Create the refgraph app; opens (and may start) the graph backend."""
    app = _configured_app(config)

    app.json.sort_keys = False
    graph.Graph(app)
    docs.init_app(app)
    api = _Api(app, spec_kwargs={"info": {"description": API_DESCRIPTION},
                                 "extra_plugins": [contract.Links()]})
    api.spec.components.security_scheme(
        "ApiKey", {"type": "http", "scheme": "bearer", "description": "an rgk_... API key"})
    api.spec.options["security"] = [{"ApiKey": []}]
    contract.init_api(app, api)
    errors.init_app(app)
    auth.init_app(app)
    observability.init_app(app)
    hardening.init_app(app)

    from .analytics.resources import blp as analytics_blp
    from .audit.resources import blp as audit_blp
    from .cards.resources import blp as cards_blp
    from .financing.resources import blp as financing_blp
    from .financing.resources import callbacks as financing_callbacks_blp
    from .health.resources import blp as health_blp
    from .institutions.resources import blp as institutions_blp
    from .ledger.resources import blp as ledger_blp
    from .rewards.resources import blp as rewards_blp
    from .rules.resources import blp as rules_blp
    from .sales.resources import blp as sales_blp
    from .users.resources import blp as users_blp
    from .vouchers.resources import blp as vouchers_blp
    from .webhooks.resources import blp as webhooks_blp
    from .withdrawals.resources import blp as withdrawals_blp
    from .withdrawals.resources import callbacks as callbacks_blp

    for blueprint in (health_blp, users_blp, cards_blp, vouchers_blp, sales_blp, rules_blp,
                      rewards_blp, withdrawals_blp, callbacks_blp, ledger_blp, analytics_blp,
                      audit_blp, institutions_blp, financing_blp, financing_callbacks_blp,
                      webhooks_blp):
        api.register_blueprint(blueprint)
    app.extensions["refgraph.api"] = api

    from .console import init_app as init_console

    init_console(app)
    return app
