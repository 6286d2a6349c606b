from enum import StrEnum

class RulesBodyReferrersItem(StrEnum):
    BUYER = "buyer"
    CARDHOLDER = "cardholder"
    MERCHANT = "merchant"

    def __str__(self) -> str:
        return str(self.value)
