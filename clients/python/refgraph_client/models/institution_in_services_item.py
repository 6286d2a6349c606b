from enum import StrEnum

class InstitutionInServicesItem(StrEnum):
    CONSUMER_CREDIT = "consumer_credit"
    PAYOUTS = "payouts"

    def __str__(self) -> str:
        return str(self.value)
