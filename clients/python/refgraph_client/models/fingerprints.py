from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Fingerprints")



@_attrs_define
class Fingerprints:
    """ 
        Attributes:
            phone_hash (str | Unset):
            device_id (str | Unset):
            payment_hash (str | Unset):
     """

    phone_hash: str | Unset = UNSET
    device_id: str | Unset = UNSET
    payment_hash: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        phone_hash = self.phone_hash

        device_id = self.device_id

        payment_hash = self.payment_hash


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if phone_hash is not UNSET:
            field_dict["phone_hash"] = phone_hash
        if device_id is not UNSET:
            field_dict["device_id"] = device_id
        if payment_hash is not UNSET:
            field_dict["payment_hash"] = payment_hash

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        phone_hash = d.pop("phone_hash", UNSET)

        device_id = d.pop("device_id", UNSET)

        payment_hash = d.pop("payment_hash", UNSET)

        fingerprints = cls(
            phone_hash=phone_hash,
            device_id=device_id,
            payment_hash=payment_hash,
        )

        return fingerprints

