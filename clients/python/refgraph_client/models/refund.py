from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Refund")



@_attrs_define
class Refund:
    """ 
        Attributes:
            id (str | Unset):
            sale_id (str | Unset):
            merchant_id (str | Unset):
            buyer_id (None | str | Unset):
            amount (int | Unset):
            fee (int | Unset): fee reversed by this refund
            points (int | Unset): points reversed by this refund
            at (int | Unset):
            period (str | Unset): the period whose fee total the refund counts in
            carried_from (None | str | Unset): a late refund carried into period: the period it is dated in
            reason (None | str | Unset):
     """

    id: str | Unset = UNSET
    sale_id: str | Unset = UNSET
    merchant_id: str | Unset = UNSET
    buyer_id: None | str | Unset = UNSET
    amount: int | Unset = UNSET
    fee: int | Unset = UNSET
    points: int | Unset = UNSET
    at: int | Unset = UNSET
    period: str | Unset = UNSET
    carried_from: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        sale_id = self.sale_id

        merchant_id = self.merchant_id

        buyer_id: None | str | Unset
        if isinstance(self.buyer_id, Unset):
            buyer_id = UNSET
        else:
            buyer_id = self.buyer_id

        amount = self.amount

        fee = self.fee

        points = self.points

        at = self.at

        period = self.period

        carried_from: None | str | Unset
        if isinstance(self.carried_from, Unset):
            carried_from = UNSET
        else:
            carried_from = self.carried_from

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if buyer_id is not UNSET:
            field_dict["buyer_id"] = buyer_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if fee is not UNSET:
            field_dict["fee"] = fee
        if points is not UNSET:
            field_dict["points"] = points
        if at is not UNSET:
            field_dict["at"] = at
        if period is not UNSET:
            field_dict["period"] = period
        if carried_from is not UNSET:
            field_dict["carried_from"] = carried_from
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        sale_id = d.pop("sale_id", UNSET)

        merchant_id = d.pop("merchant_id", UNSET)

        def _parse_buyer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        buyer_id = _parse_buyer_id(d.pop("buyer_id", UNSET))


        amount = d.pop("amount", UNSET)

        fee = d.pop("fee", UNSET)

        points = d.pop("points", UNSET)

        at = d.pop("at", UNSET)

        period = d.pop("period", UNSET)

        def _parse_carried_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carried_from = _parse_carried_from(d.pop("carried_from", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        refund = cls(
            id=id,
            sale_id=sale_id,
            merchant_id=merchant_id,
            buyer_id=buyer_id,
            amount=amount,
            fee=fee,
            points=points,
            at=at,
            period=period,
            carried_from=carried_from,
            reason=reason,
        )

        return refund

