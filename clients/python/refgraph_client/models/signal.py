from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.signal_evidence import SignalEvidence





T = TypeVar("T", bound="Signal")



@_attrs_define
class Signal:
    """ 
        Attributes:
            id (str | Unset):
            kind (str | Unset):
            subject (str | Unset): the user the signal is about
            user_ids (list[str] | Unset):
            evidence (SignalEvidence | Unset): the facts that raised the signal
            message (str | Unset):
     """

    id: str | Unset = UNSET
    kind: str | Unset = UNSET
    subject: str | Unset = UNSET
    user_ids: list[str] | Unset = UNSET
    evidence: SignalEvidence | Unset = UNSET
    message: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.signal_evidence import SignalEvidence # noqa: PLC0415
        id = self.id

        kind = self.kind

        subject = self.subject

        user_ids: list[str] | Unset = UNSET
        if not isinstance(self.user_ids, Unset):
            user_ids = self.user_ids



        evidence: dict[str, Any] | Unset = UNSET
        if not isinstance(self.evidence, Unset):
            evidence = self.evidence.to_dict()

        message = self.message


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if kind is not UNSET:
            field_dict["kind"] = kind
        if subject is not UNSET:
            field_dict["subject"] = subject
        if user_ids is not UNSET:
            field_dict["user_ids"] = user_ids
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signal_evidence import SignalEvidence # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        kind = d.pop("kind", UNSET)

        subject = d.pop("subject", UNSET)

        user_ids = cast(list[str], d.pop("user_ids", UNSET))


        _evidence = d.pop("evidence", UNSET)
        evidence: SignalEvidence | Unset
        if isinstance(_evidence,  Unset):
            evidence = UNSET
        else:
            evidence = SignalEvidence.from_dict(_evidence)




        message = d.pop("message", UNSET)

        signal = cls(
            id=id,
            kind=kind,
            subject=subject,
            user_ids=user_ids,
            evidence=evidence,
            message=message,
        )

        return signal

