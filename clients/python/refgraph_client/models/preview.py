from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.preview_difference import PreviewDifference
  from ..models.summary import Summary





T = TypeVar("T", bound="Preview")



@_attrs_define
class Preview:
    """ 
        Attributes:
            period (str | Unset):
            current (Summary | Unset):
            proposed (Summary | Unset):
            difference (PreviewDifference | Unset):
     """

    period: str | Unset = UNSET
    current: Summary | Unset = UNSET
    proposed: Summary | Unset = UNSET
    difference: PreviewDifference | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_difference import PreviewDifference # noqa: PLC0415
        from ..models.summary import Summary # noqa: PLC0415
        period = self.period

        current: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current, Unset):
            current = self.current.to_dict()

        proposed: dict[str, Any] | Unset = UNSET
        if not isinstance(self.proposed, Unset):
            proposed = self.proposed.to_dict()

        difference: dict[str, Any] | Unset = UNSET
        if not isinstance(self.difference, Unset):
            difference = self.difference.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period is not UNSET:
            field_dict["period"] = period
        if current is not UNSET:
            field_dict["current"] = current
        if proposed is not UNSET:
            field_dict["proposed"] = proposed
        if difference is not UNSET:
            field_dict["difference"] = difference

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_difference import PreviewDifference # noqa: PLC0415
        from ..models.summary import Summary # noqa: PLC0415
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        _current = d.pop("current", UNSET)
        current: Summary | Unset
        if isinstance(_current,  Unset):
            current = UNSET
        else:
            current = Summary.from_dict(_current)




        _proposed = d.pop("proposed", UNSET)
        proposed: Summary | Unset
        if isinstance(_proposed,  Unset):
            proposed = UNSET
        else:
            proposed = Summary.from_dict(_proposed)




        _difference = d.pop("difference", UNSET)
        difference: PreviewDifference | Unset
        if isinstance(_difference,  Unset):
            difference = UNSET
        else:
            difference = PreviewDifference.from_dict(_difference)




        preview = cls(
            period=period,
            current=current,
            proposed=proposed,
            difference=difference,
        )

        return preview

