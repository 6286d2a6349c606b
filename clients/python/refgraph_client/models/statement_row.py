from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.statement_row_kind import StatementRowKind
from ..types import UNSET, Unset






T = TypeVar("T", bound="StatementRow")



@_attrs_define
class StatementRow:
    """ 
        Attributes:
            kind (StatementRowKind | Unset):
            reference (str | Unset):
            status (str | Unset):
            amount (int | Unset):
            at (int | Unset):
     """

    kind: StatementRowKind | Unset = UNSET
    reference: str | Unset = UNSET
    status: str | Unset = UNSET
    amount: int | Unset = UNSET
    at: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value


        reference = self.reference

        status = self.status

        amount = self.amount

        at = self.at


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if kind is not UNSET:
            field_dict["kind"] = kind
        if reference is not UNSET:
            field_dict["reference"] = reference
        if status is not UNSET:
            field_dict["status"] = status
        if amount is not UNSET:
            field_dict["amount"] = amount
        if at is not UNSET:
            field_dict["at"] = at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: StatementRowKind | Unset
        if isinstance(_kind,  Unset):
            kind = UNSET
        else:
            kind = StatementRowKind(_kind)




        reference = d.pop("reference", UNSET)

        status = d.pop("status", UNSET)

        amount = d.pop("amount", UNSET)

        at = d.pop("at", UNSET)

        statement_row = cls(
            kind=kind,
            reference=reference,
            status=status,
            amount=amount,
            at=at,
        )

        return statement_row

