from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.preview_in_rules_type_1_type_0 import PreviewInRulesType1Type0
  from ..models.rules_body import RulesBody





T = TypeVar("T", bound="PreviewIn")



@_attrs_define
class PreviewIn:
    """ 
        Attributes:
            period (str):
            rules (None | PreviewInRulesType1Type0 | RulesBody | Unset): proposed changes to compare; optional
     """

    period: str
    rules: None | PreviewInRulesType1Type0 | RulesBody | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.preview_in_rules_type_1_type_0 import PreviewInRulesType1Type0 # noqa: PLC0415
        from ..models.rules_body import RulesBody # noqa: PLC0415
        period = self.period

        rules: dict[str, Any] | None | Unset
        if isinstance(self.rules, Unset):
            rules = UNSET
        elif isinstance(self.rules, RulesBody):
            rules = self.rules.to_dict()
        elif isinstance(self.rules, PreviewInRulesType1Type0):
            rules = self.rules.to_dict()
        else:
            rules = self.rules


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "period": period,
        })
        if rules is not UNSET:
            field_dict["rules"] = rules

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.preview_in_rules_type_1_type_0 import PreviewInRulesType1Type0 # noqa: PLC0415
        from ..models.rules_body import RulesBody # noqa: PLC0415
        d = dict(src_dict)
        period = d.pop("period")

        def _parse_rules(data: object) -> None | PreviewInRulesType1Type0 | RulesBody | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rules_type_0 = RulesBody.from_dict(data)



                return rules_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rules_type_1_type_0 = PreviewInRulesType1Type0.from_dict(data)



                return rules_type_1_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PreviewInRulesType1Type0 | RulesBody | Unset, data)

        rules = _parse_rules(d.pop("rules", UNSET))


        preview_in = cls(
            period=period,
            rules=rules,
        )

        return preview_in

