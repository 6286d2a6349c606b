from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Redemption")



@_attrs_define
class Redemption:
    """ 
        Attributes:
            id (str | Unset):
            token (str | Unset): the redemption token (vrt_...): give it to the storefront, which sends it as
                redemption_token with each of these vouchers in POST /v1/sales.  refgraph keeps only its hash
            user_id (str | Unset):
            voucher_ids (list[str] | Unset):
            max_amount (int | Unset):
            merchant_id (None | str | Unset):
            created_at (int | Unset):
            expires_at (int | Unset): epoch ms, UTC
            sale_id (None | str | Unset): the sale that used the token (null: unused)
            used_at (int | None | Unset):
     """

    id: str | Unset = UNSET
    token: str | Unset = UNSET
    user_id: str | Unset = UNSET
    voucher_ids: list[str] | Unset = UNSET
    max_amount: int | Unset = UNSET
    merchant_id: None | str | Unset = UNSET
    created_at: int | Unset = UNSET
    expires_at: int | Unset = UNSET
    sale_id: None | str | Unset = UNSET
    used_at: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        token = self.token

        user_id = self.user_id

        voucher_ids: list[str] | Unset = UNSET
        if not isinstance(self.voucher_ids, Unset):
            voucher_ids = self.voucher_ids



        max_amount = self.max_amount

        merchant_id: None | str | Unset
        if isinstance(self.merchant_id, Unset):
            merchant_id = UNSET
        else:
            merchant_id = self.merchant_id

        created_at = self.created_at

        expires_at = self.expires_at

        sale_id: None | str | Unset
        if isinstance(self.sale_id, Unset):
            sale_id = UNSET
        else:
            sale_id = self.sale_id

        used_at: int | None | Unset
        if isinstance(self.used_at, Unset):
            used_at = UNSET
        else:
            used_at = self.used_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if token is not UNSET:
            field_dict["token"] = token
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if voucher_ids is not UNSET:
            field_dict["voucher_ids"] = voucher_ids
        if max_amount is not UNSET:
            field_dict["max_amount"] = max_amount
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id
        if used_at is not UNSET:
            field_dict["used_at"] = used_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        token = d.pop("token", UNSET)

        user_id = d.pop("user_id", UNSET)

        voucher_ids = cast(list[str], d.pop("voucher_ids", UNSET))


        max_amount = d.pop("max_amount", UNSET)

        def _parse_merchant_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant_id = _parse_merchant_id(d.pop("merchant_id", UNSET))


        created_at = d.pop("created_at", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        def _parse_sale_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sale_id = _parse_sale_id(d.pop("sale_id", UNSET))


        def _parse_used_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        used_at = _parse_used_at(d.pop("used_at", UNSET))


        redemption = cls(
            id=id,
            token=token,
            user_id=user_id,
            voucher_ids=voucher_ids,
            max_amount=max_amount,
            merchant_id=merchant_id,
            created_at=created_at,
            expires_at=expires_at,
            sale_id=sale_id,
            used_at=used_at,
        )

        return redemption

