from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TierTotal")



@_attrs_define
class TierTotal:
    """ 
        Attributes:
            tier (int | Unset):
            min_referrals (int | Unset):
            share_bp (int | Unset):
            lines (int | Unset):
            rewards (int | Unset):
            clawbacks (int | Unset):
     """

    tier: int | Unset = UNSET
    min_referrals: int | Unset = UNSET
    share_bp: int | Unset = UNSET
    lines: int | Unset = UNSET
    rewards: int | Unset = UNSET
    clawbacks: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        tier = self.tier

        min_referrals = self.min_referrals

        share_bp = self.share_bp

        lines = self.lines

        rewards = self.rewards

        clawbacks = self.clawbacks


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if tier is not UNSET:
            field_dict["tier"] = tier
        if min_referrals is not UNSET:
            field_dict["min_referrals"] = min_referrals
        if share_bp is not UNSET:
            field_dict["share_bp"] = share_bp
        if lines is not UNSET:
            field_dict["lines"] = lines
        if rewards is not UNSET:
            field_dict["rewards"] = rewards
        if clawbacks is not UNSET:
            field_dict["clawbacks"] = clawbacks

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tier = d.pop("tier", UNSET)

        min_referrals = d.pop("min_referrals", UNSET)

        share_bp = d.pop("share_bp", UNSET)

        lines = d.pop("lines", UNSET)

        rewards = d.pop("rewards", UNSET)

        clawbacks = d.pop("clawbacks", UNSET)

        tier_total = cls(
            tier=tier,
            min_referrals=min_referrals,
            share_bp=share_bp,
            lines=lines,
            rewards=rewards,
            clawbacks=clawbacks,
        )

        return tier_total

