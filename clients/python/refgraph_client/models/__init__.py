""" Contains all the data models used in inputs/outputs """

from .actor import Actor
from .application import Application
from .application_cancelled_by import ApplicationCancelledBy
from .application_page import ApplicationPage
from .application_status import ApplicationStatus
from .audit_event import AuditEvent
from .audit_event_page import AuditEventPage
from .balances import Balances
from .batch import Batch
from .batch_in import BatchIn
from .batch_withdrawals_item import BatchWithdrawalsItem
from .cancel_in import CancelIn
from .card import Card
from .card_list import CardList
from .card_purchase import CardPurchase
from .card_source import CardSource
from .check import Check
from .community import Community
from .confirmation import Confirmation
from .confirmation_status import ConfirmationStatus
from .decision import Decision
from .delivery import Delivery
from .delivery_counts import DeliveryCounts
from .delivery_page import DeliveryPage
from .depth_count_row import DepthCountRow
from .downline import Downline
from .downline_user import DownlineUser
from .edge import Edge
from .entry import Entry
from .entry_page import EntryPage
from .error import Error
from .error_errors import ErrorErrors
from .financing_decision import FinancingDecision
from .financing_decision_status import FinancingDecisionStatus
from .financing_in import FinancingIn
from .fingerprints import Fingerprints
from .get_v1_analytics_signals_kind_type_1 import GetV1AnalyticsSignalsKindType1
from .get_v1_analytics_signals_kind_type_2_type_1 import GetV1AnalyticsSignalsKindType2Type1
from .get_v1_analytics_signals_kind_type_3_type_1 import GetV1AnalyticsSignalsKindType3Type1
from .get_v1_analytics_users_user_id_neighbourhood_size_by import GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy
from .get_v1_audit_action_type_1 import GetV1AuditActionType1
from .get_v1_audit_action_type_2_type_1 import GetV1AuditActionType2Type1
from .get_v1_audit_action_type_3_type_1 import GetV1AuditActionType3Type1
from .get_v1_financing_applications_status_type_1 import GetV1FinancingApplicationsStatusType1
from .get_v1_financing_applications_status_type_2_type_1 import GetV1FinancingApplicationsStatusType2Type1
from .get_v1_financing_applications_status_type_3_type_1 import GetV1FinancingApplicationsStatusType3Type1
from .get_v1_users_role_type_1 import GetV1UsersRoleType1
from .get_v1_users_role_type_2_type_1 import GetV1UsersRoleType2Type1
from .get_v1_users_role_type_3_type_1 import GetV1UsersRoleType3Type1
from .get_v1_users_status_type_1 import GetV1UsersStatusType1
from .get_v1_users_status_type_2_type_1 import GetV1UsersStatusType2Type1
from .get_v1_users_status_type_3_type_1 import GetV1UsersStatusType3Type1
from .get_v1_webhooks_endpoint_id_deliveries_status_type_1 import GetV1WebhooksEndpointIdDeliveriesStatusType1
from .get_v1_webhooks_endpoint_id_deliveries_status_type_2_type_1 import GetV1WebhooksEndpointIdDeliveriesStatusType2Type1
from .get_v1_webhooks_endpoint_id_deliveries_status_type_3_type_1 import GetV1WebhooksEndpointIdDeliveriesStatusType3Type1
from .get_v1_withdrawals_status_type_1 import GetV1WithdrawalsStatusType1
from .get_v1_withdrawals_status_type_2_type_1 import GetV1WithdrawalsStatusType2Type1
from .get_v1_withdrawals_status_type_3_type_1 import GetV1WithdrawalsStatusType3Type1
from .health import Health
from .institution import Institution
from .institution_in import InstitutionIn
from .institution_in_services_item import InstitutionInServicesItem
from .institution_page import InstitutionPage
from .institution_patch import InstitutionPatch
from .institution_patch_services_item import InstitutionPatchServicesItem
from .institution_patch_status import InstitutionPatchStatus
from .institution_secret import InstitutionSecret
from .level import Level
from .level_count import LevelCount
from .line import Line
from .line_page import LinePage
from .merchant_part import MerchantPart
from .mismatch import Mismatch
from .mismatch_problem import MismatchProblem
from .neighbourhood import Neighbourhood
from .network_summary import NetworkSummary
from .network_summary_by_role import NetworkSummaryByRole
from .network_summary_by_status import NetworkSummaryByStatus
from .node import Node
from .pagination_metadata import PaginationMetadata
from .period_fees_refunded_fees_net_row import PeriodFeesRefundedFeesNetRow
from .period_tier_lines_amount_row import PeriodTierLinesAmountRow
from .period_users_merchants_cardholders_row import PeriodUsersMerchantsCardholdersRow
from .preview import Preview
from .preview_difference import PreviewDifference
from .preview_in import PreviewIn
from .preview_in_rules_type_1_type_0 import PreviewInRulesType1Type0
from .ranked import Ranked
from .reconciliation import Reconciliation
from .reconciliation_in import ReconciliationIn
from .reconciliation_summary import ReconciliationSummary
from .reconciliation_summary_page import ReconciliationSummaryPage
from .redemption import Redemption
from .redemption_in import RedemptionIn
from .referrals_referrers_row import ReferralsReferrersRow
from .referrer import Referrer
from .referrer_result import ReferrerResult
from .refund import Refund
from .refund_in import RefundIn
from .refund_list import RefundList
from .register import Register
from .register_batch import RegisterBatch
from .register_batch_in import RegisterBatchIn
from .register_batch_result import RegisterBatchResult
from .register_batch_result_user_type_0_type_0 import RegisterBatchResultUserType0Type0
from .register_roles_item import RegisterRolesItem
from .resolution_in import ResolutionIn
from .rotation_in import RotationIn
from .rule_change import RuleChange
from .rule_history import RuleHistory
from .rule_version import RuleVersion
from .rules_body import RulesBody
from .rules_body_count_basis import RulesBodyCountBasis
from .rules_body_count_window import RulesBodyCountWindow
from .rules_body_late_sales import RulesBodyLateSales
from .rules_body_period import RulesBodyPeriod
from .rules_body_referrers_item import RulesBodyReferrersItem
from .run import Run
from .run_page import RunPage
from .sale import Sale
from .sale_batch import SaleBatch
from .sale_batch_in import SaleBatchIn
from .sale_batch_item import SaleBatchItem
from .sale_batch_result import SaleBatchResult
from .sale_in import SaleIn
from .sale_in_financing_type_1_type_0 import SaleInFinancingType1Type0
from .sale_page import SalePage
from .search_hit import SearchHit
from .search_result import SearchResult
from .signal import Signal
from .signal_counts import SignalCounts
from .signal_counts_by_kind import SignalCountsByKind
from .signal_evidence import SignalEvidence
from .signal_page import SignalPage
from .statement import Statement
from .statement_row import StatementRow
from .statement_row_kind import StatementRowKind
from .status import Status
from .status_result import StatusResult
from .status_status import StatusStatus
from .subject import Subject
from .summary import Summary
from .tier import Tier
from .tier_total import TierTotal
from .top_referrers import TopReferrers
from .upline import Upline
from .upline_entry import UplineEntry
from .user import User
from .user_card import UserCard
from .user_page import UserPage
from .voucher import Voucher
from .voucher_issue import VoucherIssue
from .voucher_page import VoucherPage
from .voucher_paid import VoucherPaid
from .voucher_use import VoucherUse
from .webhook import Webhook
from .webhook_in import WebhookIn
from .webhook_in_events_item import WebhookInEventsItem
from .webhook_page import WebhookPage
from .webhook_test_in import WebhookTestIn
from .webhook_update import WebhookUpdate
from .webhook_update_events_type_0_item import WebhookUpdateEventsType0Item
from .withdrawal import Withdrawal
from .withdrawal_in import WithdrawalIn
from .withdrawal_page import WithdrawalPage

