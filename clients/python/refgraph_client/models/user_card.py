from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.balances import Balances
  from ..models.level_count import LevelCount
  from ..models.signal import Signal
  from ..models.user import User





T = TypeVar("T", bound="UserCard")



@_attrs_define
class UserCard:
    """ 
        Attributes:
            user (User | Unset):
            balances (Balances | Unset):
            direct (int | Unset):
            total_downline (int | Unset): down to 10 levels
            levels (list[LevelCount] | Unset):
            merchant_fees (int | Unset): net fees of the merchants they referred, minor units
            rewards (int | Unset): all reward lines, clawbacks included
            signals (list[Signal] | Unset):
     """

    user: User | Unset = UNSET
    balances: Balances | Unset = UNSET
    direct: int | Unset = UNSET
    total_downline: int | Unset = UNSET
    levels: list[LevelCount] | Unset = UNSET
    merchant_fees: int | Unset = UNSET
    rewards: int | Unset = UNSET
    signals: list[Signal] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.balances import Balances # noqa: PLC0415
        from ..models.level_count import LevelCount # noqa: PLC0415
        from ..models.signal import Signal # noqa: PLC0415
        from ..models.user import User # noqa: PLC0415
        user: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user, Unset):
            user = self.user.to_dict()

        balances: dict[str, Any] | Unset = UNSET
        if not isinstance(self.balances, Unset):
            balances = self.balances.to_dict()

        direct = self.direct

        total_downline = self.total_downline

        levels: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.levels, Unset):
            levels = []
            for levels_item_data in self.levels:
                levels_item = levels_item_data.to_dict()
                levels.append(levels_item)



        merchant_fees = self.merchant_fees

        rewards = self.rewards

        signals: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.signals, Unset):
            signals = []
            for signals_item_data in self.signals:
                signals_item = signals_item_data.to_dict()
                signals.append(signals_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if user is not UNSET:
            field_dict["user"] = user
        if balances is not UNSET:
            field_dict["balances"] = balances
        if direct is not UNSET:
            field_dict["direct"] = direct
        if total_downline is not UNSET:
            field_dict["total_downline"] = total_downline
        if levels is not UNSET:
            field_dict["levels"] = levels
        if merchant_fees is not UNSET:
            field_dict["merchant_fees"] = merchant_fees
        if rewards is not UNSET:
            field_dict["rewards"] = rewards
        if signals is not UNSET:
            field_dict["signals"] = signals

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balances import Balances # noqa: PLC0415
        from ..models.level_count import LevelCount # noqa: PLC0415
        from ..models.signal import Signal # noqa: PLC0415
        from ..models.user import User # noqa: PLC0415
        d = dict(src_dict)
        _user = d.pop("user", UNSET)
        user: User | Unset
        if isinstance(_user,  Unset):
            user = UNSET
        else:
            user = User.from_dict(_user)




        _balances = d.pop("balances", UNSET)
        balances: Balances | Unset
        if isinstance(_balances,  Unset):
            balances = UNSET
        else:
            balances = Balances.from_dict(_balances)




        direct = d.pop("direct", UNSET)

        total_downline = d.pop("total_downline", UNSET)

        _levels = d.pop("levels", UNSET)
        levels: list[LevelCount] | Unset = UNSET
        if _levels is not UNSET:
            levels = []
            for levels_item_data in _levels:
                levels_item = LevelCount.from_dict(levels_item_data)



                levels.append(levels_item)


        merchant_fees = d.pop("merchant_fees", UNSET)

        rewards = d.pop("rewards", UNSET)

        _signals = d.pop("signals", UNSET)
        signals: list[Signal] | Unset = UNSET
        if _signals is not UNSET:
            signals = []
            for signals_item_data in _signals:
                signals_item = Signal.from_dict(signals_item_data)



                signals.append(signals_item)


        user_card = cls(
            user=user,
            balances=balances,
            direct=direct,
            total_downline=total_downline,
            levels=levels,
            merchant_fees=merchant_fees,
            rewards=rewards,
            signals=signals,
        )

        return user_card

