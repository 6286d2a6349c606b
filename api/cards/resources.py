"""Loyalty cards."""

from flask.views import MethodView

from api import auth
from api.common import client_id, current_rules, replay_headers, v1_blueprint
from graph import get_backend
from graph.errors import Refused
from graph.store import cards

from .schemas import CardListSchema, CardPurchaseSchema, CardSchema

blp = v1_blueprint("cards", __name__, "Loyalty cards")


@blp.route("/cards")
class Cards(MethodView):
    @blp.arguments(CardPurchaseSchema)
    @blp.response(201, CardSchema)
    @auth.roles("operator", "member")
    def post(self, body):
        """Buy a loyalty card: the buyer becomes a card holder and gets vouchers"""
        auth.require_self(body["user_id"])
        if body["financing"] is not None:
            raise Refused("card_not_financeable", "a loyalty card is bought from the platform "
                          "and cannot be financed: pay its price in full", "financing")
        card, created = cards.buy_card(get_backend(), id=client_id(body["id"]),
                                       user_id=body["user_id"], rules=current_rules())
        return card, 201, replay_headers(created)


@blp.route("/users/<user_id>/cards")
class UserCards(MethodView):
    @blp.response(200, CardListSchema)
    @auth.roles("operator", "member")
    def get(self, user_id):
        """The loyalty cards a user holds"""
        auth.require_self(user_id)
        return {"items": cards.cards_of(get_backend(), user_id)}
