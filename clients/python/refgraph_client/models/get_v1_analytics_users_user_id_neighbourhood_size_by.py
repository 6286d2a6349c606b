from enum import StrEnum

class GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy(StrEnum):
    DOWNLINE = "downline"
    FEES = "fees"

    def __str__(self) -> str:
        return str(self.value)
