from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Referrer")



@_attrs_define
class Referrer:
    """ 
        Attributes:
            referrer_id (str):
     """

    referrer_id: str





    def to_dict(self) -> dict[str, Any]:
        referrer_id = self.referrer_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "referrer_id": referrer_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referrer_id = d.pop("referrer_id")

        referrer = cls(
            referrer_id=referrer_id,
        )

        return referrer

