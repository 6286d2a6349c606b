from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Delivery")



@_attrs_define
class Delivery:
    """ 
        Attributes:
            id (str | Unset):
            endpoint_id (str | Unset):
            event_id (str | Unset):
            event_type (str | Unset):
            status (str | Unset): pending, delivered, failed
            attempts (int | Unset):
            created_at (int | Unset):
            next_at (int | None | Unset): when it is tried next (pending)
            last_at (int | None | Unset):
            last_code (int | None | Unset): the receiver's last HTTP status; null when it did not answer
            last_error (None | str | Unset):
            delivered_at (int | None | Unset):
     """

    id: str | Unset = UNSET
    endpoint_id: str | Unset = UNSET
    event_id: str | Unset = UNSET
    event_type: str | Unset = UNSET
    status: str | Unset = UNSET
    attempts: int | Unset = UNSET
    created_at: int | Unset = UNSET
    next_at: int | None | Unset = UNSET
    last_at: int | None | Unset = UNSET
    last_code: int | None | Unset = UNSET
    last_error: None | str | Unset = UNSET
    delivered_at: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        endpoint_id = self.endpoint_id

        event_id = self.event_id

        event_type = self.event_type

        status = self.status

        attempts = self.attempts

        created_at = self.created_at

        next_at: int | None | Unset
        if isinstance(self.next_at, Unset):
            next_at = UNSET
        else:
            next_at = self.next_at

        last_at: int | None | Unset
        if isinstance(self.last_at, Unset):
            last_at = UNSET
        else:
            last_at = self.last_at

        last_code: int | None | Unset
        if isinstance(self.last_code, Unset):
            last_code = UNSET
        else:
            last_code = self.last_code

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        delivered_at: int | None | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        else:
            delivered_at = self.delivered_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if endpoint_id is not UNSET:
            field_dict["endpoint_id"] = endpoint_id
        if event_id is not UNSET:
            field_dict["event_id"] = event_id
        if event_type is not UNSET:
            field_dict["event_type"] = event_type
        if status is not UNSET:
            field_dict["status"] = status
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if next_at is not UNSET:
            field_dict["next_at"] = next_at
        if last_at is not UNSET:
            field_dict["last_at"] = last_at
        if last_code is not UNSET:
            field_dict["last_code"] = last_code
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        endpoint_id = d.pop("endpoint_id", UNSET)

        event_id = d.pop("event_id", UNSET)

        event_type = d.pop("event_type", UNSET)

        status = d.pop("status", UNSET)

        attempts = d.pop("attempts", UNSET)

        created_at = d.pop("created_at", UNSET)

        def _parse_next_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        next_at = _parse_next_at(d.pop("next_at", UNSET))


        def _parse_last_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_at = _parse_last_at(d.pop("last_at", UNSET))


        def _parse_last_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_code = _parse_last_code(d.pop("last_code", UNSET))


        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        def _parse_delivered_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))


        delivery = cls(
            id=id,
            endpoint_id=endpoint_id,
            event_id=event_id,
            event_type=event_type,
            status=status,
            attempts=attempts,
            created_at=created_at,
            next_at=next_at,
            last_at=last_at,
            last_code=last_code,
            last_error=last_error,
            delivered_at=delivered_at,
        )

        return delivery

