from enum import StrEnum

class GetV1AuditActionType1(StrEnum):
    API_KEY_CREATED = "api_key.created"
    API_KEY_REVOKED = "api_key.revoked"
    PAYOUT_BATCH_CREATED = "payout_batch.created"
    REWARD_RUN_COMPLETED = "reward_run.completed"
    RULES_CHANGED = "rules.changed"
    USER_CLOSED = "user.closed"
    USER_REACTIVATED = "user.reactivated"
    USER_REFERRER_ATTACHED = "user.referrer_attached"
    USER_SUSPENDED = "user.suspended"
    VOUCHER_ISSUED = "voucher.issued"
    VOUCHER_REVOKED = "voucher.revoked"
    WEBHOOK_CREATED = "webhook.created"
    WEBHOOK_DELETED = "webhook.deleted"
    WEBHOOK_DELIVERY_RETRIED = "webhook.delivery_retried"
    WEBHOOK_SECRET_ROTATED = "webhook.secret_rotated"
    WEBHOOK_TESTED = "webhook.tested"
    WEBHOOK_UPDATED = "webhook.updated"
    WITHDRAWAL_APPROVED = "withdrawal.approved"
    WITHDRAWAL_FAILED = "withdrawal.failed"
    WITHDRAWAL_PAID = "withdrawal.paid"
    WITHDRAWAL_REJECTED = "withdrawal.rejected"

    def __str__(self) -> str:
        return str(self.value)
