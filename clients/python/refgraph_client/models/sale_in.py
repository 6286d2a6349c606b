from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.financing_in import FinancingIn
  from ..models.sale_in_financing_type_1_type_0 import SaleInFinancingType1Type0
  from ..models.voucher_use import VoucherUse





T = TypeVar("T", bound="SaleIn")



@_attrs_define
class SaleIn:
    """ 
        Attributes:
            id (str): the terminal's sale id
            merchant_id (str):
            amount (int): minor units, 1 to 1000000000
            currency (str): ISO 4217 code; must be the platform's currency (another is 422 currency_mismatch)
            buyer_id (None | str | Unset):
            at (int | None | Unset): epoch ms, UTC; default now; not in the future
            items (None | str | Unset):
            vouchers (list[VoucherUse] | Unset):
            financing (FinancingIn | None | SaleInFinancingType1Type0 | Unset): part or all of the sale paid on credit from
                a partner institution: its financing application is created with the sale (refused: no buyer, vouchers too, more
                than the amount, an unknown or inactive institution, one without consumer_credit, past its per-buyer limit)
     """

    id: str
    merchant_id: str
    amount: int
    currency: str
    buyer_id: None | str | Unset = UNSET
    at: int | None | Unset = UNSET
    items: None | str | Unset = UNSET
    vouchers: list[VoucherUse] | Unset = UNSET
    financing: FinancingIn | None | SaleInFinancingType1Type0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.financing_in import FinancingIn # noqa: PLC0415
        from ..models.sale_in_financing_type_1_type_0 import SaleInFinancingType1Type0 # noqa: PLC0415
        from ..models.voucher_use import VoucherUse # noqa: PLC0415
        id = self.id

        merchant_id = self.merchant_id

        amount = self.amount

        currency = self.currency

        buyer_id: None | str | Unset
        if isinstance(self.buyer_id, Unset):
            buyer_id = UNSET
        else:
            buyer_id = self.buyer_id

        at: int | None | Unset
        if isinstance(self.at, Unset):
            at = UNSET
        else:
            at = self.at

        items: None | str | Unset
        if isinstance(self.items, Unset):
            items = UNSET
        else:
            items = self.items

        vouchers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.vouchers, Unset):
            vouchers = []
            for vouchers_item_data in self.vouchers:
                vouchers_item = vouchers_item_data.to_dict()
                vouchers.append(vouchers_item)



        financing: dict[str, Any] | None | Unset
        if isinstance(self.financing, Unset):
            financing = UNSET
        elif isinstance(self.financing, FinancingIn):
            financing = self.financing.to_dict()
        elif isinstance(self.financing, SaleInFinancingType1Type0):
            financing = self.financing.to_dict()
        else:
            financing = self.financing


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "merchant_id": merchant_id,
            "amount": amount,
            "currency": currency,
        })
        if buyer_id is not UNSET:
            field_dict["buyer_id"] = buyer_id
        if at is not UNSET:
            field_dict["at"] = at
        if items is not UNSET:
            field_dict["items"] = items
        if vouchers is not UNSET:
            field_dict["vouchers"] = vouchers
        if financing is not UNSET:
            field_dict["financing"] = financing

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.financing_in import FinancingIn # noqa: PLC0415
        from ..models.sale_in_financing_type_1_type_0 import SaleInFinancingType1Type0 # noqa: PLC0415
        from ..models.voucher_use import VoucherUse # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        merchant_id = d.pop("merchant_id")

        amount = d.pop("amount")

        currency = d.pop("currency")

        def _parse_buyer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        buyer_id = _parse_buyer_id(d.pop("buyer_id", UNSET))


        def _parse_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        at = _parse_at(d.pop("at", UNSET))


        def _parse_items(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        items = _parse_items(d.pop("items", UNSET))


        _vouchers = d.pop("vouchers", UNSET)
        vouchers: list[VoucherUse] | Unset = UNSET
        if _vouchers is not UNSET:
            vouchers = []
            for vouchers_item_data in _vouchers:
                vouchers_item = VoucherUse.from_dict(vouchers_item_data)



                vouchers.append(vouchers_item)


        def _parse_financing(data: object) -> FinancingIn | None | SaleInFinancingType1Type0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                financing_type_0 = FinancingIn.from_dict(data)



                return financing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                financing_type_1_type_0 = SaleInFinancingType1Type0.from_dict(data)



                return financing_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FinancingIn | None | SaleInFinancingType1Type0 | Unset, data)

        financing = _parse_financing(d.pop("financing", UNSET))


        sale_in = cls(
            id=id,
            merchant_id=merchant_id,
            amount=amount,
            currency=currency,
            buyer_id=buyer_id,
            at=at,
            items=items,
            vouchers=vouchers,
            financing=financing,
        )

        return sale_in

