from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.downline_user import DownlineUser
  from ..models.level import Level





T = TypeVar("T", bound="Downline")



@_attrs_define
class Downline:
    """ 
        Attributes:
            user_id (str | Unset):
            depth (int | Unset):
            total (int | Unset):
            levels (list[Level] | Unset):
            items (list[DownlineUser] | Unset):
            next_cursor (None | str | Unset):
     """

    user_id: str | Unset = UNSET
    depth: int | Unset = UNSET
    total: int | Unset = UNSET
    levels: list[Level] | Unset = UNSET
    items: list[DownlineUser] | Unset = UNSET
    next_cursor: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.downline_user import DownlineUser # noqa: PLC0415
        from ..models.level import Level # noqa: PLC0415
        user_id = self.user_id

        depth = self.depth

        total = self.total

        levels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.levels, Unset):
            levels = []
            for levels_item_data in self.levels:
                levels_item = levels_item_data.to_dict()
                levels.append(levels_item)



        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)



        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if depth is not UNSET:
            field_dict["depth"] = depth
        if total is not UNSET:
            field_dict["total"] = total
        if levels is not UNSET:
            field_dict["levels"] = levels
        if items is not UNSET:
            field_dict["items"] = items
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.downline_user import DownlineUser # noqa: PLC0415
        from ..models.level import Level # noqa: PLC0415
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        depth = d.pop("depth", UNSET)

        total = d.pop("total", UNSET)

        _levels = d.pop("levels", UNSET)
        levels: list[Level] | Unset = UNSET
        if _levels is not UNSET:
            levels = []
            for levels_item_data in _levels:
                levels_item = Level.from_dict(levels_item_data)



                levels.append(levels_item)


        _items = d.pop("items", UNSET)
        items: list[DownlineUser] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = DownlineUser.from_dict(items_item_data)



                items.append(items_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        downline = cls(
            user_id=user_id,
            depth=depth,
            total=total,
            levels=levels,
            items=items,
            next_cursor=next_cursor,
        )

        return downline

