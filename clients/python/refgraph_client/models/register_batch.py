from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.register_batch_result import RegisterBatchResult





T = TypeVar("T", bound="RegisterBatch")



@_attrs_define
class RegisterBatch:
    """ 
        Attributes:
            created (int | Unset):
            replayed (int | Unset):
            refused (int | Unset):
            results (list[RegisterBatchResult] | Unset):
     """

    created: int | Unset = UNSET
    replayed: int | Unset = UNSET
    refused: int | Unset = UNSET
    results: list[RegisterBatchResult] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.register_batch_result import RegisterBatchResult # noqa: PLC0415
        created = self.created

        replayed = self.replayed

        refused = self.refused

        results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.results, Unset):
            results = []
            for results_item_data in self.results:
                results_item = results_item_data.to_dict()
                results.append(results_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if created is not UNSET:
            field_dict["created"] = created
        if replayed is not UNSET:
            field_dict["replayed"] = replayed
        if refused is not UNSET:
            field_dict["refused"] = refused
        if results is not UNSET:
            field_dict["results"] = results

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.register_batch_result import RegisterBatchResult # noqa: PLC0415
        d = dict(src_dict)
        created = d.pop("created", UNSET)

        replayed = d.pop("replayed", UNSET)

        refused = d.pop("refused", UNSET)

        _results = d.pop("results", UNSET)
        results: list[RegisterBatchResult] | Unset = UNSET
        if _results is not UNSET:
            results = []
            for results_item_data in _results:
                results_item = RegisterBatchResult.from_dict(results_item_data)



                results.append(results_item)


        register_batch = cls(
            created=created,
            replayed=replayed,
            refused=refused,
            results=results,
        )

        return register_batch

