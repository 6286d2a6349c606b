from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Edge")



@_attrs_define
class Edge:
    """ 
        Attributes:
            source (str | Unset): the referrer
            target (str | Unset): the referee
     """

    source: str | Unset = UNSET
    target: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        source = self.source

        target = self.target


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if source is not UNSET:
            field_dict["source"] = source
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        source = d.pop("source", UNSET)

        target = d.pop("target", UNSET)

        edge = cls(
            source=source,
            target=target,
        )

        return edge

