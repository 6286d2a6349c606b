from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Level")



@_attrs_define
class Level:
    """ 
        Attributes:
            level (int | Unset):
            users (int | Unset):
            merchants (int | Unset):
     """

    level: int | Unset = UNSET
    users: int | Unset = UNSET
    merchants: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        level = self.level

        users = self.users

        merchants = self.merchants


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if level is not UNSET:
            field_dict["level"] = level
        if users is not UNSET:
            field_dict["users"] = users
        if merchants is not UNSET:
            field_dict["merchants"] = merchants

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        level = d.pop("level", UNSET)

        users = d.pop("users", UNSET)

        merchants = d.pop("merchants", UNSET)

        level = cls(
            level=level,
            users=users,
            merchants=merchants,
        )

        return level

