from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.batch_withdrawals_item import BatchWithdrawalsItem





T = TypeVar("T", bound="Batch")



@_attrs_define
class Batch:
    """ 
        Attributes:
            id (str | Unset):
            institution_id (None | str | Unset):
            count (int | Unset):
            total (int | Unset):
            file (str | Unset): where the payout file was written
            withdrawals (list[BatchWithdrawalsItem] | Unset):
     """

    id: str | Unset = UNSET
    institution_id: None | str | Unset = UNSET
    count: int | Unset = UNSET
    total: int | Unset = UNSET
    file: str | Unset = UNSET
    withdrawals: list[BatchWithdrawalsItem] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.batch_withdrawals_item import BatchWithdrawalsItem # noqa: PLC0415
        id = self.id

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        else:
            institution_id = self.institution_id

        count = self.count

        total = self.total

        file = self.file

        withdrawals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.withdrawals, Unset):
            withdrawals = []
            for withdrawals_item_data in self.withdrawals:
                withdrawals_item = withdrawals_item_data.to_dict()
                withdrawals.append(withdrawals_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if id is not UNSET:
            field_dict["id"] = id
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id
        if count is not UNSET:
            field_dict["count"] = count
        if total is not UNSET:
            field_dict["total"] = total
        if file is not UNSET:
            field_dict["file"] = file
        if withdrawals is not UNSET:
            field_dict["withdrawals"] = withdrawals

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_withdrawals_item import BatchWithdrawalsItem # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_institution_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))


        count = d.pop("count", UNSET)

        total = d.pop("total", UNSET)

        file = d.pop("file", UNSET)

        _withdrawals = d.pop("withdrawals", UNSET)
        withdrawals: list[BatchWithdrawalsItem] | Unset = UNSET
        if _withdrawals is not UNSET:
            withdrawals = []
            for withdrawals_item_data in _withdrawals:
                withdrawals_item = BatchWithdrawalsItem.from_dict(withdrawals_item_data)



                withdrawals.append(withdrawals_item)


        batch = cls(
            id=id,
            institution_id=institution_id,
            count=count,
            total=total,
            file=file,
            withdrawals=withdrawals,
        )

        return batch

