from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="StatusResult")



@_attrs_define
class StatusResult:
    """ 
        Attributes:
            id (str | Unset):
            status (str | Unset):
            status_reason (None | str | Unset):
            status_changed_at (int | Unset):
     """

    id: str | Unset = UNSET
    status: str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    status_changed_at: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        status_changed_at = self.status_changed_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if status_changed_at is not UNSET:
            field_dict["status_changed_at"] = status_changed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))


        status_changed_at = d.pop("status_changed_at", UNSET)

        status_result = cls(
            id=id,
            status=status,
            status_reason=status_reason,
            status_changed_at=status_changed_at,
        )

        return status_result

