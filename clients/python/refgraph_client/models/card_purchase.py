from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CardPurchase")



@_attrs_define
class CardPurchase:
    """ 
        Attributes:
            user_id (str):
            id (None | str | Unset): purchase id (or send Idempotency-Key)
            financing (Any | Unset): not taken: a loyalty card is bought from the platform and cannot be financed (422
                card_not_financeable)
     """

    user_id: str
    id: None | str | Unset = UNSET
    financing: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        financing = self.financing


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "user_id": user_id,
        })
        if id is not UNSET:
            field_dict["id"] = id
        if financing is not UNSET:
            field_dict["financing"] = financing

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        financing = d.pop("financing", UNSET)

        card_purchase = cls(
            user_id=user_id,
            id=id,
            financing=financing,
        )

        return card_purchase

