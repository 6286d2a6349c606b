from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="DepthCountRow")



@_attrs_define
class DepthCountRow:
    """ 
        Attributes:
            depth (int | Unset):
            count (int | Unset):
     """

    depth: int | Unset = UNSET
    count: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        depth = self.depth

        count = self.count


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if depth is not UNSET:
            field_dict["depth"] = depth
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        depth = d.pop("depth", UNSET)

        count = d.pop("count", UNSET)

        depth_count_row = cls(
            depth=depth,
            count=count,
        )

        return depth_count_row

