from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.signal_counts_by_kind import SignalCountsByKind





T = TypeVar("T", bound="SignalCounts")



@_attrs_define
class SignalCounts:
    """ 
        Attributes:
            total (int | Unset):
            by_kind (SignalCountsByKind | Unset):
            kept (int | Unset): signals kept for listing (the first 5,000 in kind and subject order)
     """

    total: int | Unset = UNSET
    by_kind: SignalCountsByKind | Unset = UNSET
    kept: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.signal_counts_by_kind import SignalCountsByKind # noqa: PLC0415
        total = self.total

        by_kind: dict[str, Any] | Unset = UNSET
        if not isinstance(self.by_kind, Unset):
            by_kind = self.by_kind.to_dict()

        kept = self.kept


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if total is not UNSET:
            field_dict["total"] = total
        if by_kind is not UNSET:
            field_dict["by_kind"] = by_kind
        if kept is not UNSET:
            field_dict["kept"] = kept

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signal_counts_by_kind import SignalCountsByKind # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total", UNSET)

        _by_kind = d.pop("by_kind", UNSET)
        by_kind: SignalCountsByKind | Unset
        if isinstance(_by_kind,  Unset):
            by_kind = UNSET
        else:
            by_kind = SignalCountsByKind.from_dict(_by_kind)




        kept = d.pop("kept", UNSET)

        signal_counts = cls(
            total=total,
            by_kind=by_kind,
            kept=kept,
        )

        return signal_counts

