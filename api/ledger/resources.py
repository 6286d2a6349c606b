"""The ledger, for operators."""

from flask.views import MethodView

from api import auth
from api.common import v1_blueprint
from api.pagination import PageArgs, decode, page, page_of
from graph import get_backend
from graph.store import ledger

from .schemas import CheckSchema, EntrySchema

blp = v1_blueprint("ledger", __name__, "The double-entry ledger (operators)")


@blp.route("/ledger/check")
class Check(MethodView):
    @blp.response(200, CheckSchema)
    @auth.roles("operator")
    def get(self):
        """Verify every entry and every cached balance against the entries"""
        problems = ledger.check(get_backend())
        return {"clean": not problems, "problems": problems}


@blp.route("/ledger/accounts/<ref:account>/entries")
class Entries(MethodView):
    @blp.arguments(PageArgs, location="query")
    @blp.response(200, page_of(EntrySchema))
    @auth.roles("operator")
    def get(self, args, account):
        """The entries of one account, e.g. user:alice:available"""
        items = ledger.entries(get_backend(), account, after=decode(args["cursor"]),
                               limit=args["limit"])
        return page(items, args["limit"], lambda entry: entry["id"])
