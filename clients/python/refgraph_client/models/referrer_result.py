from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ReferrerResult")



@_attrs_define
class ReferrerResult:
    """ 
        Attributes:
            user_id (str | Unset):
            referrer_id (str | Unset):
     """

    user_id: str | Unset = UNSET
    referrer_id: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        referrer_id = self.referrer_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if referrer_id is not UNSET:
            field_dict["referrer_id"] = referrer_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id", UNSET)

        referrer_id = d.pop("referrer_id", UNSET)

        referrer_result = cls(
            user_id=user_id,
            referrer_id=referrer_id,
        )

        return referrer_result

