from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ 
        Attributes:
            id (str | Unset):
            name (str | Unset):
            status (str | Unset):
            roles (list[str] | Unset):
            referral_code (str | Unset):
            referrer_id (None | str | Unset):
            root (bool | Unset):
            created_at (int | Unset): epoch ms, UTC
            referrals (int | Unset): direct referrals
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    status: str | Unset = UNSET
    roles: list[str] | Unset = UNSET
    referral_code: str | Unset = UNSET
    referrer_id: None | str | Unset = UNSET
    root: bool | Unset = UNSET
    created_at: int | Unset = UNSET
    referrals: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        status = self.status

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = self.roles



        referral_code = self.referral_code

        referrer_id: None | str | Unset
        if isinstance(self.referrer_id, Unset):
            referrer_id = UNSET
        else:
            referrer_id = self.referrer_id

        root = self.root

        created_at = self.created_at

        referrals = self.referrals


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if status is not UNSET:
            field_dict["status"] = status
        if roles is not UNSET:
            field_dict["roles"] = roles
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code
        if referrer_id is not UNSET:
            field_dict["referrer_id"] = referrer_id
        if root is not UNSET:
            field_dict["root"] = root
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if referrals is not UNSET:
            field_dict["referrals"] = referrals

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        status = d.pop("status", UNSET)

        roles = cast(list[str], d.pop("roles", UNSET))


        referral_code = d.pop("referral_code", UNSET)

        def _parse_referrer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer_id = _parse_referrer_id(d.pop("referrer_id", UNSET))


        root = d.pop("root", UNSET)

        created_at = d.pop("created_at", UNSET)

        referrals = d.pop("referrals", UNSET)

        user = cls(
            id=id,
            name=name,
            status=status,
            roles=roles,
            referral_code=referral_code,
            referrer_id=referrer_id,
            root=root,
            created_at=created_at,
            referrals=referrals,
        )

        return user

