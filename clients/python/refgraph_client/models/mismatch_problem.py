from enum import StrEnum

class MismatchProblem(StrEnum):
    AMOUNT = "amount"
    MISSING_OURS = "missing_ours"
    MISSING_THEIRS = "missing_theirs"
    STATUS = "status"

    def __str__(self) -> str:
        return str(self.value)
