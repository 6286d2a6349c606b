from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.ranked import Ranked





T = TypeVar("T", bound="TopReferrers")



@_attrs_define
class TopReferrers:
    """ 
        Attributes:
            direct (list[Ranked] | Unset):
            downline (list[Ranked] | Unset):
            fees (list[Ranked] | Unset):
            pagerank (list[Ranked] | Unset):
     """

    direct: list[Ranked] | Unset = UNSET
    downline: list[Ranked] | Unset = UNSET
    fees: list[Ranked] | Unset = UNSET
    pagerank: list[Ranked] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.ranked import Ranked # noqa: PLC0415
        direct: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.direct, Unset):
            direct = []
            for direct_item_data in self.direct:
                direct_item = direct_item_data.to_dict()
                direct.append(direct_item)



        downline: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.downline, Unset):
            downline = []
            for downline_item_data in self.downline:
                downline_item = downline_item_data.to_dict()
                downline.append(downline_item)



        fees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fees, Unset):
            fees = []
            for fees_item_data in self.fees:
                fees_item = fees_item_data.to_dict()
                fees.append(fees_item)



        pagerank: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pagerank, Unset):
            pagerank = []
            for pagerank_item_data in self.pagerank:
                pagerank_item = pagerank_item_data.to_dict()
                pagerank.append(pagerank_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if direct is not UNSET:
            field_dict["direct"] = direct
        if downline is not UNSET:
            field_dict["downline"] = downline
        if fees is not UNSET:
            field_dict["fees"] = fees
        if pagerank is not UNSET:
            field_dict["pagerank"] = pagerank

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ranked import Ranked # noqa: PLC0415
        d = dict(src_dict)
        _direct = d.pop("direct", UNSET)
        direct: list[Ranked] | Unset = UNSET
        if _direct is not UNSET:
            direct = []
            for direct_item_data in _direct:
                direct_item = Ranked.from_dict(direct_item_data)



                direct.append(direct_item)


        _downline = d.pop("downline", UNSET)
        downline: list[Ranked] | Unset = UNSET
        if _downline is not UNSET:
            downline = []
            for downline_item_data in _downline:
                downline_item = Ranked.from_dict(downline_item_data)



                downline.append(downline_item)


        _fees = d.pop("fees", UNSET)
        fees: list[Ranked] | Unset = UNSET
        if _fees is not UNSET:
            fees = []
            for fees_item_data in _fees:
                fees_item = Ranked.from_dict(fees_item_data)



                fees.append(fees_item)


        _pagerank = d.pop("pagerank", UNSET)
        pagerank: list[Ranked] | Unset = UNSET
        if _pagerank is not UNSET:
            pagerank = []
            for pagerank_item_data in _pagerank:
                pagerank_item = Ranked.from_dict(pagerank_item_data)



                pagerank.append(pagerank_item)


        top_referrers = cls(
            direct=direct,
            downline=downline,
            fees=fees,
            pagerank=pagerank,
        )

        return top_referrers

