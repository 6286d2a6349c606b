from enum import StrEnum

class RegisterRolesItem(StrEnum):
    BUYER = "buyer"
    MERCHANT = "merchant"

    def __str__(self) -> str:
        return str(self.value)
