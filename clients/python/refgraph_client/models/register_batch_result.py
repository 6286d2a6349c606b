from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.register_batch_result_user_type_0_type_0 import RegisterBatchResultUserType0Type0
  from ..models.user import User





T = TypeVar("T", bound="RegisterBatchResult")



@_attrs_define
class RegisterBatchResult:
    """ 
        Attributes:
            id (str | Unset):
            status (int | Unset): 201 created, 200 replayed, 409 id reused, 422 refused
            code (str | Unset):
            message (None | str | Unset):
            user (None | RegisterBatchResultUserType0Type0 | Unset | User):
     """

    id: str | Unset = UNSET
    status: int | Unset = UNSET
    code: str | Unset = UNSET
    message: None | str | Unset = UNSET
    user: None | RegisterBatchResultUserType0Type0 | Unset | User = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.register_batch_result_user_type_0_type_0 import RegisterBatchResultUserType0Type0 # noqa: PLC0415
        from ..models.user import User # noqa: PLC0415
        id = self.id

        status = self.status

        code = self.code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, RegisterBatchResultUserType0Type0):
            user = self.user.to_dict()
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.register_batch_result_user_type_0_type_0 import RegisterBatchResultUserType0Type0 # noqa: PLC0415
        from ..models.user import User # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        status = d.pop("status", UNSET)

        code = d.pop("code", UNSET)

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_user(data: object) -> None | RegisterBatchResultUserType0Type0 | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0_type_0 = RegisterBatchResultUserType0Type0.from_dict(data)



                return user_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_1 = User.from_dict(data)



                return user_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RegisterBatchResultUserType0Type0 | Unset | User, data)

        user = _parse_user(d.pop("user", UNSET))


        register_batch_result = cls(
            id=id,
            status=status,
            code=code,
            message=message,
            user=user,
        )

        return register_batch_result

