from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VoucherIssue")



@_attrs_define
class VoucherIssue:
    """ 
        Attributes:
            owner_id (str):
            amount (int):
            expires_at (int): epoch ms, UTC
            id (None | str | Unset):
            currency (None | str | Unset): ISO 4217 code; must be the platform's currency (another is 422 currency_mismatch)
     """

    owner_id: str
    amount: int
    expires_at: int
    id: None | str | Unset = UNSET
    currency: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        owner_id = self.owner_id

        amount = self.amount

        expires_at = self.expires_at

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "owner_id": owner_id,
            "amount": amount,
            "expires_at": expires_at,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        owner_id = d.pop("owner_id")

        amount = d.pop("amount")

        expires_at = d.pop("expires_at")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        voucher_issue = cls(
            owner_id=owner_id,
            amount=amount,
            expires_at=expires_at,
            id=id,
            currency=currency,
        )

        return voucher_issue

