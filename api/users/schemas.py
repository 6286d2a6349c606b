from marshmallow import Schema, fields, validate

from api.common import entity_id, text
from api.pagination import PageArgs
from graph.vocabulary import BUYER, REGISTRATION_ROLES, ROLES, USER_STATUSES


class FingerprintsSchema(Schema):
    phone_hash = text(1, 128)
    device_id = text(1, 128)
    payment_hash = text(1, 128)


class _JsonBoolean(fields.Boolean):
    """JSON true or false only: a batch answers 200 with refusals inside, so
    ``"root": 0`` must be refused as invalid, not read as false."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class RegisterSchema(Schema):
    id = entity_id(required=True, metadata={"description": "the platform's id for the user"})
    name = text(1, 200, required=True)
    roles = fields.List(fields.String(validate=validate.OneOf(REGISTRATION_ROLES)),
                        load_default=[BUYER], validate=validate.Length(max=2),
                        metadata={"description": "buyer and/or merchant; card holders "
                                                 "become so by buying a card"})
    referral_code = entity_id(load_default=None)
    referrer_id = entity_id(load_default=None)
    root = _JsonBoolean(load_default=False,
                          metadata={"description": "operator-created root without referrer"})
    fingerprints = fields.Nested(FingerprintsSchema, load_default=dict)


class UserSchema(Schema):
    id = fields.String()
    name = fields.String()
    status = fields.String()
    roles = fields.List(fields.String())
    referral_code = fields.String()
    referrer_id = fields.String(allow_none=True)
    root = fields.Boolean()
    created_at = fields.Integer(metadata={"description": "epoch ms, UTC"})
    referrals = fields.Integer(metadata={"description": "direct referrals"})


class RegisterBatchInSchema(Schema):
    users = fields.List(fields.Nested(RegisterSchema), required=True,
                        validate=validate.Length(1, 1_000),
                        metadata={"description": "1 to 1,000 registrations"})


class RegisterBatchResultSchema(Schema):
    id = fields.String()
    status = fields.Integer(metadata={"description": "201 created, 200 replayed, 409 id "
                                                     "reused, 422 refused"})
    code = fields.String()
    message = fields.String(allow_none=True)
    user = fields.Nested(UserSchema, allow_none=True)


class RegisterBatchSchema(Schema):
    created = fields.Integer()
    replayed = fields.Integer()
    refused = fields.Integer()
    results = fields.List(fields.Nested(RegisterBatchResultSchema))


class UserListArgs(PageArgs):
    role = fields.String(load_default=None, validate=validate.OneOf(ROLES))
    status = fields.String(load_default=None, validate=validate.OneOf(USER_STATUSES))
    referrer_id = entity_id(load_default=None)


class StatusSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(USER_STATUSES))
    reason = text(0, 500, load_default=None)


class StatusResultSchema(Schema):
    id = fields.String()
    status = fields.String()
    status_reason = fields.String(allow_none=True)
    status_changed_at = fields.Integer()


class ReferrerSchema(Schema):
    referrer_id = entity_id(required=True)


class ReferrerResultSchema(Schema):
    user_id = fields.String()
    referrer_id = fields.String()


class UplineEntrySchema(Schema):
    distance = fields.Integer()
    id = fields.String()
    name = fields.String()
    status = fields.String()
    roles = fields.List(fields.String())


class UplineSchema(Schema):
    user_id = fields.String()
    upline = fields.List(fields.Nested(UplineEntrySchema))


class DownlineArgs(PageArgs):
    depth = fields.Integer(load_default=3, validate=validate.Range(1, 10))


class LevelSchema(Schema):
    level = fields.Integer()
    users = fields.Integer()
    merchants = fields.Integer()


class DownlineUserSchema(UplineEntrySchema):
    level = fields.Integer()
    referrer_id = fields.String()

    class Meta:
        exclude = ("distance",)


class DownlineSchema(Schema):
    user_id = fields.String()
    depth = fields.Integer()
    total = fields.Integer()
    levels = fields.List(fields.Nested(LevelSchema))
    items = fields.List(fields.Nested(DownlineUserSchema))
    next_cursor = fields.String(allow_none=True)


class BalancesSchema(Schema):
    user_id = fields.String()
    points = fields.Integer()
    cash_pending = fields.Integer(metadata={"description": "rewards in their hold period"})
    cash_available = fields.Integer(metadata={"description": "rewards that can be withdrawn"})
    voucher_balance = fields.Integer(metadata={"description": "value left on usable vouchers"})
    vouchers = fields.Integer(metadata={"description": "usable vouchers"})
