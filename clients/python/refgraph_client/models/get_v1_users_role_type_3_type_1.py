from enum import StrEnum

class GetV1UsersRoleType3Type1(StrEnum):
    BUYER = "buyer"
    CARDHOLDER = "cardholder"
    MERCHANT = "merchant"

    def __str__(self) -> str:
        return str(self.value)
