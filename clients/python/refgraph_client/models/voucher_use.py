from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="VoucherUse")



@_attrs_define
class VoucherUse:
    """ 
        Attributes:
            id (str):
            amount (int): minor units, 1 to 1000000000
            redemption_token (None | str | Unset): the holder's consent: the token they minted for this voucher (POST
                /v1/users/{id}/vouchers/redemptions).  Without a valid one the sale is refused: 403 voucher_consent_required
     """

    id: str
    amount: int
    redemption_token: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount = self.amount

        redemption_token: None | str | Unset
        if isinstance(self.redemption_token, Unset):
            redemption_token = UNSET
        else:
            redemption_token = self.redemption_token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "amount": amount,
        })
        if redemption_token is not UNSET:
            field_dict["redemption_token"] = redemption_token

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        amount = d.pop("amount")

        def _parse_redemption_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redemption_token = _parse_redemption_token(d.pop("redemption_token", UNSET))


        voucher_use = cls(
            id=id,
            amount=amount,
            redemption_token=redemption_token,
        )

        return voucher_use

