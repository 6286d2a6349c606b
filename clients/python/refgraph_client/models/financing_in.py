from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FinancingIn")



@_attrs_define
class FinancingIn:
    """ 
        Attributes:
            institution_id (str): an active institution with consumer_credit
            amount (int): the financed part, minor units, 1 to the sale's amount
            installments (int): how many repayments the buyer makes to the institution
     """

    institution_id: str
    amount: int
    installments: int





    def to_dict(self) -> dict[str, Any]:
        institution_id = self.institution_id

        amount = self.amount

        installments = self.installments


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "institution_id": institution_id,
            "amount": amount,
            "installments": installments,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = d.pop("institution_id")

        amount = d.pop("amount")

        installments = d.pop("installments")

        financing_in = cls(
            institution_id=institution_id,
            amount=amount,
            installments=installments,
        )

        return financing_in

