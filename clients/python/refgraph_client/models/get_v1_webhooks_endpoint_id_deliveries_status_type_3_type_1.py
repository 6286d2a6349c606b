from enum import StrEnum

class GetV1WebhooksEndpointIdDeliveriesStatusType3Type1(StrEnum):
    DELIVERED = "delivered"
    FAILED = "failed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
