from enum import StrEnum

class ApplicationStatus(StrEnum):
    APPLIED = "applied"
    APPROVED = "approved"
    CANCELLED = "cancelled"
    DECLINED = "declined"
    DISBURSED = "disbursed"

    def __str__(self) -> str:
        return str(self.value)
