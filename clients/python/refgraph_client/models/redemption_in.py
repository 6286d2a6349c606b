from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RedemptionIn")



@_attrs_define
class RedemptionIn:
    """ 
        Attributes:
            voucher_ids (list[str]): the holder's vouchers the token may pay with
            max_amount (int): the most the sale may take from these vouchers together, minor units
            id (None | str | Unset): the token's id (or send Idempotency-Key): the same request again answers the same token
            merchant_id (None | str | Unset): the one merchant whose sale may use the token (default: any)
            expires_in (int | Unset): seconds the token lives, 60 to 3600 (default 900) Default: 900.
     """

    voucher_ids: list[str]
    max_amount: int
    id: None | str | Unset = UNSET
    merchant_id: None | str | Unset = UNSET
    expires_in: int | Unset = 900





    def to_dict(self) -> dict[str, Any]:
        voucher_ids = self.voucher_ids



        max_amount = self.max_amount

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        merchant_id: None | str | Unset
        if isinstance(self.merchant_id, Unset):
            merchant_id = UNSET
        else:
            merchant_id = self.merchant_id

        expires_in = self.expires_in


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "voucher_ids": voucher_ids,
            "max_amount": max_amount,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if expires_in is not UNSET:
            field_dict["expires_in"] = expires_in

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        voucher_ids = cast(list[str], d.pop("voucher_ids"))


        max_amount = d.pop("max_amount")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_merchant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant_id = _parse_merchant_id(d.pop("merchant_id", UNSET))


        expires_in = d.pop("expires_in", UNSET)

        redemption_in = cls(
            voucher_ids=voucher_ids,
            max_amount=max_amount,
            id=id,
            merchant_id=merchant_id,
            expires_in=expires_in,
        )

        return redemption_in

