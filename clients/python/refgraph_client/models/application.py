from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.application_cancelled_by import ApplicationCancelledBy
from ..models.application_status import ApplicationStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Application")



@_attrs_define
class Application:
    """ 
        Attributes:
            id (str | Unset): the sale's id
            sale_id (str | Unset):
            institution_id (str | Unset):
            buyer_id (str | Unset):
            merchant_id (str | Unset):
            amount (int | Unset): the financed part, minor units
            installments (int | Unset):
            fee_bp (int | Unset): the institution's fee, as it was when the sale was recorded
            fee (int | Unset): fee_bp of amount, rounded half up
            points (int | Unset): the buyer's points, earned on disbursement
            status (ApplicationStatus | Unset):
            applied_at (int | Unset):
            lapse_at (int | Unset): when it lapses if still applied
            approved_at (int | None | Unset):
            disbursed_at (int | None | Unset):
            decided_at (int | None | Unset): when it was declined or cancelled
            reason (None | str | Unset):
            cancelled_by (ApplicationCancelledBy | Unset):
            reference (None | str | Unset): the institution's reference of its last decision
            period (str | Unset): the period of the sale's fee total
            carried_into (None | str | Unset): voided after its period was run: the open period whose fee total took the
                reversed fee (as a refunded fee)
     """

    id: str | Unset = UNSET
    sale_id: str | Unset = UNSET
    institution_id: str | Unset = UNSET
    buyer_id: str | Unset = UNSET
    merchant_id: str | Unset = UNSET
    amount: int | Unset = UNSET
    installments: int | Unset = UNSET
    fee_bp: int | Unset = UNSET
    fee: int | Unset = UNSET
    points: int | Unset = UNSET
    status: ApplicationStatus | Unset = UNSET
    applied_at: int | Unset = UNSET
    lapse_at: int | Unset = UNSET
    approved_at: int | None | Unset = UNSET
    disbursed_at: int | None | Unset = UNSET
    decided_at: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    cancelled_by: ApplicationCancelledBy | Unset = UNSET
    reference: None | str | Unset = UNSET
    period: str | Unset = UNSET
    carried_into: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        sale_id = self.sale_id

        institution_id = self.institution_id

        buyer_id = self.buyer_id

        merchant_id = self.merchant_id

        amount = self.amount

        installments = self.installments

        fee_bp = self.fee_bp

        fee = self.fee

        points = self.points

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value


        applied_at = self.applied_at

        lapse_at = self.lapse_at

        approved_at: int | None | Unset
        if isinstance(self.approved_at, Unset):
            approved_at = UNSET
        else:
            approved_at = self.approved_at

        disbursed_at: int | None | Unset
        if isinstance(self.disbursed_at, Unset):
            disbursed_at = UNSET
        else:
            disbursed_at = self.disbursed_at

        decided_at: int | None | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        cancelled_by: str | Unset = UNSET
        if not isinstance(self.cancelled_by, Unset):
            cancelled_by = self.cancelled_by.value


        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        period = self.period

        carried_into: None | str | Unset
        if isinstance(self.carried_into, Unset):
            carried_into = UNSET
        else:
            carried_into = self.carried_into


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if sale_id is not UNSET:
            field_dict["sale_id"] = sale_id
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id
        if buyer_id is not UNSET:
            field_dict["buyer_id"] = buyer_id
        if merchant_id is not UNSET:
            field_dict["merchant_id"] = merchant_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if installments is not UNSET:
            field_dict["installments"] = installments
        if fee_bp is not UNSET:
            field_dict["fee_bp"] = fee_bp
        if fee is not UNSET:
            field_dict["fee"] = fee
        if points is not UNSET:
            field_dict["points"] = points
        if status is not UNSET:
            field_dict["status"] = status
        if applied_at is not UNSET:
            field_dict["applied_at"] = applied_at
        if lapse_at is not UNSET:
            field_dict["lapse_at"] = lapse_at
        if approved_at is not UNSET:
            field_dict["approved_at"] = approved_at
        if disbursed_at is not UNSET:
            field_dict["disbursed_at"] = disbursed_at
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if reason is not UNSET:
            field_dict["reason"] = reason
        if cancelled_by is not UNSET:
            field_dict["cancelled_by"] = cancelled_by
        if reference is not UNSET:
            field_dict["reference"] = reference
        if period is not UNSET:
            field_dict["period"] = period
        if carried_into is not UNSET:
            field_dict["carried_into"] = carried_into

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        sale_id = d.pop("sale_id", UNSET)

        institution_id = d.pop("institution_id", UNSET)

        buyer_id = d.pop("buyer_id", UNSET)

        merchant_id = d.pop("merchant_id", UNSET)

        amount = d.pop("amount", UNSET)

        installments = d.pop("installments", UNSET)

        fee_bp = d.pop("fee_bp", UNSET)

        fee = d.pop("fee", UNSET)

        points = d.pop("points", UNSET)

        _status = d.pop("status", UNSET)
        status: ApplicationStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = ApplicationStatus(_status)




        applied_at = d.pop("applied_at", UNSET)

        lapse_at = d.pop("lapse_at", UNSET)

        def _parse_approved_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_at = _parse_approved_at(d.pop("approved_at", UNSET))


        def _parse_disbursed_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        disbursed_at = _parse_disbursed_at(d.pop("disbursed_at", UNSET))


        def _parse_decided_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        _cancelled_by = d.pop("cancelled_by", UNSET)
        cancelled_by: ApplicationCancelledBy | Unset
        if isinstance(_cancelled_by,  Unset):
            cancelled_by = UNSET
        else:
            cancelled_by = ApplicationCancelledBy(_cancelled_by)




        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        period = d.pop("period", UNSET)

        def _parse_carried_into(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        carried_into = _parse_carried_into(d.pop("carried_into", UNSET))


        application = cls(
            id=id,
            sale_id=sale_id,
            institution_id=institution_id,
            buyer_id=buyer_id,
            merchant_id=merchant_id,
            amount=amount,
            installments=installments,
            fee_bp=fee_bp,
            fee=fee,
            points=points,
            status=status,
            applied_at=applied_at,
            lapse_at=lapse_at,
            approved_at=approved_at,
            disbursed_at=disbursed_at,
            decided_at=decided_at,
            reason=reason,
            cancelled_by=cancelled_by,
            reference=reference,
            period=period,
            carried_into=carried_into,
        )

        return application

