from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Withdrawal")



@_attrs_define
class Withdrawal:
    """ 
        Attributes:
            id (str | Unset):
            user_id (str | Unset):
            amount (int | Unset):
            cash_amount (int | Unset): paid out in cash
            voucher_amount (int | Unset): becomes a mall voucher
            status (str | Unset): requested, approved, rejected, batched, paid, failed
            requested_at (int | Unset):
            decided_at (int | None | Unset):
            settled_at (int | None | Unset):
            reason (None | str | Unset):
            reference (None | str | Unset):
            batch_id (None | str | Unset):
            institution_id (None | str | Unset): the institution its batch was made for
     """

    id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    amount: int | Unset = UNSET
    cash_amount: int | Unset = UNSET
    voucher_amount: int | Unset = UNSET
    status: str | Unset = UNSET
    requested_at: int | Unset = UNSET
    decided_at: int | None | Unset = UNSET
    settled_at: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    reference: None | str | Unset = UNSET
    batch_id: None | str | Unset = UNSET
    institution_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        user_id = self.user_id

        amount = self.amount

        cash_amount = self.cash_amount

        voucher_amount = self.voucher_amount

        status = self.status

        requested_at = self.requested_at

        decided_at: int | None | Unset
        if isinstance(self.decided_at, Unset):
            decided_at = UNSET
        else:
            decided_at = self.decided_at

        settled_at: int | None | Unset
        if isinstance(self.settled_at, Unset):
            settled_at = UNSET
        else:
            settled_at = self.settled_at

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        reference: None | str | Unset
        if isinstance(self.reference, Unset):
            reference = UNSET
        else:
            reference = self.reference

        batch_id: None | str | Unset
        if isinstance(self.batch_id, Unset):
            batch_id = UNSET
        else:
            batch_id = self.batch_id

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        else:
            institution_id = self.institution_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if amount is not UNSET:
            field_dict["amount"] = amount
        if cash_amount is not UNSET:
            field_dict["cash_amount"] = cash_amount
        if voucher_amount is not UNSET:
            field_dict["voucher_amount"] = voucher_amount
        if status is not UNSET:
            field_dict["status"] = status
        if requested_at is not UNSET:
            field_dict["requested_at"] = requested_at
        if decided_at is not UNSET:
            field_dict["decided_at"] = decided_at
        if settled_at is not UNSET:
            field_dict["settled_at"] = settled_at
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reference is not UNSET:
            field_dict["reference"] = reference
        if batch_id is not UNSET:
            field_dict["batch_id"] = batch_id
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        user_id = d.pop("user_id", UNSET)

        amount = d.pop("amount", UNSET)

        cash_amount = d.pop("cash_amount", UNSET)

        voucher_amount = d.pop("voucher_amount", UNSET)

        status = d.pop("status", UNSET)

        requested_at = d.pop("requested_at", UNSET)

        def _parse_decided_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        decided_at = _parse_decided_at(d.pop("decided_at", UNSET))


        def _parse_settled_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        settled_at = _parse_settled_at(d.pop("settled_at", UNSET))


        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))


        def _parse_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference = _parse_reference(d.pop("reference", UNSET))


        def _parse_batch_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        batch_id = _parse_batch_id(d.pop("batch_id", UNSET))


        def _parse_institution_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))


        withdrawal = cls(
            id=id,
            user_id=user_id,
            amount=amount,
            cash_amount=cash_amount,
            voucher_amount=voucher_amount,
            status=status,
            requested_at=requested_at,
            decided_at=decided_at,
            settled_at=settled_at,
            reason=reason,
            reference=reference,
            batch_id=batch_id,
            institution_id=institution_id,
        )

        return withdrawal

