from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.upline_entry import UplineEntry





T = TypeVar("T", bound="Upline")



@_attrs_define
class Upline:
    """ 
        Attributes:
            user_id (str | Unset):
            upline (list[UplineEntry] | Unset):
     """

    user_id: str | Unset = UNSET
    upline: list[UplineEntry] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.upline_entry import UplineEntry # noqa: PLC0415
        user_id = self.user_id

        upline: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.upline, Unset):
            upline = []
            for upline_item_data in self.upline:
                upline_item = upline_item_data.to_dict()
                upline.append(upline_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if upline is not UNSET:
            field_dict["upline"] = upline

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upline_entry import UplineEntry # noqa: PLC0415
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        _upline = d.pop("upline", UNSET)
        upline: list[UplineEntry] | Unset = UNSET
        if _upline is not UNSET:
            upline = []
            for upline_item_data in _upline:
                upline_item = UplineEntry.from_dict(upline_item_data)



                upline.append(upline_item)


        upline = cls(
            user_id=user_id,
            upline=upline,
        )

        return upline

