from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RuleVersion")



@_attrs_define
class RuleVersion:
    """ 
        Attributes:
            version (int | Unset):
            effective_from (int | Unset):
            created_at (int | Unset):
            created_by (str | Unset):
            note (None | str | Unset):
            rules (Any | Unset):
     """

    version: int | Unset = UNSET
    effective_from: int | Unset = UNSET
    created_at: int | Unset = UNSET
    created_by: str | Unset = UNSET
    note: None | str | Unset = UNSET
    rules: Any | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        effective_from = self.effective_from

        created_at = self.created_at

        created_by = self.created_by

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        rules = self.rules


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if version is not UNSET:
            field_dict["version"] = version
        if effective_from is not UNSET:
            field_dict["effective_from"] = effective_from
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if note is not UNSET:
            field_dict["note"] = note
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version", UNSET)

        effective_from = d.pop("effective_from", UNSET)

        created_at = d.pop("created_at", UNSET)

        created_by = d.pop("created_by", UNSET)

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))


        rules = d.pop("rules", UNSET)

        rule_version = cls(
            version=version,
            effective_from=effective_from,
            created_at=created_at,
            created_by=created_by,
            note=note,
            rules=rules,
        )

        return rule_version

