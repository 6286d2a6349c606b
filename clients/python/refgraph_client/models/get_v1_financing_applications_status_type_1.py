from enum import StrEnum

class GetV1FinancingApplicationsStatusType1(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DISBURSED = "disbursed"

    def __str__(self) -> str:
        return str(self.value)
