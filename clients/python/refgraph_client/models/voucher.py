from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Voucher")



@_attrs_define
class Voucher:
    """ 
        Attributes:
            id (str | Unset):
            owner_id (str | Unset):
            amount (int | Unset):
            remaining (int | Unset):
            issued_at (int | Unset):
            expires_at (int | Unset):
            status (str | Unset): active, expired, revoked
            source (str | Unset): card or operator
            revoked_at (int | None | Unset):
     """

    id: str | Unset = UNSET
    owner_id: str | Unset = UNSET
    amount: int | Unset = UNSET
    remaining: int | Unset = UNSET
    issued_at: int | Unset = UNSET
    expires_at: int | Unset = UNSET
    status: str | Unset = UNSET
    source: str | Unset = UNSET
    revoked_at: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        owner_id = self.owner_id

        amount = self.amount

        remaining = self.remaining

        issued_at = self.issued_at

        expires_at = self.expires_at

        status = self.status

        source = self.source

        revoked_at: int | None | Unset
        if isinstance(self.revoked_at, Unset):
            revoked_at = UNSET
        else:
            revoked_at = self.revoked_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if owner_id is not UNSET:
            field_dict["owner_id"] = owner_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if remaining is not UNSET:
            field_dict["remaining"] = remaining
        if issued_at is not UNSET:
            field_dict["issued_at"] = issued_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if status is not UNSET:
            field_dict["status"] = status
        if source is not UNSET:
            field_dict["source"] = source
        if revoked_at is not UNSET:
            field_dict["revoked_at"] = revoked_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        owner_id = d.pop("owner_id", UNSET)

        amount = d.pop("amount", UNSET)

        remaining = d.pop("remaining", UNSET)

        issued_at = d.pop("issued_at", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        status = d.pop("status", UNSET)

        source = d.pop("source", UNSET)

        def _parse_revoked_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at", UNSET))


        voucher = cls(
            id=id,
            owner_id=owner_id,
            amount=amount,
            remaining=remaining,
            issued_at=issued_at,
            expires_at=expires_at,
            status=status,
            source=source,
            revoked_at=revoked_at,
        )

        return voucher

