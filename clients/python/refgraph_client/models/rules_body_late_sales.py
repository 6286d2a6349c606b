from enum import StrEnum

class RulesBodyLateSales(StrEnum):
    CARRY = "carry"
    REFUSE = "refuse"

    def __str__(self) -> str:
        return str(self.value)
