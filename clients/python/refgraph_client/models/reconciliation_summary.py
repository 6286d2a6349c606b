from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ReconciliationSummary")



@_attrs_define
class ReconciliationSummary:
    """ 
        Attributes:
            id (str | Unset):
            institution_id (str | Unset):
            period (str | Unset):
            at (int | Unset):
            statement_sha256 (str | Unset):
            ours (int | Unset): rows in refgraph's statement
            theirs (int | Unset): rows in the institution's
            mismatches (int | Unset):
            open_ (int | Unset): mismatches not resolved yet
            recorded_by (str | Unset):
     """

    id: str | Unset = UNSET
    institution_id: str | Unset = UNSET
    period: str | Unset = UNSET
    at: int | Unset = UNSET
    statement_sha256: str | Unset = UNSET
    ours: int | Unset = UNSET
    theirs: int | Unset = UNSET
    mismatches: int | Unset = UNSET
    open_: int | Unset = UNSET
    recorded_by: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        institution_id = self.institution_id

        period = self.period

        at = self.at

        statement_sha256 = self.statement_sha256

        ours = self.ours

        theirs = self.theirs

        mismatches = self.mismatches

        open_ = self.open_

        recorded_by = self.recorded_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id
        if period is not UNSET:
            field_dict["period"] = period
        if at is not UNSET:
            field_dict["at"] = at
        if statement_sha256 is not UNSET:
            field_dict["statement_sha256"] = statement_sha256
        if ours is not UNSET:
            field_dict["ours"] = ours
        if theirs is not UNSET:
            field_dict["theirs"] = theirs
        if mismatches is not UNSET:
            field_dict["mismatches"] = mismatches
        if open_ is not UNSET:
            field_dict["open"] = open_
        if recorded_by is not UNSET:
            field_dict["recorded_by"] = recorded_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        institution_id = d.pop("institution_id", UNSET)

        period = d.pop("period", UNSET)

        at = d.pop("at", UNSET)

        statement_sha256 = d.pop("statement_sha256", UNSET)

        ours = d.pop("ours", UNSET)

        theirs = d.pop("theirs", UNSET)

        mismatches = d.pop("mismatches", UNSET)

        open_ = d.pop("open", UNSET)

        recorded_by = d.pop("recorded_by", UNSET)

        reconciliation_summary = cls(
            id=id,
            institution_id=institution_id,
            period=period,
            at=at,
            statement_sha256=statement_sha256,
            ours=ours,
            theirs=theirs,
            mismatches=mismatches,
            open_=open_,
            recorded_by=recorded_by,
        )

        return reconciliation_summary

