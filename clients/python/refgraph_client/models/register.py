from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.register_roles_item import RegisterRolesItem
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.fingerprints import Fingerprints





T = TypeVar("T", bound="Register")



@_attrs_define
class Register:
    """ 
        Attributes:
            id (str): the platform's id for the user
            name (str):
            roles (list[RegisterRolesItem] | Unset): buyer and/or merchant; card holders become so by buying a card
            referral_code (None | str | Unset):
            referrer_id (None | str | Unset):
            root (bool | Unset): operator-created root without referrer Default: False.
            fingerprints (Fingerprints | Unset):
     """

    id: str
    name: str
    roles: list[RegisterRolesItem] | Unset = UNSET
    referral_code: None | str | Unset = UNSET
    referrer_id: None | str | Unset = UNSET
    root: bool | Unset = False
    fingerprints: Fingerprints | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.fingerprints import Fingerprints # noqa: PLC0415
        id = self.id

        name = self.name

        roles: list[str] | Unset = UNSET
        if not isinstance(self.roles, Unset):
            roles = []
            for roles_item_data in self.roles:
                roles_item = roles_item_data.value
                roles.append(roles_item)



        referral_code: None | str | Unset
        if isinstance(self.referral_code, Unset):
            referral_code = UNSET
        else:
            referral_code = self.referral_code

        referrer_id: None | str | Unset
        if isinstance(self.referrer_id, Unset):
            referrer_id = UNSET
        else:
            referrer_id = self.referrer_id

        root = self.root

        fingerprints: dict[str, Any] | Unset = UNSET
        if not isinstance(self.fingerprints, Unset):
            fingerprints = self.fingerprints.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
        })
        if roles is not UNSET:
            field_dict["roles"] = roles
        if referral_code is not UNSET:
            field_dict["referral_code"] = referral_code
        if referrer_id is not UNSET:
            field_dict["referrer_id"] = referrer_id
        if root is not UNSET:
            field_dict["root"] = root
        if fingerprints is not UNSET:
            field_dict["fingerprints"] = fingerprints

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fingerprints import Fingerprints # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        _roles = d.pop("roles", UNSET)
        roles: list[RegisterRolesItem] | Unset = UNSET
        if _roles is not UNSET:
            roles = []
            for roles_item_data in _roles:
                roles_item = RegisterRolesItem(roles_item_data)



                roles.append(roles_item)


        def _parse_referral_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referral_code = _parse_referral_code(d.pop("referral_code", UNSET))


        def _parse_referrer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        referrer_id = _parse_referrer_id(d.pop("referrer_id", UNSET))


        root = d.pop("root", UNSET)

        _fingerprints = d.pop("fingerprints", UNSET)
        fingerprints: Fingerprints | Unset
        if isinstance(_fingerprints,  Unset):
            fingerprints = UNSET
        else:
            fingerprints = Fingerprints.from_dict(_fingerprints)




        register = cls(
            id=id,
            name=name,
            roles=roles,
            referral_code=referral_code,
            referrer_id=referrer_id,
            root=root,
            fingerprints=fingerprints,
        )

        return register

