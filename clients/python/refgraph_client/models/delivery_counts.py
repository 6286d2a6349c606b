from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="DeliveryCounts")



@_attrs_define
class DeliveryCounts:
    """ 
        Attributes:
            pending (int | Unset):
            delivered (int | Unset):
            failed (int | Unset):
     """

    pending: int | Unset = UNSET
    delivered: int | Unset = UNSET
    failed: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        pending = self.pending

        delivered = self.delivered

        failed = self.failed


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if pending is not UNSET:
            field_dict["pending"] = pending
        if delivered is not UNSET:
            field_dict["delivered"] = delivered
        if failed is not UNSET:
            field_dict["failed"] = failed

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pending = d.pop("pending", UNSET)

        delivered = d.pop("delivered", UNSET)

        failed = d.pop("failed", UNSET)

        delivery_counts = cls(
            pending=pending,
            delivered=delivered,
            failed=failed,
        )

        return delivery_counts

