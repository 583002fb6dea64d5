"""The practice state machine of DOMAIN.md ("Practice states"), as a pure module (no I/O).

`next_status` is the one place where the rules live: every rule is a row of `_RULES`, and
`available_actions` is derived by asking `next_status`, so there is no second table.
Side effects on meetings are returned as data (`meeting_effect`), never performed here.

Refusal codes are checked in this order, so a refusal names the most basic reason:
1. `NOT_ALLOWED_FROM_STATUS`: the action does not leave the current status (for this service;
   a status that does not exist for the service, e.g. REGISTERED without protocol, has no exits);
2. `NOT_ALLOWED_FOR_ACTOR`: the action leaves the status, but not when this actor does it;
3. `DISABLED_FOR_SERVICE`: the service's switches (or an existing payment) forbid it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from enum import Enum, StrEnum


class PracticeStatus(Enum):
    """A practice's status; the value is SDC's numeric status code."""

    DRAFT = 1000
    PAYMENT_PENDING = 1500
    PAYMENT_OUTCOME_PENDING = 1510
    PAYMENT_SUCCESS = 1520
    PAYMENT_ERROR = 1530
    PRE_SUBMIT = 1900
    SUBMITTED = 2000
    REGISTERED = 3000
    PENDING = 4000
    REQUEST_INTEGRATION = 4100
    DRAFT_FOR_INTEGRATION = 4200
    SUBMITTED_AFTER_INTEGRATION = 4300
    REGISTERED_AFTER_INTEGRATION = 4400
    PENDING_AFTER_INTEGRATION = 4500
    COMPLETE_WAITING_OUTCOME_REGISTRATION = 6000
    COMPLETE = 7000
    CANCELLED_WAITING_OUTCOME_REGISTRATION = 8000
    CANCELLED = 9000
    WITHDRAWN = 20000
    REVOKED = 50000

    @property
    def code(self) -> int:
        """SDC's numeric code (`statusCode` in the API)."""
        return int(self.value)


class Action(StrEnum):
    """What an actor does to a practice."""

    SUBMIT = "SUBMIT"
    PAY_START = "PAY_START"
    PAY_OUTCOME_PENDING = "PAY_OUTCOME_PENDING"
    PAY_SUCCESS = "PAY_SUCCESS"
    PAY_ERROR = "PAY_ERROR"
    ACQUIRE = "ACQUIRE"
    REGISTER = "REGISTER"
    TAKE_IN_CHARGE = "TAKE_IN_CHARGE"
    REASSIGN = "REASSIGN"
    REQUEST_INTEGRATION = "REQUEST_INTEGRATION"
    START_INTEGRATION_ANSWER = "START_INTEGRATION_ANSWER"
    ANSWER_INTEGRATION = "ANSWER_INTEGRATION"
    REGISTER_INTEGRATION = "REGISTER_INTEGRATION"
    RESUME = "RESUME"
    ASK_DEFERRED_PAYMENT = "ASK_DEFERRED_PAYMENT"
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"
    REGISTER_OUTCOME = "REGISTER_OUTCOME"
    WITHDRAW = "WITHDRAW"
    REOPEN = "REOPEN"
    REVOKE = "REVOKE"


class Actor(StrEnum):
    """Who acts: the applicant, municipal staff, the tenant's administrator, the platform."""

    CITIZEN = "CITIZEN"
    OPERATOR = "OPERATOR"
    TENANT_ADMIN = "TENANT_ADMIN"
    SYSTEM = "SYSTEM"


class RefusalCode(StrEnum):
    NOT_ALLOWED_FROM_STATUS = "NOT_ALLOWED_FROM_STATUS"
    NOT_ALLOWED_FOR_ACTOR = "NOT_ALLOWED_FOR_ACTOR"
    DISABLED_FOR_SERVICE = "DISABLED_FOR_SERVICE"


class MeetingEffect(StrEnum):
    """What entering a status does to the practice's meetings (performed by the caller)."""

    CANCEL = "CANCEL"  # future meetings are cancelled
    REFUSE = "REFUSE"  # meetings are refused
    APPROVE = "APPROVE"  # pending meetings are approved
    EXTEND_HOLD_5_DAYS = "EXTEND_HOLD_5_DAYS"  # the meeting's hold is extended


MEETING_HOLD_EXTENSION = timedelta(days=5)


@dataclass(frozen=True)
class ServiceSwitches:
    """The service's switches (and the practice's payment) that change the machine."""

    protocol_required: bool = False
    allow_withdraw: bool = False
    allow_reopening: bool = False
    allow_integration_request: bool = False
    payment_before_submission: bool = False
    has_payment: bool = False  # a payment exists for this practice


