from marshmallow import Schema, fields

from api.common import entity_id


class CardPurchaseSchema(Schema):
    id = entity_id(load_default=None,
                   metadata={"description": "purchase id (or send Idempotency-Key)"})
    user_id = entity_id(required=True)
    financing = fields.Raw(load_default=None, metadata={
        "description": "not taken: a loyalty card is bought from the platform and cannot be "
                       "financed (422 card_not_financeable)"})


class CardSchema(Schema):
    id = fields.String()
    holder_id = fields.String()
    price = fields.Integer(metadata={"description": "minor units"})
    bought_at = fields.Integer()
    voucher_ids = fields.List(fields.String())
    source = fields.String(metadata={
        "enum": ["sale", "import"],
        "description": "sale: sold by refgraph; import: a card of the platform's past, "
                       "brought in by `refgraph import users` (price 0, no vouchers)"})


class CardListSchema(Schema):
    items = fields.List(fields.Nested(CardSchema))
