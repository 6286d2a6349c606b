from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Node")



@_attrs_define
class Node:
    """ 
        Attributes:
            id (str | Unset):
            name (str | Unset):
            roles (list[str] | Unset):
            status (str | Unset):
            level (int | Unset): negative above, 0 the user, positive below
            x (float | Unset): 0 to 1, left to right
            y (float | Unset): 0 to 1, top to bottom
            size (float | Unset): 0 to 1, by size_by
            fees (int | Unset):
            direct (int | Unset):
            downline (int | Unset): as of the last analytics refresh; direct referrals before one
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    status: str | Unset = UNSET
    level: int | Unset = UNSET
    x: float | Unset = UNSET
    y: float | Unset = UNSET
    size: float | Unset = UNSET
    fees: int | Unset = UNSET
    direct: int | Unset = UNSET
    downline: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles



        status = self.status

        level = self.level

        x = self.x

        y = self.y

        size = self.size

        fees = self.fees

        direct = self.direct

        downline = self.downline


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if roles is not UNSET:
            field_dict["roles"] = roles
        if status is not UNSET:
            field_dict["status"] = status
        if level is not UNSET:
            field_dict["level"] = level
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y
        if size is not UNSET:
            field_dict["size"] = size
        if fees is not UNSET:
            field_dict["fees"] = fees
        if direct is not UNSET:
            field_dict["direct"] = direct
        if downline is not UNSET:
            field_dict["downline"] = downline

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))


        status = d.pop("status", UNSET)

        level = d.pop("level", UNSET)

        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        size = d.pop("size", UNSET)

        fees = d.pop("fees", UNSET)

        direct = d.pop("direct", UNSET)

        downline = d.pop("downline", UNSET)

        node = cls(
            id=id,
            name=name,
            roles=roles,
            status=status,
            level=level,
            x=x,
            y=y,
            size=size,
            fees=fees,
            direct=direct,
            downline=downline,
        )

        return node

