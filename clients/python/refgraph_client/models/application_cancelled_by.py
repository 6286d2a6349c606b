from enum import StrEnum

class ApplicationCancelledBy(StrEnum):
    INSTITUTION = "institution"
    LAPSE = "lapse"
    OPERATOR = "operator"

    def __str__(self) -> str:
        return str(self.value)
