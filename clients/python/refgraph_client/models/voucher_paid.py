from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="VoucherPaid")



@_attrs_define
class VoucherPaid:
    """ 
        Attributes:
            id (str | Unset):
            amount (int | Unset):
     """

    id: str | Unset = UNSET
    amount: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        amount = self.amount


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        amount = d.pop("amount", UNSET)

        voucher_paid = cls(
            id=id,
            amount=amount,
        )

        return voucher_paid

