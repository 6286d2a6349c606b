from marshmallow import Schema, fields


class HealthSchema(Schema):
    status = fields.String(metadata={"example": "ok"})
    backend = fields.String(metadata={"example": "falkordb"})
    version = fields.String(metadata={"example": "FalkorDB 4.16.3"})
