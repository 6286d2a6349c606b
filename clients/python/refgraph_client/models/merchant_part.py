from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="MerchantPart")



@_attrs_define
class MerchantPart:
    """ 
        Attributes:
            merchant_id (str | Unset):
            fees (int | Unset):
            refunded_fees (int | Unset):
            base (int | Unset):
            path (list[str] | Unset):
            carried_fees (int | Unset): part of fees carried into this period from late sales dated in a period already run
                (rule late_sales = carry)
            carried_refunded_fees (int | Unset): part of refunded_fees carried in from late refunds
     """

    merchant_id: str | Unset = UNSET
    fees: int | Unset = UNSET
    refunded_fees: int | Unset = UNSET
    base: int | Unset = UNSET
    path: list[str] | Unset = UNSET
    carried_fees: int | Unset = UNSET
    carried_refunded_fees: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        merchant_id = self.merchant_id

        fees = self.fees

        refunded_fees = self.refunded_fees

        base = self.base

        path: list[str] | Unset = UNSET
        if not isinstance(self.path, Unset):
            path = self.path



        carried_fees = self.carried_fees

        carried_refunded_fees = self.carried_refunded_fees


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if fees is not UNSET:
            field_dict["fees"] = fees
        if refunded_fees is not UNSET:
            field_dict["refunded_fees"] = refunded_fees
        if base is not UNSET:
            field_dict["base"] = base
        if path is not UNSET:
            field_dict["path"] = path
        if carried_fees is not UNSET:
            field_dict["carried_fees"] = carried_fees
        if carried_refunded_fees is not UNSET:
            field_dict["carried_refunded_fees"] = carried_refunded_fees

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        merchant_id = d.pop("merchant_id", UNSET)

        fees = d.pop("fees", UNSET)

        refunded_fees = d.pop("refunded_fees", UNSET)

        base = d.pop("base", UNSET)

        path = cast(list[str], d.pop("path", UNSET))


        carried_fees = d.pop("carried_fees", UNSET)

        carried_refunded_fees = d.pop("carried_refunded_fees", UNSET)

        merchant_part = cls(
            merchant_id=merchant_id,
            fees=fees,
            refunded_fees=refunded_fees,
            base=base,
            path=path,
            carried_fees=carried_fees,
            carried_refunded_fees=carried_refunded_fees,
        )

        return merchant_part

