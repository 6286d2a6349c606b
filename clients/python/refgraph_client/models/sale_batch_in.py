from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.sale_batch_item import SaleBatchItem





T = TypeVar("T", bound="SaleBatchIn")



@_attrs_define
class SaleBatchIn:
    """ 
        Attributes:
            sales (list[SaleBatchItem]):
     """

    sales: list[SaleBatchItem]





    def to_dict(self) -> dict[str, Any]:
        from ..models.sale_batch_item import SaleBatchItem # noqa: PLC0415
        sales = []
        for sales_item_data in self.sales:
            sales_item = sales_item_data.to_dict()
            sales.append(sales_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "sales": sales,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sale_batch_item import SaleBatchItem # noqa: PLC0415
        d = dict(src_dict)
        sales = []
        _sales = d.pop("sales")
        for sales_item_data in (_sales):
            sales_item = SaleBatchItem.from_dict(sales_item_data)



            sales.append(sales_item)


        sale_batch_in = cls(
            sales=sales,
        )

        return sale_batch_in

