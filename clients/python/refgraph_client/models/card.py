from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.card_source import CardSource
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Card")



@_attrs_define
class Card:
    """ 
        Attributes:
            id (str | Unset):
            holder_id (str | Unset):
            price (int | Unset): minor units
            bought_at (int | Unset):
            voucher_ids (list[str] | Unset):
            source (CardSource | Unset): sale: sold by refgraph; import: a card of the platform's past, brought in by
                `refgraph import users` (price 0, no vouchers)
     """

    id: str | Unset = UNSET
    holder_id: str | Unset = UNSET
    price: int | Unset = UNSET
    bought_at: int | Unset = UNSET
    voucher_ids: list[str] | Unset = UNSET
    source: CardSource | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        holder_id = self.holder_id

        price = self.price

        bought_at = self.bought_at

        voucher_ids: list[str] | Unset = UNSET
        if not isinstance(self.voucher_ids, Unset):
            voucher_ids = self.voucher_ids



        source: str | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if holder_id is not UNSET:
            field_dict["holder_id"] = holder_id
        if price is not UNSET:
            field_dict["price"] = price
        if bought_at is not UNSET:
            field_dict["bought_at"] = bought_at
        if voucher_ids is not UNSET:
            field_dict["voucher_ids"] = voucher_ids
        if source is not UNSET:
            field_dict["source"] = source

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        holder_id = d.pop("holder_id", UNSET)

        price = d.pop("price", UNSET)

        bought_at = d.pop("bought_at", UNSET)

        voucher_ids = cast(list[str], d.pop("voucher_ids", UNSET))


        _source = d.pop("source", UNSET)
        source: CardSource | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = CardSource(_source)




        card = cls(
            id=id,
            holder_id=holder_id,
            price=price,
            bought_at=bought_at,
            voucher_ids=voucher_ids,
            source=source,
        )

        return card

