from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.confirmation_status import ConfirmationStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Confirmation")



@_attrs_define
class Confirmation:
    """ 
        Attributes:
            withdrawal_id (str):
            status (ConfirmationStatus):
            reference (None | str | Unset):
            reason (None | str | Unset):
     """

    withdrawal_id: str
    status: ConfirmationStatus
    reference: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        withdrawal_id = self.withdrawal_id

        status = self.status.value

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "withdrawal_id": withdrawal_id,
            "status": status,
        })
        if reference is not UNSET:
            field_dict["reference"] = reference
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        withdrawal_id = d.pop("withdrawal_id")

        status = ConfirmationStatus(d.pop("status"))




        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        confirmation = cls(
            withdrawal_id=withdrawal_id,
            status=status,
            reference=reference,
            reason=reason,
        )

        return confirmation

