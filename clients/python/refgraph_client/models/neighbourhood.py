from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.edge import Edge
  from ..models.node import Node





T = TypeVar("T", bound="Neighbourhood")



@_attrs_define
class Neighbourhood:
    """ 
        Attributes:
            center (str | Unset):
            size_by (str | Unset):
            nodes (list[Node] | Unset):
            edges (list[Edge] | Unset):
            truncated (bool | Unset): more users below than limit
     """

    center: str | Unset = UNSET
    size_by: str | Unset = UNSET
    nodes: list[Node] | Unset = UNSET
    edges: list[Edge] | Unset = UNSET
    truncated: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.edge import Edge # noqa: PLC0415
        from ..models.node import Node # noqa: PLC0415
        center = self.center

        size_by = self.size_by

        nodes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.nodes, Unset):
            nodes = []
            for nodes_item_data in self.nodes:
                nodes_item = nodes_item_data.to_dict()
                nodes.append(nodes_item)



        edges: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.edges, Unset):
            edges = []
            for edges_item_data in self.edges:
                edges_item = edges_item_data.to_dict()
                edges.append(edges_item)



        truncated = self.truncated


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if center is not UNSET:
            field_dict["center"] = center
        if size_by is not UNSET:
            field_dict["size_by"] = size_by
        if nodes is not UNSET:
            field_dict["nodes"] = nodes
        if edges is not UNSET:
            field_dict["edges"] = edges
        if truncated is not UNSET:
            field_dict["truncated"] = truncated

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edge import Edge # noqa: PLC0415
        from ..models.node import Node # noqa: PLC0415
        d = dict(src_dict)
        center = d.pop("center", UNSET)

        size_by = d.pop("size_by", UNSET)

        _nodes = d.pop("nodes", UNSET)
        nodes: list[Node] | Unset = UNSET
        if _nodes is not UNSET:
            nodes = []
            for nodes_item_data in _nodes:
                nodes_item = Node.from_dict(nodes_item_data)



                nodes.append(nodes_item)


        _edges = d.pop("edges", UNSET)
        edges: list[Edge] | Unset = UNSET
        if _edges is not UNSET:
            edges = []
            for edges_item_data in _edges:
                edges_item = Edge.from_dict(edges_item_data)



                edges.append(edges_item)


        truncated = d.pop("truncated", UNSET)

        neighbourhood = cls(
            center=center,
            size_by=size_by,
            nodes=nodes,
            edges=edges,
            truncated=truncated,
        )

        return neighbourhood

