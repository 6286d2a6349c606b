from enum import StrEnum

class CardSource(StrEnum):
    IMPORT = "import"
    SALE = "sale"

    def __str__(self) -> str:
        return str(self.value)
