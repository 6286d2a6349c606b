from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.delivery_counts import DeliveryCounts





T = TypeVar("T", bound="Webhook")



@_attrs_define
class Webhook:
    """ 
        Attributes:
            id (str | Unset):
            url (str | Unset):
            events (list[str] | Unset):
            description (None | str | Unset):
            status (str | Unset): enabled, disabled
            disabled_reason (None | str | Unset):
            disabled_at (int | None | Unset):
            created_at (int | Unset):
            updated_at (int | Unset):
            last_success_at (int | None | Unset):
            last_failure_at (int | None | Unset):
            consecutive_failures (int | Unset):
            secret_rotated_at (int | None | Unset):
            deliveries (DeliveryCounts | Unset):
            secret (str | Unset): the signing secret: only in the answer that created the endpoint or rotated its secret,
                never again; keep it
     """

    id: str | Unset = UNSET
    url: str | Unset = UNSET
    events: list[str] | Unset = UNSET
    description: None | str | Unset = UNSET
    status: str | Unset = UNSET
    disabled_reason: None | str | Unset = UNSET
    disabled_at: int | None | Unset = UNSET
    created_at: int | Unset = UNSET
    updated_at: int | Unset = UNSET
    last_success_at: int | None | Unset = UNSET
    last_failure_at: int | None | Unset = UNSET
    consecutive_failures: int | Unset = UNSET
    secret_rotated_at: int | None | Unset = UNSET
    deliveries: DeliveryCounts | Unset = UNSET
    secret: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_counts import DeliveryCounts # noqa: PLC0415
        id = self.id

        url = self.url

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = self.events



        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        status = self.status

        disabled_reason: None | str | Unset
        if isinstance(self.disabled_reason, Unset):
            disabled_reason = UNSET
        else:
            disabled_reason = self.disabled_reason

        disabled_at: int | None | Unset
        if isinstance(self.disabled_at, Unset):
            disabled_at = UNSET
        else:
            disabled_at = self.disabled_at

        created_at = self.created_at

        updated_at = self.updated_at

        last_success_at: int | None | Unset
        if isinstance(self.last_success_at, Unset):
            last_success_at = UNSET
        else:
            last_success_at = self.last_success_at

        last_failure_at: int | None | Unset
        if isinstance(self.last_failure_at, Unset):
            last_failure_at = UNSET
        else:
            last_failure_at = self.last_failure_at

        consecutive_failures = self.consecutive_failures

        secret_rotated_at: int | None | Unset
        if isinstance(self.secret_rotated_at, Unset):
            secret_rotated_at = UNSET
        else:
            secret_rotated_at = self.secret_rotated_at

        deliveries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deliveries, Unset):
            deliveries = self.deliveries.to_dict()

        secret = self.secret


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if events is not UNSET:
            field_dict["events"] = events
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status
        if disabled_reason is not UNSET:
            field_dict["disabled_reason"] = disabled_reason
        if disabled_at is not UNSET:
            field_dict["disabled_at"] = disabled_at
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if last_success_at is not UNSET:
            field_dict["last_success_at"] = last_success_at
        if last_failure_at is not UNSET:
            field_dict["last_failure_at"] = last_failure_at
        if consecutive_failures is not UNSET:
            field_dict["consecutive_failures"] = consecutive_failures
        if secret_rotated_at is not UNSET:
            field_dict["secret_rotated_at"] = secret_rotated_at
        if deliveries is not UNSET:
            field_dict["deliveries"] = deliveries
        if secret is not UNSET:
            field_dict["secret"] = secret

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_counts import DeliveryCounts # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        url = d.pop("url", UNSET)

        events = cast(list[str], d.pop("events", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        status = d.pop("status", UNSET)

        def _parse_disabled_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        disabled_reason = _parse_disabled_reason(d.pop("disabled_reason", UNSET))


        def _parse_disabled_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        disabled_at = _parse_disabled_at(d.pop("disabled_at", UNSET))


        created_at = d.pop("created_at", UNSET)

        updated_at = d.pop("updated_at", UNSET)

        def _parse_last_success_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_success_at = _parse_last_success_at(d.pop("last_success_at", UNSET))


        def _parse_last_failure_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_failure_at = _parse_last_failure_at(d.pop("last_failure_at", UNSET))


        consecutive_failures = d.pop("consecutive_failures", UNSET)

        def _parse_secret_rotated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        secret_rotated_at = _parse_secret_rotated_at(d.pop("secret_rotated_at", UNSET))


        _deliveries = d.pop("deliveries", UNSET)
        deliveries: DeliveryCounts | Unset
        if isinstance(_deliveries,  Unset):
            deliveries = UNSET
        else:
            deliveries = DeliveryCounts.from_dict(_deliveries)




        secret = d.pop("secret", UNSET)

        webhook = cls(
            id=id,
            url=url,
            events=events,
            description=description,
            status=status,
            disabled_reason=disabled_reason,
            disabled_at=disabled_at,
            created_at=created_at,
            updated_at=updated_at,
            last_success_at=last_success_at,
            last_failure_at=last_failure_at,
            consecutive_failures=consecutive_failures,
            secret_rotated_at=secret_rotated_at,
            deliveries=deliveries,
            secret=secret,
        )

        return webhook

