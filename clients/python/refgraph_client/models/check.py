from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Check")



@_attrs_define
class Check:
    """ 
        Attributes:
            clean (bool | Unset):
            problems (list[str] | Unset):
     """

    clean: bool | Unset = UNSET
    problems: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        clean = self.clean

        problems: list[str] | Unset = UNSET
        if not isinstance(self.problems, Unset):
            problems = self.problems




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if clean is not UNSET:
            field_dict["clean"] = clean
        if problems is not UNSET:
            field_dict["problems"] = problems

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        clean = d.pop("clean", UNSET)

        problems = cast(list[str], d.pop("problems", UNSET))


        check = cls(
            clean=clean,
            problems=problems,
        )

        return check

