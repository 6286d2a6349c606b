from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Entry")



@_attrs_define
class Entry:
    """ 
        Attributes:
            id (str | Unset):
            at (int | Unset):
            kind (str | Unset):
            debit (str | Unset):
            credit (str | Unset):
            amount (int | Unset):
            ref (None | str | Unset):
     """

    id: str | Unset = UNSET
    at: int | Unset = UNSET
    kind: str | Unset = UNSET
    debit: str | Unset = UNSET
    credit: str | Unset = UNSET
    amount: int | Unset = UNSET
    ref: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        at = self.at

        kind = self.kind

        debit = self.debit

        credit = self.credit

        amount = self.amount

        ref: None | str | Unset
        if isinstance(self.ref, Unset):
            ref = UNSET
        else:
            ref = self.ref


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if at is not UNSET:
            field_dict["at"] = at
        if kind is not UNSET:
            field_dict["kind"] = kind
        if debit is not UNSET:
            field_dict["debit"] = debit
        if credit is not UNSET:
            field_dict["credit"] = credit
        if amount is not UNSET:
            field_dict["amount"] = amount
        if ref is not UNSET:
            field_dict["ref"] = ref

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        at = d.pop("at", UNSET)

        kind = d.pop("kind", UNSET)

        debit = d.pop("debit", UNSET)

        credit = d.pop("credit", UNSET)

        amount = d.pop("amount", UNSET)

        def _parse_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ref = _parse_ref(d.pop("ref", UNSET))


        entry = cls(
            id=id,
            at=at,
            kind=kind,
            debit=debit,
            credit=credit,
            amount=amount,
            ref=ref,
        )

        return entry

