from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.financing_decision_status import FinancingDecisionStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FinancingDecision")



@_attrs_define
class FinancingDecision:
    """ 
        Attributes:
            application_id (str):
            status (FinancingDecisionStatus):
            reference (str): the institution's reference of this decision: sent again, the decision is a replay
            reason (None | str | Unset):
     """

    application_id: str
    status: FinancingDecisionStatus
    reference: str
    reason: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        application_id = self.application_id

        status = self.status.value

        reference = self.reference

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "application_id": application_id,
            "status": status,
            "reference": reference,
        })
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        application_id = d.pop("application_id")

        status = FinancingDecisionStatus(d.pop("status"))




        reference = d.pop("reference")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        financing_decision = cls(
            application_id=application_id,
            status=status,
            reference=reference,
            reason=reason,
        )

        return financing_decision

