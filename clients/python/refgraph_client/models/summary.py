from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.tier_total import TierTotal





T = TypeVar("T", bound="Summary")



@_attrs_define
class Summary:
    """ 
        Attributes:
            lines (int | Unset):
            referrers (int | Unset):
            rewards (int | Unset):
            clawbacks (int | Unset):
            tiers (list[TierTotal] | Unset):
     """

    lines: int | Unset = UNSET
    referrers: int | Unset = UNSET
    rewards: int | Unset = UNSET
    clawbacks: int | Unset = UNSET
    tiers: list[TierTotal] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.tier_total import TierTotal # noqa: PLC0415
        lines = self.lines

        referrers = self.referrers

        rewards = self.rewards

        clawbacks = self.clawbacks

        tiers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tiers, Unset):
            tiers = []
            for tiers_item_data in self.tiers:
                tiers_item = tiers_item_data.to_dict()
                tiers.append(tiers_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if lines is not UNSET:
            field_dict["lines"] = lines
        if referrers is not UNSET:
            field_dict["referrers"] = referrers
        if rewards is not UNSET:
            field_dict["rewards"] = rewards
        if clawbacks is not UNSET:
            field_dict["clawbacks"] = clawbacks
        if tiers is not UNSET:
            field_dict["tiers"] = tiers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tier_total import TierTotal # noqa: PLC0415
        d = dict(src_dict)
        lines = d.pop("lines", UNSET)

        referrers = d.pop("referrers", UNSET)

        rewards = d.pop("rewards", UNSET)

        clawbacks = d.pop("clawbacks", UNSET)

        _tiers = d.pop("tiers", UNSET)
        tiers: list[TierTotal] | Unset = UNSET
        if _tiers is not UNSET:
            tiers = []
            for tiers_item_data in _tiers:
                tiers_item = TierTotal.from_dict(tiers_item_data)



                tiers.append(tiers_item)


        summary = cls(
            lines=lines,
            referrers=referrers,
            rewards=rewards,
            clawbacks=clawbacks,
            tiers=tiers,
        )

        return summary

