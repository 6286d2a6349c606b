from marshmallow import Schema, fields


class CheckSchema(Schema):
    clean = fields.Boolean()
    problems = fields.List(fields.String())


class EntrySchema(Schema):
    id = fields.String()
    at = fields.Integer()
    kind = fields.String()
    debit = fields.String()
    credit = fields.String()
    amount = fields.Integer()
    ref = fields.String(allow_none=True)
