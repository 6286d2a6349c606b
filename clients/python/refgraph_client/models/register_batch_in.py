from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.register import Register





T = TypeVar("T", bound="RegisterBatchIn")



@_attrs_define
class RegisterBatchIn:
    """ 
        Attributes:
            users (list[Register]): 1 to 1,000 registrations
     """

    users: list[Register]





    def to_dict(self) -> dict[str, Any]:
        from ..models.register import Register # noqa: PLC0415
        users = []
        for users_item_data in self.users:
            users_item = users_item_data.to_dict()
            users.append(users_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "users": users,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.register import Register # noqa: PLC0415
        d = dict(src_dict)
        users = []
        _users = d.pop("users")
        for users_item_data in (_users):
            users_item = Register.from_dict(users_item_data)



            users.append(users_item)


        register_batch_in = cls(
            users=users,
        )

        return register_batch_in

