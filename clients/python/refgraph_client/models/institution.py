from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Institution")



@_attrs_define
class Institution:
    """ 
        Attributes:
            id (str | Unset):
            name (str | Unset):
            services (list[str] | Unset):
            currency (str | Unset):
            status (str | Unset): active, inactive
            status_reason (None | str | Unset):
            buyer_limit (int | None | Unset):
            fee_bp (int | Unset):
            created_at (int | Unset):
            updated_at (int | Unset):
            secret_version (int | Unset): how many secrets it has had
            secret_at (int | Unset): when its current secret was made
            previous_until (int | None | Unset): until when its previous secret still verifies (a rotation's overlap)
     """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    services: list[str] | Unset = UNSET
    currency: str | Unset = UNSET
    status: str | Unset = UNSET
    status_reason: None | str | Unset = UNSET
    buyer_limit: int | None | Unset = UNSET
    fee_bp: int | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    secret_version: int | Unset = UNSET
    secret_at: int | Unset = UNSET
    previous_until: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        services: list[str] | Unset = UNSET
        if not isinstance(self.services, Unset):
            services = self.services



        currency = self.currency

        status = self.status

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

        created_at = self.created_at

        updated_at = self.updated_at

        secret_version = self.secret_version

        secret_at = self.secret_at

        previous_until: int | None | Unset
        if isinstance(self.previous_until, Unset):
            previous_until = UNSET
        else:
            previous_until = self.previous_until


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if services is not UNSET:
            field_dict["services"] = services
        if currency is not UNSET:
            field_dict["currency"] = currency
        if status is not UNSET:
            field_dict["status"] = status
        if status_reason is not UNSET:
            field_dict["status_reason"] = status_reason
        if buyer_limit is not UNSET:
            field_dict["buyer_limit"] = buyer_limit
        if fee_bp is not UNSET:
            field_dict["fee_bp"] = fee_bp
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if secret_version is not UNSET:
            field_dict["secret_version"] = secret_version
        if secret_at is not UNSET:
            field_dict["secret_at"] = secret_at
        if previous_until is not UNSET:
            field_dict["previous_until"] = previous_until

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        services = cast(list[str], d.pop("services", UNSET))


        currency = d.pop("currency", UNSET)

        status = d.pop("status", UNSET)

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

        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        secret_version = d.pop("secret_version", UNSET)

        secret_at = d.pop("secret_at", UNSET)

        def _parse_previous_until(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        previous_until = _parse_previous_until(d.pop("previous_until", UNSET))


        institution = cls(
            id=id,
            name=name,
            services=services,
            currency=currency,
            status=status,
            status_reason=status_reason,
            buyer_limit=buyer_limit,
            fee_bp=fee_bp,
            created_at=created_at,
            updated_at=updated_at,
            secret_version=secret_version,
            secret_at=secret_at,
            previous_until=previous_until,
        )

        return institution

