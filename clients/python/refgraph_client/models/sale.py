from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.voucher_paid import VoucherPaid





T = TypeVar("T", bound="Sale")



@_attrs_define
class Sale:
    """ 
        Attributes:
            id (str | Unset):
            merchant_id (str | Unset):
            buyer_id (None | str | Unset):
            amount (int | Unset):
            currency (str | Unset):
            at (int | Unset):
            period (str | Unset): the period whose fee total the sale counts in
            carried_from (None | str | Unset): a late sale carried into period: the period it is dated in
            items (None | str | Unset):
            voucher_paid (int | Unset):
            fee_bp (int | Unset):
            fee (int | Unset): management fee, minor units
            points (int | Unset):
            refunded_amount (int | Unset):
            refunded_fee (int | Unset):
            refunded_points (int | Unset):
            vouchers (list[VoucherPaid] | Unset):
     """

    id: str | Unset = UNSET
    merchant_id: str | Unset = UNSET
    buyer_id: None | str | Unset = UNSET
    amount: int | Unset = UNSET
    currency: str | Unset = UNSET
    at: int | Unset = UNSET
    period: str | Unset = UNSET
    carried_from: None | str | Unset = UNSET
    items: None | str | Unset = UNSET
    voucher_paid: int | Unset = UNSET
    fee_bp: int | Unset = UNSET
    fee: int | Unset = UNSET
    points: int | Unset = UNSET
    refunded_amount: int | Unset = UNSET
    refunded_fee: int | Unset = UNSET
    refunded_points: int | Unset = UNSET
    vouchers: list[VoucherPaid] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.voucher_paid import VoucherPaid # noqa: PLC0415
        id = self.id

        merchant_id = self.merchant_id

        buyer_id: None | str | Unset
        if isinstance(self.buyer_id, Unset):
            buyer_id = UNSET
        else:
            buyer_id = self.buyer_id

        amount = self.amount

        currency = self.currency

        at = self.at

        period = self.period

        carried_from: None | str | Unset
        if isinstance(self.carried_from, Unset):
            carried_from = UNSET
        else:
            carried_from = self.carried_from

        items: None | str | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        else:
            items = self.items

        voucher_paid = self.voucher_paid

        fee_bp = self.fee_bp

        fee = self.fee

        points = self.points

        refunded_amount = self.refunded_amount

        refunded_fee = self.refunded_fee

        refunded_points = self.refunded_points

        vouchers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vouchers, Unset):
            vouchers = []
            for vouchers_item_data in self.vouchers:
                vouchers_item = vouchers_item_data.to_dict()
                vouchers.append(vouchers_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if buyer_id is not UNSET:
            field_dict["buyer_id"] = buyer_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if currency is not UNSET:
            field_dict["currency"] = currency
        if at is not UNSET:
            field_dict["at"] = at
        if period is not UNSET:
            field_dict["period"] = period
        if carried_from is not UNSET:
            field_dict["carried_from"] = carried_from
        if items is not UNSET:
            field_dict["items"] = items
        if voucher_paid is not UNSET:
            field_dict["voucher_paid"] = voucher_paid
        if fee_bp is not UNSET:
            field_dict["fee_bp"] = fee_bp
        if fee is not UNSET:
            field_dict["fee"] = fee
        if points is not UNSET:
            field_dict["points"] = points
        if refunded_amount is not UNSET:
            field_dict["refunded_amount"] = refunded_amount
        if refunded_fee is not UNSET:
            field_dict["refunded_fee"] = refunded_fee
        if refunded_points is not UNSET:
            field_dict["refunded_points"] = refunded_points
        if vouchers is not UNSET:
            field_dict["vouchers"] = vouchers

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.voucher_paid import VoucherPaid # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        merchant_id = d.pop("merchant_id", UNSET)

        def _parse_buyer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        buyer_id = _parse_buyer_id(d.pop("buyer_id", UNSET))


        amount = d.pop("amount", UNSET)

        currency = d.pop("currency", UNSET)

        at = d.pop("at", UNSET)

        period = d.pop("period", UNSET)

        def _parse_carried_from(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carried_from = _parse_carried_from(d.pop("carried_from", UNSET))


        def _parse_items(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        items = _parse_items(d.pop("items", UNSET))


        voucher_paid = d.pop("voucher_paid", UNSET)

        fee_bp = d.pop("fee_bp", UNSET)

        fee = d.pop("fee", UNSET)

        points = d.pop("points", UNSET)

        refunded_amount = d.pop("refunded_amount", UNSET)

        refunded_fee = d.pop("refunded_fee", UNSET)

        refunded_points = d.pop("refunded_points", UNSET)

        _vouchers = d.pop("vouchers", UNSET)
        vouchers: list[VoucherPaid] | Unset = UNSET
        if _vouchers is not UNSET:
            vouchers = []
            for vouchers_item_data in _vouchers:
                vouchers_item = VoucherPaid.from_dict(vouchers_item_data)



                vouchers.append(vouchers_item)


        sale = cls(
            id=id,
            merchant_id=merchant_id,
            buyer_id=buyer_id,
            amount=amount,
            currency=currency,
            at=at,
            period=period,
            carried_from=carried_from,
            items=items,
            voucher_paid=voucher_paid,
            fee_bp=fee_bp,
            fee=fee,
            points=points,
            refunded_amount=refunded_amount,
            refunded_fee=refunded_fee,
            refunded_points=refunded_points,
            vouchers=vouchers,
        )

        return sale

