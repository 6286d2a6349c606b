from enum import StrEnum

class FinancingDecisionStatus(StrEnum):
    APPROVED = "approved"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DISBURSED = "disbursed"

    def __str__(self) -> str:
        return str(self.value)
