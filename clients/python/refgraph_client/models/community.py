from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Community")



@_attrs_define
class Community:
    """ 
        Attributes:
            id (int | Unset):
            size (int | Unset):
            fees (int | Unset): net fees of its merchants, minor units
            members (list[str] | Unset): up to 10, most prominent first
     """

    id: int | Unset = UNSET
    size: int | Unset = UNSET
    fees: int | Unset = UNSET
    members: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        size = self.size

        fees = self.fees

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = self.members




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if size is not UNSET:
            field_dict["size"] = size
        if fees is not UNSET:
            field_dict["fees"] = fees
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        size = d.pop("size", UNSET)

        fees = d.pop("fees", UNSET)

        members = cast(list[str], d.pop("members", UNSET))


        community = cls(
            id=id,
            size=size,
            fees=fees,
            members=members,
        )

        return community

