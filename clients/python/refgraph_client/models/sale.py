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
            financing_id (None | str | Unset): its financing application (GET /v1/financing/applications/{id})
            financed_amount (int | None | Unset):
            financing_status (None | str | Unset): the application's status; points are earned once disbursed
            voided_at (int | None | Unset): its financing was declined or cancelled: the sale is void, its fee reversed
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
    financing_id: None | str | Unset = UNSET
    financed_amount: int | None | Unset = UNSET
    financing_status: None | str | Unset = UNSET
    voided_at: int | None | Unset = UNSET





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



        financing_id: None | str | Unset
        if isinstance(self.financing_id, Unset):
            financing_id = UNSET
        else:
            financing_id = self.financing_id

        financed_amount: int | None | Unset
        if isinstance(self.financed_amount, Unset):
            financed_amount = UNSET
        else:
            financed_amount = self.financed_amount

        financing_status: None | str | Unset
        if isinstance(self.financing_status, Unset):
            financing_status = UNSET
        else:
            financing_status = self.financing_status

        voided_at: int | None | Unset
        if isinstance(self.voided_at, Unset):
            voided_at = UNSET
        else:
            voided_at = self.voided_at


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
        if financing_id is not UNSET:
            field_dict["financing_id"] = financing_id
        if financed_amount is not UNSET:
            field_dict["financed_amount"] = financed_amount
        if financing_status is not UNSET:
            field_dict["financing_status"] = financing_status
        if voided_at is not UNSET:
            field_dict["voided_at"] = voided_at

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


        def _parse_financing_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        financing_id = _parse_financing_id(d.pop("financing_id", UNSET))


        def _parse_financed_amount(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        financed_amount = _parse_financed_amount(d.pop("financed_amount", UNSET))


        def _parse_financing_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        financing_status = _parse_financing_status(d.pop("financing_status", UNSET))


        def _parse_voided_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        voided_at = _parse_voided_at(d.pop("voided_at", UNSET))


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
            financing_id=financing_id,
            financed_amount=financed_amount,
            financing_status=financing_status,
            voided_at=voided_at,
        )

        return sale

