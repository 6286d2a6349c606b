from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.statement_row import StatementRow





T = TypeVar("T", bound="Statement")



@_attrs_define
class Statement:
    """ 
        Attributes:
            institution_id (str | Unset):
            period (str | Unset):
            count (int | Unset):
            rows (list[StatementRow] | Unset):
            csv (str | Unset): the statement file (graph/statements.py), ending with its #sha256 line
     """

    institution_id: str | Unset = UNSET
    period: str | Unset = UNSET
    count: int | Unset = UNSET
    rows: list[StatementRow] | Unset = UNSET
    csv: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.statement_row import StatementRow # noqa: PLC0415
        institution_id = self.institution_id

        period = self.period

        count = self.count

        rows: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rows, Unset):
            rows = []
            for rows_item_data in self.rows:
                rows_item = rows_item_data.to_dict()
                rows.append(rows_item)



        csv = self.csv


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id
        if period is not UNSET:
            field_dict["period"] = period
        if count is not UNSET:
            field_dict["count"] = count
        if rows is not UNSET:
            field_dict["rows"] = rows
        if csv is not UNSET:
            field_dict["csv"] = csv

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.statement_row import StatementRow # noqa: PLC0415
        d = dict(src_dict)
        institution_id = d.pop("institution_id", UNSET)

        period = d.pop("period", UNSET)

        count = d.pop("count", UNSET)

        _rows = d.pop("rows", UNSET)
        rows: list[StatementRow] | Unset = UNSET
        if _rows is not UNSET:
            rows = []
            for rows_item_data in _rows:
                rows_item = StatementRow.from_dict(rows_item_data)



                rows.append(rows_item)


        csv = d.pop("csv", UNSET)

        statement = cls(
            institution_id=institution_id,
            period=period,
            count=count,
            rows=rows,
            csv=csv,
        )

        return statement

