from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.webhook_in_events_item import WebhookInEventsItem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="WebhookIn")



@_attrs_define
class WebhookIn:
    """ 
        Attributes:
            url (str): https:// (or http://) URL on a public address; redirects are not followed
            events (list[WebhookInEventsItem]): event types to receive, or ['*'] for all: user.registered,
                user.status_changed, card.purchased, sale.recorded, refund.recorded, reward_run.completed, reward.credited,
                reward.released, clawback.created, withdrawal.requested, withdrawal.approved, withdrawal.rejected,
                withdrawal.paid, withdrawal.failed, voucher.expiring, signal.raised
            id (None | str | Unset): your id for the endpoint (or an Idempotency-Key)
            description (None | str | Unset):
     """

    url: str
    events: list[WebhookInEventsItem]
    id: None | str | Unset = UNSET
    description: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)



        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "url": url,
            "events": events,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = WebhookInEventsItem(events_item_data)



            events.append(events_item)


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        webhook_in = cls(
            url=url,
            events=events,
            id=id,
            description=description,
        )

        return webhook_in

