from __future__ import annotations

from marshmallow import Schema, fields, validate

from api.common import text
from api.pagination import PageArgs
from graph.vocabulary import AUDIT_ACTIONS


class AuditListArgs(PageArgs):
    action = fields.String(load_default=None, validate=validate.OneOf(AUDIT_ACTIONS),
                           metadata={"description": "only this action"})
    subject_id = text(1, 128, load_default=None,
                               metadata={"description": "only events about this subject id "
                                                        "(a user, withdrawal, key, period…)"})
    actor = text(1, 128, load_default=None,
                          metadata={"description": "only events by this API key id or OS user"})


class ActorSchema(Schema):
    type = fields.String(metadata={"description": "api_key, cli or institution"})
    id = fields.String(metadata={"description": "the API key's id, or the OS user of a command"})
    role = fields.String(allow_none=True, metadata={"description": "the key's role; null "
                                                                   "for cli and institution"})


class SubjectSchema(Schema):
    type = fields.String(metadata={"description": "rules, withdrawal, user, api_key, "
                                                  "payout_batch, reward_run or voucher"})
    id = fields.String()


class AuditEventSchema(Schema):
    id = fields.String()
    at = fields.Integer(metadata={"description": "epoch ms, UTC"})
    action = fields.String(metadata={"description": ", ".join(AUDIT_ACTIONS)})
    subject = fields.Nested(SubjectSchema)
    actor = fields.Nested(ActorSchema)
    before = fields.Raw(allow_none=True, metadata={
        "description": "the subject's relevant fields before (null: it did not exist)"})
    after = fields.Raw(allow_none=True, metadata={"description": "the same fields after"})
    request_id = fields.String(allow_none=True,
                               metadata={"description": "X-Request-Id of the API request; "
                                                        "null for the command line"})
