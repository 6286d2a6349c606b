from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.institution_in_services_item import InstitutionInServicesItem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InstitutionIn")



@_attrs_define
class InstitutionIn:
    """ 
        Attributes:
            id (str):
            name (str):
            services (list[InstitutionInServicesItem]): what it does for the platform: payouts, consumer_credit
            currency (None | str | Unset): ISO 4217 code; must be the platform's currency (another is 422 currency_mismatch)
            buyer_limit (int | None | Unset): most a buyer may have in undecided applications there (minor units; null: no
                limit)
            fee_bp (int | Unset): its fee on each disbursement, in bp of the financed amount, rounded half up, charged to
                the merchant Default: 0.
     """

    id: str
    name: str
    services: list[InstitutionInServicesItem]
    currency: None | str | Unset = UNSET
    buyer_limit: int | None | Unset = UNSET
    fee_bp: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        services = []
        for services_item_data in self.services:
            services_item = services_item_data.value
            services.append(services_item)



        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        buyer_limit: int | None | Unset
        if isinstance(self.buyer_limit, Unset):
            buyer_limit = UNSET
        else:
            buyer_limit = self.buyer_limit

        fee_bp = self.fee_bp


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "services": services,
        })
        if currency is not UNSET:
            field_dict["currency"] = currency
        if buyer_limit is not UNSET:
            field_dict["buyer_limit"] = buyer_limit
        if fee_bp is not UNSET:
            field_dict["fee_bp"] = fee_bp

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        services = []
        _services = d.pop("services")
        for services_item_data in (_services):
            services_item = InstitutionInServicesItem(services_item_data)



            services.append(services_item)


        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))


        def _parse_buyer_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        buyer_limit = _parse_buyer_limit(d.pop("buyer_limit", UNSET))


        fee_bp = d.pop("fee_bp", UNSET)

        institution_in = cls(
            id=id,
            name=name,
            services=services,
            currency=currency,
            buyer_limit=buyer_limit,
            fee_bp=fee_bp,
        )

        return institution_in