class TransitionRefused(Exception):
    def __init__(self, code: RefusalCode, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


_S = PracticeStatus

FINAL_STATUSES: frozenset[PracticeStatus] = frozenset(
    {_S.COMPLETE, _S.CANCELLED, _S.WITHDRAWN, _S.REVOKED}
)

PROTOCOL_ONLY_STATUSES: frozenset[PracticeStatus] = frozenset(
    {
        _S.REGISTERED,
        _S.REGISTERED_AFTER_INTEGRATION,
        _S.COMPLETE_WAITING_OUTCOME_REGISTRATION,
        _S.CANCELLED_WAITING_OUTCOME_REGISTRATION,
    }
)


def is_final(status: PracticeStatus) -> bool:
    return status in FINAL_STATUSES


def status_exists(status: PracticeStatus, switches: ServiceSwitches) -> bool:
    """Whether a practice of this service can ever be in `status`."""
    return switches.protocol_required or status not in PROTOCOL_ONLY_STATUSES


# --- the rules -------------------------------------------------------------------------------

_Target = Callable[[PracticeStatus, Actor, ServiceSwitches], PracticeStatus]
_Condition = Callable[[ServiceSwitches], bool]


def _always(_: ServiceSwitches) -> bool:
    return True


def _with_protocol(sw: ServiceSwitches) -> bool:
    return sw.protocol_required


def _without_protocol(sw: ServiceSwitches) -> bool:
    return not sw.protocol_required


def _to(status: PracticeStatus) -> _Target:
    return lambda _current, _actor, _sw: status


def _same(current: PracticeStatus, _actor: Actor, _sw: ServiceSwitches) -> PracticeStatus:
    return current


def _accepted(_current: PracticeStatus, _actor: Actor, sw: ServiceSwitches) -> PracticeStatus:
    return _S.COMPLETE_WAITING_OUTCOME_REGISTRATION if sw.protocol_required else _S.COMPLETE


def _rejected(_current: PracticeStatus, _actor: Actor, sw: ServiceSwitches) -> PracticeStatus:
    return _S.CANCELLED_WAITING_OUTCOME_REGISTRATION if sw.protocol_required else _S.CANCELLED


def _submitted(_current: PracticeStatus, _actor: Actor, sw: ServiceSwitches) -> PracticeStatus:
    return _S.PAYMENT_PENDING if sw.payment_before_submission else _S.PRE_SUBMIT


def _resumed(_current: PracticeStatus, actor: Actor, _sw: ServiceSwitches) -> PracticeStatus:
    # Interpretation: DOMAIN.md lets the integration answer go to PENDING_AFTER_INTEGRATION
    # or to PENDING. The platform handing the answer back (SYSTEM) gives
    # PENDING_AFTER_INTEGRATION; an operator resuming the work himself gives PENDING.
    return _S.PENDING_AFTER_INTEGRATION if actor is Actor.SYSTEM else _S.PENDING


@dataclass(frozen=True)
class _Rule:
    action: Action
    sources: frozenset[PracticeStatus]
    actors: frozenset[Actor]
    target: _Target
    # False: the rule does not exist for this service (-> NOT_ALLOWED_FROM_STATUS)
    applies: _Condition = _always
    # a message: the service forbids it (-> DISABLED_FOR_SERVICE)
    disabled: Callable[[ServiceSwitches], str | None] = lambda _sw: None


def _rule(
    action: Action,
    sources: set[PracticeStatus],
    actors: set[Actor],
    target: _Target,
    applies: _Condition = _always,
    disabled: Callable[[ServiceSwitches], str | None] = lambda _sw: None,
) -> _Rule:
    return _Rule(action, frozenset(sources), frozenset(actors), target, applies, disabled)


_CITIZEN = {Actor.CITIZEN}
_OPERATOR = {Actor.OPERATOR}
_SYSTEM = {Actor.SYSTEM}
_WORKED = {_S.PENDING, _S.PENDING_AFTER_INTEGRATION}  # "PENDING_AFTER_INTEGRATION → the same exits"

_WITHDRAWABLE = {
    _S.PRE_SUBMIT,
    _S.SUBMITTED,
    _S.REGISTERED,
    _S.PENDING,
    _S.REQUEST_INTEGRATION,
    _S.DRAFT_FOR_INTEGRATION,
    _S.REGISTERED_AFTER_INTEGRATION,
}

# "Any non-draft state" for REVOKE, as DOMAIN.md says: final ones included, since revoking
# is how a municipality annuls an act it already granted (COMPLETE). DRAFT was never sent;
# REVOKED is already revoked. DRAFT_FOR_INTEGRATION is a sent practice awaiting an answer.
_REVOCABLE = set(PracticeStatus) - {_S.DRAFT, _S.REVOKED}


def _withdraw_disabled(sw: ServiceSwitches) -> str | None:
    if not sw.allow_withdraw:
        return "the service does not allow withdrawing"
    if sw.has_payment:
        return "a practice with a payment cannot be withdrawn"
    return None


def _deferred_payment_disabled(sw: ServiceSwitches) -> str | None:
    # Interpretation: a service paid before submission has no deferred payment; this keeps
    # the exit of PAYMENT_SUCCESS unambiguous (PRE_SUBMIT before submission, else COMPLETE*).
    if sw.payment_before_submission:
        return "the service is paid before submission"
    return None


_RULES: tuple[_Rule, ...] = (
    # DRAFT → PRE_SUBMIT, or → PAYMENT_PENDING when paid before submission.
    _rule(Action.SUBMIT, {_S.DRAFT}, _CITIZEN, _submitted),
    # Interpretation: PAY_START is the citizen going to the payment page (the payment becomes
    # PAYMENT_STARTED); DOMAIN.md has no practice status for it, so the practice stays put.
    _rule(Action.PAY_START, {_S.PAYMENT_PENDING}, _CITIZEN, _same),
    # "the citizen came back from the payment page": seen by the platform or told by the citizen.
    _rule(
        Action.PAY_OUTCOME_PENDING,
        {_S.PAYMENT_PENDING},
        {Actor.CITIZEN, Actor.SYSTEM},
        _to(_S.PAYMENT_OUTCOME_PENDING),
    ),
    # The intermediary's outcome reaches the practice only through the platform.
    _rule(
        Action.PAY_SUCCESS,
        {_S.PAYMENT_PENDING, _S.PAYMENT_OUTCOME_PENDING},
        _SYSTEM,
        _to(_S.PAYMENT_SUCCESS),
    ),
    _rule(
        Action.PAY_ERROR,
        {_S.PAYMENT_PENDING, _S.PAYMENT_OUTCOME_PENDING},
        _SYSTEM,
        _to(_S.PAYMENT_ERROR),
    ),
    # PAYMENT_SUCCESS → PRE_SUBMIT (paid before submission): the platform sends it on the
    # receipt, or the citizen presses "send".
    _rule(
        Action.SUBMIT,
        {_S.PAYMENT_SUCCESS},
        {Actor.CITIZEN, Actor.SYSTEM},
        _to(_S.PRE_SUBMIT),
        applies=lambda sw: sw.payment_before_submission,
    ),
    # PAYMENT_SUCCESS → COMPLETE / COMPLETE_WAITING_OUTCOME_REGISTRATION (deferred payment):
    # the platform completes it on the receipt, or the operator does.
    _rule(
        Action.ACCEPT,
        {_S.PAYMENT_SUCCESS},
        {Actor.SYSTEM, Actor.OPERATOR},
        _accepted,
        applies=lambda sw: not sw.payment_before_submission,
    ),
    _rule(Action.ACQUIRE, {_S.PRE_SUBMIT}, _SYSTEM, _to(_S.SUBMITTED)),
    _rule(
        Action.REGISTER,
        {_S.SUBMITTED},
        _SYSTEM,
        _to(_S.REGISTERED),
        disabled=lambda sw: None if sw.protocol_required else "the service has no protocol",
    ),
    # Taken in charge once SUBMITTED, or once REGISTERED when protocol is required.
    _rule(Action.TAKE_IN_CHARGE, {_S.SUBMITTED}, _OPERATOR, _to(_S.PENDING), _without_protocol),
    _rule(Action.TAKE_IN_CHARGE, {_S.REGISTERED}, _OPERATOR, _to(_S.PENDING), _with_protocol),
    _rule(Action.REASSIGN, _WORKED, _OPERATOR, _same),
    _rule(
        Action.REQUEST_INTEGRATION,
        _WORKED,
        _OPERATOR,
        _to(_S.REQUEST_INTEGRATION),
        disabled=lambda sw: (
            None if sw.allow_integration_request else "the service does not allow integrations"
        ),
    ),
    _rule(
        Action.ASK_DEFERRED_PAYMENT,
        _WORKED,
        _OPERATOR,
        _to(_S.PAYMENT_PENDING),
        disabled=_deferred_payment_disabled,
    ),
    _rule(Action.ACCEPT, _WORKED, _OPERATOR, _accepted),
    _rule(Action.REJECT, _WORKED, _OPERATOR, _rejected),
    _rule(
        Action.START_INTEGRATION_ANSWER,
        {_S.REQUEST_INTEGRATION},
        _CITIZEN,
        _to(_S.DRAFT_FOR_INTEGRATION),
    ),
    _rule(
        Action.ANSWER_INTEGRATION,
        {_S.DRAFT_FOR_INTEGRATION},
        _CITIZEN,
        _to(_S.SUBMITTED_AFTER_INTEGRATION),
    ),
    _rule(
        Action.REGISTER_INTEGRATION,
        {_S.SUBMITTED_AFTER_INTEGRATION},
        _SYSTEM,
        _to(_S.REGISTERED_AFTER_INTEGRATION),
        disabled=lambda sw: None if sw.protocol_required else "the service has no protocol",
    ),
    # Interpretation: like taking in charge, with protocol the answer goes back to the operator
    # only once registered (REGISTERED_AFTER_INTEGRATION); without, straight from
    # SUBMITTED_AFTER_INTEGRATION.
    _rule(
        Action.RESUME,
        {_S.SUBMITTED_AFTER_INTEGRATION},
        {Actor.SYSTEM, Actor.OPERATOR},
        _resumed,
        _without_protocol,
    ),
    _rule(
        Action.RESUME,
        {_S.REGISTERED_AFTER_INTEGRATION},
        {Actor.SYSTEM, Actor.OPERATOR},
        _resumed,
        _with_protocol,
    ),
    _rule(
        Action.REGISTER_OUTCOME,
        {_S.COMPLETE_WAITING_OUTCOME_REGISTRATION},
        _SYSTEM,
        _to(_S.COMPLETE),
    ),
    _rule(
        Action.REGISTER_OUTCOME,
        {_S.CANCELLED_WAITING_OUTCOME_REGISTRATION},
        _SYSTEM,
        _to(_S.CANCELLED),
    ),
    _rule(
        Action.WITHDRAW,
        _WITHDRAWABLE,
        _CITIZEN,
        _to(_S.WITHDRAWN),
        disabled=_withdraw_disabled,
    ),
    _rule(
        Action.REOPEN,
        {_S.COMPLETE, _S.CANCELLED, _S.WITHDRAWN},
        _OPERATOR,
        _to(_S.PENDING),
        disabled=lambda sw: None if sw.allow_reopening else "the service does not allow reopening",
    ),
    _rule(Action.REVOKE, _REVOCABLE, {Actor.TENANT_ADMIN}, _to(_S.REVOKED)),
)


def _find_rule(current: PracticeStatus, action: Action, switches: ServiceSwitches) -> _Rule | None:
    if not status_exists(current, switches):
        return None
    for rule in _RULES:
        if rule.action is action and current in rule.sources and rule.applies(switches):
            return rule
    return None


def next_status(
    current: PracticeStatus, action: Action, actor: Actor, switches: ServiceSwitches
) -> PracticeStatus:
    """The status after `actor` does `action`; raises `TransitionRefused` if not allowed."""
    rule = _find_rule(current, action, switches)
    if rule is None:
        raise TransitionRefused(
            RefusalCode.NOT_ALLOWED_FROM_STATUS, f"{action} is not allowed from {current.name}"
        )
    if actor not in rule.actors:
        raise TransitionRefused(
            RefusalCode.NOT_ALLOWED_FOR_ACTOR,
            f"{action} from {current.name} is not allowed for {actor}",
        )
    reason = rule.disabled(switches)
    if reason is not None:
        raise TransitionRefused(RefusalCode.DISABLED_FOR_SERVICE, f"{action}: {reason}")
    return rule.target(current, actor, switches)


def available_actions(
    current: PracticeStatus, actor: Actor, switches: ServiceSwitches
) -> list[Action]:
    """The actions `actor` may apply now, in `Action` order (`Practice.availableTransitions`)."""
    allowed: list[Action] = []
    for action in Action:
        try:
            next_status(current, action, actor, switches)
        except TransitionRefused:
            continue
        allowed.append(action)
    return allowed


_MEETING_EFFECTS: dict[PracticeStatus, MeetingEffect] = {
    _S.WITHDRAWN: MeetingEffect.CANCEL,
    _S.REVOKED: MeetingEffect.CANCEL,
    _S.PAYMENT_ERROR: MeetingEffect.REFUSE,
    _S.CANCELLED: MeetingEffect.REFUSE,
    _S.COMPLETE: MeetingEffect.APPROVE,
    _S.PAYMENT_PENDING: MeetingEffect.EXTEND_HOLD_5_DAYS,
}


def meeting_effect(new_status: PracticeStatus) -> MeetingEffect | None:
    """What entering `new_status` does to the practice's meetings, if anything.

    Only on a change of status: actions that keep the status (PAY_START, REASSIGN) enter nothing.
    """
    return _MEETING_EFFECTS.get(new_status)
