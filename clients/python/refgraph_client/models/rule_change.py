from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.rules_body import RulesBody





T = TypeVar("T", bound="RuleChange")



@_attrs_define
class RuleChange:
    """ 
        Attributes:
            rules (RulesBody):
            effective_from (int | None | Unset): epoch ms; default now
            note (None | str | Unset):
     """

    rules: RulesBody
    effective_from: int | None | Unset = UNSET
    note: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.rules_body import RulesBody # noqa: PLC0415
        rules = self.rules.to_dict()

        effective_from: int | None | Unset
        if isinstance(self.effective_from, Unset):
            effective_from = UNSET
        else:
            effective_from = self.effective_from

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "rules": rules,
        })
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rules_body import RulesBody # noqa: PLC0415
        d = dict(src_dict)
        rules = RulesBody.from_dict(d.pop("rules"))




        def _parse_effective_from(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        effective_from = _parse_effective_from(d.pop("effective_from", UNSET))


        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        rule_change = cls(
            rules=rules,
            effective_from=effective_from,
            note=note,
        )

        return rule_change

