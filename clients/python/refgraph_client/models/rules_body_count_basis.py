from enum import StrEnum

class RulesBodyCountBasis(StrEnum):
    ALL = "all"
    MERCHANTS = "merchants"

    def __str__(self) -> str:
        return str(self.value)
