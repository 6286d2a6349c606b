from enum import StrEnum

class ConfirmationStatus(StrEnum):
    FAILED = "failed"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
