from enum import StrEnum

class StatementRowKind(StrEnum):
    FEE = "fee"
    FINANCING = "financing"
    PAYOUT = "payout"

    def __str__(self) -> str:
        return str(self.value)
