from marshmallow import Schema, fields, validate

from api.common import EARLIEST, LATEST, text
from graph.money import BP
from graph.rules import MAX_THRESHOLD, RULE_DOCS, RULE_FIELDS


def _doc(name):
    """The OpenAPI metadata of rule ``name`` (for a list: of the list), and of
    its items, from graph.rules.RULE_DOCS."""
    doc = dict(RULE_DOCS[name])
    items = {key[len("items_"):]: doc.pop(key) for key in list(doc) if key.startswith("items_")}
    if "min_items" in doc:
        doc["minItems"] = doc.pop("min_items")
    return doc, items


class TierSchema(Schema):
    min_referrals = fields.Integer(required=True, strict=True,
                                   validate=validate.Range(1, MAX_THRESHOLD), metadata={
                                       "description": "referrals needed for this tier"})
    share_bp = fields.Integer(required=True, strict=True, validate=validate.Range(0, BP),
                              metadata={"description": "share of the fee base paid at this "
                                                       "tier, in bp"})


class _JsonBoolean(fields.Boolean):
    """JSON true or false only: not 1, 0 or "yes" (``0 in {False}`` in Python)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


def _bounds(doc):
    """The validators a rule's documented bounds and words ask for; each rule
    is checked on its own here, and the rules together by graph.rules.validate
    (422 invalid_rules)."""
    if "enum" in doc:
        return [validate.OneOf(doc["enum"])]
    if "minimum" in doc or "maximum" in doc:
        return [validate.Range(doc.get("minimum"), doc.get("maximum"))]
    return []


def _rule_field(name):
    """The field of rule ``name``, typed as the RuleSet types it, with the
    bounds and words graph.rules.RULE_DOCS gives it."""
    kind = RULE_FIELDS[name]
    doc, items = _doc(name)
    if name == "tiers":
        return fields.List(fields.Nested(TierSchema), metadata=doc)
    if kind is tuple:
        inner = (fields.String(validate=_bounds(items)) if "enum" in items
                 else fields.Integer(strict=True, validate=_bounds(items)))
        return fields.List(inner, metadata=doc)
    if kind is bool:
        return _JsonBoolean(metadata=doc)
    if kind is int:
        return fields.Integer(strict=True, validate=_bounds(doc), metadata=doc)
    return fields.String(validate=_bounds(doc), metadata=doc)


#: Every rule, partial: the fields to change in a rule-set version.
RulesBodySchema = Schema.from_dict({name: _rule_field(name) for name in RULE_FIELDS},
                                   name="RulesBodySchema")


class RuleVersionSchema(Schema):
    version = fields.Integer()
    effective_from = fields.Integer()
    created_at = fields.Integer()
    created_by = fields.String()
    note = fields.String(allow_none=True)
    rules = fields.Method("dump_rules")

    def dump_rules(self, obj):
        return obj["rules"].to_dict()


class RuleHistorySchema(Schema):
    items = fields.List(fields.Nested(RuleVersionSchema))


class RuleChangeSchema(Schema):
    rules = fields.Nested(RulesBodySchema, required=True,
                          metadata={"description": "fields to change; the rest are kept"})
    effective_from = fields.Integer(load_default=None, strict=True,
                                    validate=validate.Range(EARLIEST, LATEST),
                                    metadata={"description": "epoch ms; default now"})
    note = text(0, 500, load_default=None)
