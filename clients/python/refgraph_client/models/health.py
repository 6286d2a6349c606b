from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            status (str | Unset):  Example: ok.
            backend (str | Unset):  Example: falkordb.
            version (str | Unset):  Example: FalkorDB 4.16.3.
     """

    status: str | Unset = UNSET
    backend: str | Unset = UNSET
    version: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        status = self.status

        backend = self.backend

        version = self.version


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if status is not UNSET:
            field_dict["status"] = status
        if backend is not UNSET:
            field_dict["backend"] = backend
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = d.pop("status", UNSET)

        backend = d.pop("backend", UNSET)

        version = d.pop("version", UNSET)

        health = cls(
            status=status,
            backend=backend,
            version=version,
        )

        return health

