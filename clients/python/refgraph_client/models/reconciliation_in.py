from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ReconciliationIn")



@_attrs_define
class ReconciliationIn:
    """ 
        Attributes:
            period (str):
            statement (str): the institution's statement file (CSV, with its #sha256 line)
            id (None | str | Unset): or send Idempotency-Key
     """

    period: str
    statement: str
    id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        period = self.period

        statement = self.statement

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "period": period,
            "statement": statement,
        })
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        statement = d.pop("statement")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        reconciliation_in = cls(
            period=period,
            statement=statement,
            id=id,
        )

        return reconciliation_in

