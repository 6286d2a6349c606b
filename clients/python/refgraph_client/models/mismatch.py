from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.mismatch_problem import MismatchProblem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Mismatch")



@_attrs_define
class Mismatch:
    """ 
        Attributes:
            n (int | Unset):
            kind (str | Unset):
            reference (str | Unset):
            problem (MismatchProblem | Unset):
            ours_status (None | str | Unset):
            ours_amount (int | None | Unset):
            theirs_status (None | str | Unset):
            theirs_amount (int | None | Unset):
            resolved_at (int | None | Unset):
            resolution (None | str | Unset):
            resolved_by (None | str | Unset):
     """

    n: int | Unset = UNSET
    kind: str | Unset = UNSET
    reference: str | Unset = UNSET
    problem: MismatchProblem | Unset = UNSET
    ours_status: None | str | Unset = UNSET
    ours_amount: int | None | Unset = UNSET
    theirs_status: None | str | Unset = UNSET
    theirs_amount: int | None | Unset = UNSET
    resolved_at: int | None | Unset = UNSET
    resolution: None | str | Unset = UNSET
    resolved_by: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        n = self.n

        kind = self.kind

        reference = self.reference

        problem: str | Unset = UNSET
        if not isinstance(self.problem, Unset):
            problem = self.problem.value


        ours_status: None | str | Unset
        if isinstance(self.ours_status, Unset):
            ours_status = UNSET
        else:
            ours_status = self.ours_status

        ours_amount: int | None | Unset
        if isinstance(self.ours_amount, Unset):
            ours_amount = UNSET
        else:
            ours_amount = self.ours_amount

        theirs_status: None | str | Unset
        if isinstance(self.theirs_status, Unset):
            theirs_status = UNSET
        else:
            theirs_status = self.theirs_status

        theirs_amount: int | None | Unset
        if isinstance(self.theirs_amount, Unset):
            theirs_amount = UNSET
        else:
            theirs_amount = self.theirs_amount

        resolved_at: int | None | Unset
        if isinstance(self.resolved_at, Unset):
            resolved_at = UNSET
        else:
            resolved_at = self.resolved_at

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        resolved_by: None | str | Unset
        if isinstance(self.resolved_by, Unset):
            resolved_by = UNSET
        else:
            resolved_by = self.resolved_by


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if n is not UNSET:
            field_dict["n"] = n
        if kind is not UNSET:
            field_dict["kind"] = kind
        if reference is not UNSET:
            field_dict["reference"] = reference
        if problem is not UNSET:
            field_dict["problem"] = problem
        if ours_status is not UNSET:
            field_dict["ours_status"] = ours_status
        if ours_amount is not UNSET:
            field_dict["ours_amount"] = ours_amount
        if theirs_status is not UNSET:
            field_dict["theirs_status"] = theirs_status
        if theirs_amount is not UNSET:
            field_dict["theirs_amount"] = theirs_amount
        if resolved_at is not UNSET:
            field_dict["resolved_at"] = resolved_at
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if resolved_by is not UNSET:
            field_dict["resolved_by"] = resolved_by

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        n = d.pop("n", UNSET)

        kind = d.pop("kind", UNSET)

        reference = d.pop("reference", UNSET)

        _problem = d.pop("problem", UNSET)
        problem: MismatchProblem | Unset
        if isinstance(_problem,  Unset):
            problem = UNSET
        else:
            problem = MismatchProblem(_problem)




        def _parse_ours_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ours_status = _parse_ours_status(d.pop("ours_status", UNSET))


        def _parse_ours_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ours_amount = _parse_ours_amount(d.pop("ours_amount", UNSET))


        def _parse_theirs_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        theirs_status = _parse_theirs_status(d.pop("theirs_status", UNSET))


        def _parse_theirs_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        theirs_amount = _parse_theirs_amount(d.pop("theirs_amount", UNSET))


        def _parse_resolved_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at", UNSET))


        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))


        def _parse_resolved_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolved_by = _parse_resolved_by(d.pop("resolved_by", UNSET))


        mismatch = cls(
            n=n,
            kind=kind,
            reference=reference,
            problem=problem,
            ours_status=ours_status,
            ours_amount=ours_amount,
            theirs_status=theirs_status,
            theirs_amount=theirs_amount,
            resolved_at=resolved_at,
            resolution=resolution,
            resolved_by=resolved_by,
        )

        return mismatch

