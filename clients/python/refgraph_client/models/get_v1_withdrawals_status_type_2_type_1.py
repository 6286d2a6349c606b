from enum import StrEnum

class GetV1WithdrawalsStatusType2Type1(StrEnum):
    APPROVED = "approved"
    BATCHED = "batched"
    FAILED = "failed"
    PAID = "paid"
    REJECTED = "rejected"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
