from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.merchant_part import MerchantPart





T = TypeVar("T", bound="Line")



@_attrs_define
class Line:
    """ 
        Attributes:
            id (str | Unset):
            period (str | Unset):
            referrer_id (str | Unset):
            level (int | Unset):
            amount (int | Unset): negative: a clawback
            status (str | Unset): pending, released, clawback
            release_at (int | None | Unset):
            released_at (int | None | Unset):
            created_at (int | Unset):
            rules_version (int | Unset):
            referrals (int | Unset):
            tier (int | Unset):
            tier_threshold (int | Unset):
            tier_share_bp (int | Unset):
            level_share_bp (int | Unset):
            base (int | Unset):
            merchants (list[MerchantPart] | Unset):
     """

    id: str | Unset = UNSET
    period: str | Unset = UNSET
    referrer_id: str | Unset = UNSET
    level: int | Unset = UNSET
    amount: int | Unset = UNSET
    status: str | Unset = UNSET
    release_at: int | None | Unset = UNSET
    released_at: int | None | Unset = UNSET
    created_at: int | Unset = UNSET
    rules_version: int | Unset = UNSET
    referrals: int | Unset = UNSET
    tier: int | Unset = UNSET
    tier_threshold: int | Unset = UNSET
    tier_share_bp: int | Unset = UNSET
    level_share_bp: int | Unset = UNSET
    base: int | Unset = UNSET
    merchants: list[MerchantPart] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.merchant_part import MerchantPart # noqa: PLC0415
        id = self.id

        period = self.period

        referrer_id = self.referrer_id

        level = self.level

        amount = self.amount

        status = self.status

        release_at: int | None | Unset
        if isinstance(self.release_at, Unset):
            release_at = UNSET
        else:
            release_at = self.release_at

        released_at: int | None | Unset
        if isinstance(self.released_at, Unset):
            released_at = UNSET
        else:
            released_at = self.released_at

        created_at = self.created_at

        rules_version = self.rules_version

        referrals = self.referrals

        tier = self.tier

        tier_threshold = self.tier_threshold

        tier_share_bp = self.tier_share_bp

        level_share_bp = self.level_share_bp

        base = self.base

        merchants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.merchants, Unset):
            merchants = []
            for merchants_item_data in self.merchants:
                merchants_item = merchants_item_data.to_dict()
                merchants.append(merchants_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if period is not UNSET:
            field_dict["period"] = period
        if referrer_id is not UNSET:
            field_dict["referrer_id"] = referrer_id
        if level is not UNSET:
            field_dict["level"] = level
        if amount is not UNSET:
            field_dict["amount"] = amount
        if status is not UNSET:
            field_dict["status"] = status
        if release_at is not UNSET:
            field_dict["release_at"] = release_at
        if released_at is not UNSET:
            field_dict["released_at"] = released_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if rules_version is not UNSET:
            field_dict["rules_version"] = rules_version
        if referrals is not UNSET:
            field_dict["referrals"] = referrals
        if tier is not UNSET:
            field_dict["tier"] = tier
        if tier_threshold is not UNSET:
            field_dict["tier_threshold"] = tier_threshold
        if tier_share_bp is not UNSET:
            field_dict["tier_share_bp"] = tier_share_bp
        if level_share_bp is not UNSET:
            field_dict["level_share_bp"] = level_share_bp
        if base is not UNSET:
            field_dict["base"] = base
        if merchants is not UNSET:
            field_dict["merchants"] = merchants

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_part import MerchantPart # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        period = d.pop("period", UNSET)

        referrer_id = d.pop("referrer_id", UNSET)

        level = d.pop("level", UNSET)

        amount = d.pop("amount", UNSET)

        status = d.pop("status", UNSET)

        def _parse_release_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        release_at = _parse_release_at(d.pop("release_at", UNSET))


        def _parse_released_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        released_at = _parse_released_at(d.pop("released_at", UNSET))


        created_at = d.pop("created_at", UNSET)

        rules_version = d.pop("rules_version", UNSET)

        referrals = d.pop("referrals", UNSET)

        tier = d.pop("tier", UNSET)

        tier_threshold = d.pop("tier_threshold", UNSET)

        tier_share_bp = d.pop("tier_share_bp", UNSET)

        level_share_bp = d.pop("level_share_bp", UNSET)

        base = d.pop("base", UNSET)

        _merchants = d.pop("merchants", UNSET)
        merchants: list[MerchantPart] | Unset = UNSET
        if _merchants is not UNSET:
            merchants = []
            for merchants_item_data in _merchants:
                merchants_item = MerchantPart.from_dict(merchants_item_data)



                merchants.append(merchants_item)


        line = cls(
            id=id,
            period=period,
            referrer_id=referrer_id,
            level=level,
            amount=amount,
            status=status,
            release_at=release_at,
            released_at=released_at,
            created_at=created_at,
            rules_version=rules_version,
            referrals=referrals,
            tier=tier,
            tier_threshold=tier_threshold,
            tier_share_bp=tier_share_bp,
            level_share_bp=level_share_bp,
            base=base,
            merchants=merchants,
        )

        return line

