from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Run")



@_attrs_define
class Run:
    """ 
        Attributes:
            period (str | Unset):
            status (str | Unset): running, completed, failed
            rules_version (int | Unset):
            attempts (int | Unset):
            started_at (int | None | Unset):
            finished_at (int | None | Unset):
            duration_ms (int | None | Unset):
            lines (int | Unset):
            referrers (int | Unset):
            rewards (int | Unset):
            clawbacks (int | Unset):
            error (None | str | Unset):
     """

    period: str | Unset = UNSET
    status: str | Unset = UNSET
    rules_version: int | Unset = UNSET
    attempts: int | Unset = UNSET
    started_at: int | None | Unset = UNSET
    finished_at: int | None | Unset = UNSET
    duration_ms: int | None | Unset = UNSET
    lines: int | Unset = UNSET
    referrers: int | Unset = UNSET
    rewards: int | Unset = UNSET
    clawbacks: int | Unset = UNSET
    error: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        period = self.period

        status = self.status

        rules_version = self.rules_version

        attempts = self.attempts

        started_at: int | None | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        else:
            started_at = self.started_at

        finished_at: int | None | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        else:
            finished_at = self.finished_at

        duration_ms: int | None | Unset
        if isinstance(self.duration_ms, Unset):
            duration_ms = UNSET
        else:
            duration_ms = self.duration_ms

        lines = self.lines

        referrers = self.referrers

        rewards = self.rewards

        clawbacks = self.clawbacks

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if period is not UNSET:
            field_dict["period"] = period
        if status is not UNSET:
            field_dict["status"] = status
        if rules_version is not UNSET:
            field_dict["rules_version"] = rules_version
        if attempts is not UNSET:
            field_dict["attempts"] = attempts
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms
        if lines is not UNSET:
            field_dict["lines"] = lines
        if referrers is not UNSET:
            field_dict["referrers"] = referrers
        if rewards is not UNSET:
            field_dict["rewards"] = rewards
        if clawbacks is not UNSET:
            field_dict["clawbacks"] = clawbacks
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period", UNSET)

        status = d.pop("status", UNSET)

        rules_version = d.pop("rules_version", UNSET)

        attempts = d.pop("attempts", UNSET)

        def _parse_started_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))


        def _parse_finished_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))


        def _parse_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_ms = _parse_duration_ms(d.pop("duration_ms", UNSET))


        lines = d.pop("lines", UNSET)

        referrers = d.pop("referrers", UNSET)

        rewards = d.pop("rewards", UNSET)

        clawbacks = d.pop("clawbacks", UNSET)

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        run = cls(
            period=period,
            status=status,
            rules_version=rules_version,
            attempts=attempts,
            started_at=started_at,
            finished_at=finished_at,
            duration_ms=duration_ms,
            lines=lines,
            referrers=referrers,
            rewards=rewards,
            clawbacks=clawbacks,
            error=error,
        )

        return run