__all__ = (
    "Actor",
    "Application",
    "ApplicationCancelledBy",
    "ApplicationPage",
    "ApplicationStatus",
    "AuditEvent",
    "AuditEventPage",
    "Balances",
    "Batch",
    "BatchIn",
    "BatchWithdrawalsItem",
    "CancelIn",
    "Card",
    "CardList",
    "CardPurchase",
    "CardSource",
    "Check",
    "Community",
    "Confirmation",
    "ConfirmationStatus",
    "Decision",
    "Delivery",
    "DeliveryCounts",
    "DeliveryPage",
    "DepthCountRow",
    "Downline",
    "DownlineUser",
    "Edge",
    "Entry",
    "EntryPage",
    "Error",
    "ErrorErrors",
    "FinancingDecision",
    "FinancingDecisionStatus",
    "FinancingIn",
    "Fingerprints",
    "GetV1AnalyticsSignalsKindType1",
    "GetV1AnalyticsSignalsKindType2Type1",
    "GetV1AnalyticsSignalsKindType3Type1",
    "GetV1AnalyticsUsersUserIdNeighbourhoodSizeBy",
    "GetV1AuditActionType1",
    "GetV1AuditActionType2Type1",
    "GetV1AuditActionType3Type1",
    "GetV1FinancingApplicationsStatusType1",
    "GetV1FinancingApplicationsStatusType2Type1",
    "GetV1FinancingApplicationsStatusType3Type1",
    "GetV1UsersRoleType1",
    "GetV1UsersRoleType2Type1",
    "GetV1UsersRoleType3Type1",
    "GetV1UsersStatusType1",
    "GetV1UsersStatusType2Type1",
    "GetV1UsersStatusType3Type1",
    "GetV1WebhooksEndpointIdDeliveriesStatusType1",
    "GetV1WebhooksEndpointIdDeliveriesStatusType2Type1",
    "GetV1WebhooksEndpointIdDeliveriesStatusType3Type1",
    "GetV1WithdrawalsStatusType1",
    "GetV1WithdrawalsStatusType2Type1",
    "GetV1WithdrawalsStatusType3Type1",
    "Health",
    "Institution",
    "InstitutionIn",
    "InstitutionInServicesItem",
    "InstitutionPage",
    "InstitutionPatch",
    "InstitutionPatchServicesItem",
    "InstitutionPatchStatus",
    "InstitutionSecret",
    "Level",
    "LevelCount",
    "Line",
    "LinePage",
    "MerchantPart",
    "Mismatch",
    "MismatchProblem",
    "Neighbourhood",
    "NetworkSummary",
    "NetworkSummaryByRole",
    "NetworkSummaryByStatus",
    "Node",
    "PaginationMetadata",
    "PeriodFeesRefundedFeesNetRow",
    "PeriodTierLinesAmountRow",
    "PeriodUsersMerchantsCardholdersRow",
    "Preview",
    "PreviewDifference",
    "PreviewIn",
    "PreviewInRulesType1Type0",
    "Ranked",
    "Reconciliation",
    "ReconciliationIn",
    "ReconciliationSummary",
    "ReconciliationSummaryPage",
    "Redemption",
    "RedemptionIn",
    "ReferralsReferrersRow",
    "Referrer",
    "ReferrerResult",
    "Refund",
    "RefundIn",
    "RefundList",
    "Register",
    "RegisterBatch",
    "RegisterBatchIn",
    "RegisterBatchResult",
    "RegisterBatchResultUserType0Type0",
    "RegisterRolesItem",
    "ResolutionIn",
    "RotationIn",
    "RuleChange",
    "RuleHistory",
    "RulesBody",
    "RulesBodyCountBasis",
    "RulesBodyCountWindow",
    "RulesBodyLateSales",
    "RulesBodyPeriod",
    "RulesBodyReferrersItem",
    "RuleVersion",
    "Run",
    "RunPage",
    "Sale",
    "SaleBatch",
    "SaleBatchIn",
    "SaleBatchItem",
    "SaleBatchResult",
    "SaleIn",
    "SaleInFinancingType1Type0",
    "SalePage",
    "SearchHit",
    "SearchResult",
    "Signal",
    "SignalCounts",
    "SignalCountsByKind",
    "SignalEvidence",
    "SignalPage",
    "Statement",
    "StatementRow",
    "StatementRowKind",
    "Status",
    "StatusResult",
    "StatusStatus",
    "Subject",
    "Summary",
    "Tier",
    "TierTotal",
    "TopReferrers",
    "Upline",
    "UplineEntry",
    "User",
    "UserCard",
    "UserPage",
    "Voucher",
    "VoucherIssue",
    "VoucherPage",
    "VoucherPaid",
    "VoucherUse",
    "Webhook",
    "WebhookIn",
    "WebhookInEventsItem",
    "WebhookPage",
    "WebhookTestIn",
    "WebhookUpdate",
    "WebhookUpdateEventsType0Item",
    "Withdrawal",
    "WithdrawalIn",
    "WithdrawalPage",
)
