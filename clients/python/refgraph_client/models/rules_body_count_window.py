from enum import StrEnum

class RulesBodyCountWindow(StrEnum):
    ALL_TIME = "all_time"
    PERIOD = "period"

    def __str__(self) -> str:
        return str(self.value)
