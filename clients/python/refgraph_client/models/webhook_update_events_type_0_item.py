from enum import StrEnum

class WebhookUpdateEventsType0Item(StrEnum):
    CARD_PURCHASED = "card.purchased"
    CLAWBACK_CREATED = "clawback.created"
    REFUND_RECORDED = "refund.recorded"
    REWARD_CREDITED = "reward.credited"
    REWARD_RELEASED = "reward.released"
    REWARD_RUN_COMPLETED = "reward_run.completed"
    SALE_RECORDED = "sale.recorded"
    SIGNAL_RAISED = "signal.raised"
    USER_REGISTERED = "user.registered"
    USER_STATUS_CHANGED = "user.status_changed"
    VALUE_0 = "*"
    VOUCHER_EXPIRING = "voucher.expiring"
    WITHDRAWAL_APPROVED = "withdrawal.approved"
    WITHDRAWAL_FAILED = "withdrawal.failed"
    WITHDRAWAL_PAID = "withdrawal.paid"
    WITHDRAWAL_REJECTED = "withdrawal.rejected"
    WITHDRAWAL_REQUESTED = "withdrawal.requested"

    def __str__(self) -> str:
        return str(self.value)
