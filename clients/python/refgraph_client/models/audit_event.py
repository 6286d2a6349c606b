from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.actor import Actor
  from ..models.subject import Subject





T = TypeVar("T", bound="AuditEvent")



@_attrs_define
class AuditEvent:
    """ 
        Attributes:
            id (str | Unset):
            at (int | Unset): epoch ms, UTC
            action (str | Unset): rules.changed, withdrawal.approved, withdrawal.rejected, withdrawal.paid,
                withdrawal.failed, user.suspended, user.reactivated, user.closed, user.referrer_attached, api_key.created,
                api_key.revoked, payout_batch.created, reward_run.completed, voucher.issued, voucher.revoked,
                voucher.redemption_minted, institution.registered, institution.updated, institution.secret_rotated,
                financing.approved, financing.declined, financing.disbursed, financing.cancelled, mismatch.resolved,
                webhook.created, webhook.updated, webhook.deleted, webhook.secret_rotated, webhook.tested,
                webhook.delivery_retried
            subject (Subject | Unset):
            actor (Actor | Unset):
            before (Any | Unset): the subject's relevant fields before (null: it did not exist)
            after (Any | Unset): the same fields after
            request_id (None | str | Unset): X-Request-Id of the API request; null for the command line
     """

    id: str | Unset = UNSET
    at: int | Unset = UNSET
    action: str | Unset = UNSET
    subject: Subject | Unset = UNSET
    actor: Actor | Unset = UNSET
    before: Any | Unset = UNSET
    after: Any | Unset = UNSET
    request_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.actor import Actor # noqa: PLC0415
        from ..models.subject import Subject # noqa: PLC0415
        id = self.id

        at = self.at

        action = self.action

        subject: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subject, Unset):
            subject = self.subject.to_dict()

        actor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.actor, Unset):
            actor = self.actor.to_dict()

        before = self.before

        after = self.after

        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if at is not UNSET:
            field_dict["at"] = at
        if action is not UNSET:
            field_dict["action"] = action
        if subject is not UNSET:
            field_dict["subject"] = subject
        if actor is not UNSET:
            field_dict["actor"] = actor
        if before is not UNSET:
            field_dict["before"] = before
        if after is not UNSET:
            field_dict["after"] = after
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor import Actor # noqa: PLC0415
        from ..models.subject import Subject # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        at = d.pop("at", UNSET)

        action = d.pop("action", UNSET)

        _subject = d.pop("subject", UNSET)
        subject: Subject | Unset
        if isinstance(_subject,  Unset):
            subject = UNSET
        else:
            subject = Subject.from_dict(_subject)




        _actor = d.pop("actor", UNSET)
        actor: Actor | Unset
        if isinstance(_actor,  Unset):
            actor = UNSET
        else:
            actor = Actor.from_dict(_actor)




        before = d.pop("before", UNSET)

        after = d.pop("after", UNSET)

        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("request_id", UNSET))


        audit_event = cls(
            id=id,
            at=at,
            action=action,
            subject=subject,
            actor=actor,
            before=before,
            after=after,
            request_id=request_id,
        )

        return audit_event

