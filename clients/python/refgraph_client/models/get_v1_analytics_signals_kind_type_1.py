from enum import StrEnum

class GetV1AnalyticsSignalsKindType1(StrEnum):
    DORMANT_CHAIN = "dormant_chain"
    REFERRAL_BURST = "referral_burst"
    SELF_DEALING = "self_dealing"
    SHARED_FINGERPRINT = "shared_fingerprint"

    def __str__(self) -> str:
        return str(self.value)
