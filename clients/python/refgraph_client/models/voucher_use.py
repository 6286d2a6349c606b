from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="VoucherUse")



@_attrs_define
class VoucherUse:
    """ 
        Attributes:
            id (str):
            amount (int): minor units, 1 to 1000000000
     """

    id: str
    amount: int





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "amount": amount,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        amount = d.pop("amount")

        voucher_use = cls(
            id=id,
            amount=amount,
        )

        return voucher_use

