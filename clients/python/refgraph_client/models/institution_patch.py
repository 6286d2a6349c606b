from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.institution_patch_services_item import InstitutionPatchServicesItem
from ..models.institution_patch_status import InstitutionPatchStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="InstitutionPatch")



@_attrs_define
class InstitutionPatch:
    """ 
        Attributes:
            name (str | Unset):
            services (list[InstitutionPatchServicesItem] | Unset): what it does for the platform: payouts, consumer_credit
            status (InstitutionPatchStatus | Unset): inactive: no new financing nor payout batches (callbacks on what it has
                already are still taken)
            status_reason (None | str | Unset):
            buyer_limit (int | None | Unset): most a buyer may have in undecided applications there (minor units; null: no
                limit)
            fee_bp (int | Unset): its fee on each disbursement, in bp of the financed amount, rounded half up, charged to
                the merchant
     """

    name: str | Unset = UNSET
    services: list[InstitutionPatchServicesItem] | Unset = UNSET
    status: InstitutionPatchStatus | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    buyer_limit: int | None | Unset = UNSET
    fee_bp: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        services: list[str] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = []
            for services_item_data in self.services:
                services_item = services_item_data.value
                services.append(services_item)



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        status_reason: None | str | Unset
        if isinstance(self.status_reason, Unset):
            status_reason = UNSET
        else:
            status_reason = self.status_reason

        buyer_limit: int | None | Unset
        if isinstance(self.buyer_limit, Unset):
            buyer_limit = UNSET
        else:
            buyer_limit = self.buyer_limit

        fee_bp = self.fee_bp


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if services is not UNSET:
            field_dict["services"] = services
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if buyer_limit is not UNSET:
            field_dict["buyer_limit"] = buyer_limit
        if fee_bp is not UNSET:
            field_dict["fee_bp"] = fee_bp

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        _services = d.pop("services", UNSET)
        services: list[InstitutionPatchServicesItem] | Unset = UNSET
        if _services is not UNSET:
            services = []
            for services_item_data in _services:
                services_item = InstitutionPatchServicesItem(services_item_data)



                services.append(services_item)


        _status = d.pop("status", UNSET)
        status: InstitutionPatchStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = InstitutionPatchStatus(_status)




        def _parse_status_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_reason = _parse_status_reason(d.pop("status_reason", UNSET))


        def _parse_buyer_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        buyer_limit = _parse_buyer_limit(d.pop("buyer_limit", UNSET))


        fee_bp = d.pop("fee_bp", UNSET)

        institution_patch = cls(
            name=name,
            services=services,
            status=status,
            status_reason=status_reason,
            buyer_limit=buyer_limit,
            fee_bp=fee_bp,
        )

        return institution_patch

