"""The practice state machine (models/practice_states.py) against DOMAIN.md's "Practice states"."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.practice_states import (
    _RULES,
    FINAL_STATUSES,
    PROTOCOL_ONLY_STATUSES,
    Action,
    Actor,
    MeetingEffect,
    PracticeStatus,
    RefusalCode,
    ServiceSwitches,
    TransitionRefused,
    available_actions,
    is_final,
    meeting_effect,
    next_status,
    status_exists,
)

S = PracticeStatus
A = Action
CIT, OP, ADM, SYS = Actor.CITIZEN, Actor.OPERATOR, Actor.TENANT_ADMIN, Actor.SYSTEM
FROM_STATUS = RefusalCode.NOT_ALLOWED_FROM_STATUS
FOR_ACTOR = RefusalCode.NOT_ALLOWED_FOR_ACTOR
DISABLED = RefusalCode.DISABLED_FOR_SERVICE

PLAIN = ServiceSwitches()
PROTO = ServiceSwitches(protocol_required=True)
OPEN = ServiceSwitches(allow_withdraw=True, allow_reopening=True, allow_integration_request=True)
OPEN_PROTO = ServiceSwitches(
    protocol_required=True,
    allow_withdraw=True,
    allow_reopening=True,
    allow_integration_request=True,
)
PAY_FIRST = ServiceSwitches(payment_before_submission=True, has_payment=True)
PAY_FIRST_PROTO = ServiceSwitches(
    protocol_required=True, payment_before_submission=True, has_payment=True
)
OPEN_PAID = ServiceSwitches(
    allow_withdraw=True, allow_reopening=True, allow_integration_request=True, has_payment=True
)

ALL_SWITCHES = [ServiceSwitches(*flags) for flags in itertools.product([False, True], repeat=6)]

switches_st = st.builds(
    ServiceSwitches,
    protocol_required=st.booleans(),
    allow_withdraw=st.booleans(),
    allow_reopening=st.booleans(),
    allow_integration_request=st.booleans(),
    payment_before_submission=st.booleans(),
    has_payment=st.booleans(),
)

ALLOWED = [
    # submission, with and without payment first
    (S.DRAFT, A.SUBMIT, CIT, PLAIN, S.PRE_SUBMIT),
    (S.DRAFT, A.SUBMIT, CIT, PAY_FIRST, S.PAYMENT_PENDING),
    (S.PAYMENT_PENDING, A.PAY_START, CIT, PAY_FIRST, S.PAYMENT_PENDING),
    (S.PAYMENT_PENDING, A.PAY_OUTCOME_PENDING, CIT, PAY_FIRST, S.PAYMENT_OUTCOME_PENDING),
    (S.PAYMENT_PENDING, A.PAY_OUTCOME_PENDING, SYS, PAY_FIRST, S.PAYMENT_OUTCOME_PENDING),
    (S.PAYMENT_PENDING, A.PAY_SUCCESS, SYS, PAY_FIRST, S.PAYMENT_SUCCESS),
    (S.PAYMENT_PENDING, A.PAY_ERROR, SYS, PAY_FIRST, S.PAYMENT_ERROR),
    (S.PAYMENT_OUTCOME_PENDING, A.PAY_SUCCESS, SYS, PAY_FIRST, S.PAYMENT_SUCCESS),
    (S.PAYMENT_OUTCOME_PENDING, A.PAY_ERROR, SYS, PAY_FIRST, S.PAYMENT_ERROR),
    (S.PAYMENT_SUCCESS, A.SUBMIT, SYS, PAY_FIRST, S.PRE_SUBMIT),
    (S.PAYMENT_SUCCESS, A.SUBMIT, CIT, PAY_FIRST_PROTO, S.PRE_SUBMIT),
    # deferred payment, asked at the end
    (S.PENDING, A.ASK_DEFERRED_PAYMENT, OP, PLAIN, S.PAYMENT_PENDING),
    (S.PENDING_AFTER_INTEGRATION, A.ASK_DEFERRED_PAYMENT, OP, PROTO, S.PAYMENT_PENDING),
    (S.PAYMENT_SUCCESS, A.ACCEPT, SYS, PLAIN, S.COMPLETE),
    (S.PAYMENT_SUCCESS, A.ACCEPT, OP, PLAIN, S.COMPLETE),
    (S.PAYMENT_SUCCESS, A.ACCEPT, SYS, PROTO, S.COMPLETE_WAITING_OUTCOME_REGISTRATION),
    # acquisition, protocol, taking in charge
    (S.PRE_SUBMIT, A.ACQUIRE, SYS, PLAIN, S.SUBMITTED),
    (S.PRE_SUBMIT, A.ACQUIRE, SYS, PROTO, S.SUBMITTED),
    (S.SUBMITTED, A.TAKE_IN_CHARGE, OP, PLAIN, S.PENDING),
    (S.SUBMITTED, A.REGISTER, SYS, PROTO, S.REGISTERED),
    (S.REGISTERED, A.TAKE_IN_CHARGE, OP, PROTO, S.PENDING),
    (S.PENDING, A.REASSIGN, OP, PLAIN, S.PENDING),
    (S.PENDING_AFTER_INTEGRATION, A.REASSIGN, OP, PLAIN, S.PENDING_AFTER_INTEGRATION),
    # outcome
    (S.PENDING, A.ACCEPT, OP, PLAIN, S.COMPLETE),
    (S.PENDING, A.REJECT, OP, PLAIN, S.CANCELLED),
    (S.PENDING, A.ACCEPT, OP, PROTO, S.COMPLETE_WAITING_OUTCOME_REGISTRATION),
    (S.PENDING, A.REJECT, OP, PROTO, S.CANCELLED_WAITING_OUTCOME_REGISTRATION),
    (S.PENDING_AFTER_INTEGRATION, A.ACCEPT, OP, PLAIN, S.COMPLETE),
    (S.PENDING_AFTER_INTEGRATION, A.REJECT, OP, PROTO, S.CANCELLED_WAITING_OUTCOME_REGISTRATION),
    (S.COMPLETE_WAITING_OUTCOME_REGISTRATION, A.REGISTER_OUTCOME, SYS, PROTO, S.COMPLETE),
    (S.CANCELLED_WAITING_OUTCOME_REGISTRATION, A.REGISTER_OUTCOME, SYS, PROTO, S.CANCELLED),
    # integration
    (S.PENDING, A.REQUEST_INTEGRATION, OP, OPEN, S.REQUEST_INTEGRATION),
    (S.PENDING_AFTER_INTEGRATION, A.REQUEST_INTEGRATION, OP, OPEN, S.REQUEST_INTEGRATION),
    (S.REQUEST_INTEGRATION, A.START_INTEGRATION_ANSWER, CIT, OPEN, S.DRAFT_FOR_INTEGRATION),
    (S.DRAFT_FOR_INTEGRATION, A.ANSWER_INTEGRATION, CIT, OPEN, S.SUBMITTED_AFTER_INTEGRATION),
    (S.SUBMITTED_AFTER_INTEGRATION, A.RESUME, SYS, OPEN, S.PENDING_AFTER_INTEGRATION),
    (S.SUBMITTED_AFTER_INTEGRATION, A.RESUME, OP, OPEN, S.PENDING),
    (
        S.SUBMITTED_AFTER_INTEGRATION,
        A.REGISTER_INTEGRATION,
        SYS,
        OPEN_PROTO,
        S.REGISTERED_AFTER_INTEGRATION,
    ),
    (S.REGISTERED_AFTER_INTEGRATION, A.RESUME, SYS, OPEN_PROTO, S.PENDING_AFTER_INTEGRATION),
    (S.REGISTERED_AFTER_INTEGRATION, A.RESUME, OP, OPEN_PROTO, S.PENDING),
    # withdraw, from every listed state
    (S.PRE_SUBMIT, A.WITHDRAW, CIT, OPEN, S.WITHDRAWN),
    (S.SUBMITTED, A.WITHDRAW, CIT, OPEN, S.WITHDRAWN),
    (S.REGISTERED, A.WITHDRAW, CIT, OPEN_PROTO, S.WITHDRAWN),
    (S.PENDING, A.WITHDRAW, CIT, OPEN, S.WITHDRAWN),
    (S.REQUEST_INTEGRATION, A.WITHDRAW, CIT, OPEN, S.WITHDRAWN),
    (S.DRAFT_FOR_INTEGRATION, A.WITHDRAW, CIT, OPEN, S.WITHDRAWN),
    (S.REGISTERED_AFTER_INTEGRATION, A.WITHDRAW, CIT, OPEN_PROTO, S.WITHDRAWN),
    # reopen
    (S.COMPLETE, A.REOPEN, OP, OPEN, S.PENDING),
    (S.CANCELLED, A.REOPEN, OP, OPEN, S.PENDING),
    (S.WITHDRAWN, A.REOPEN, OP, OPEN_PROTO, S.PENDING),
    # revoke
    (S.PRE_SUBMIT, A.REVOKE, ADM, PLAIN, S.REVOKED),
    (S.PENDING, A.REVOKE, ADM, PLAIN, S.REVOKED),
    (S.DRAFT_FOR_INTEGRATION, A.REVOKE, ADM, PLAIN, S.REVOKED),
    (S.PAYMENT_ERROR, A.REVOKE, ADM, PAY_FIRST, S.REVOKED),
    (S.COMPLETE_WAITING_OUTCOME_REGISTRATION, A.REVOKE, ADM, PROTO, S.REVOKED),
    (S.COMPLETE, A.REVOKE, ADM, PLAIN, S.REVOKED),
    (S.WITHDRAWN, A.REVOKE, ADM, PLAIN, S.REVOKED),
]


@pytest.mark.parametrize(("current", "action", "actor", "switches", "expected"), ALLOWED)
def test_allowed_transitions(
    current: PracticeStatus,
    action: Action,
    actor: Actor,
    switches: ServiceSwitches,
    expected: PracticeStatus,
) -> None:
    assert next_status(current, action, actor, switches) is expected
    assert action in available_actions(current, actor, switches)


REFUSED = [
    # protocol off: its states and steps do not exist
    (S.SUBMITTED, A.REGISTER, SYS, PLAIN, DISABLED),
    (S.SUBMITTED_AFTER_INTEGRATION, A.REGISTER_INTEGRATION, SYS, OPEN, DISABLED),
    (S.REGISTERED, A.TAKE_IN_CHARGE, OP, PLAIN, FROM_STATUS),
    (S.REGISTERED_AFTER_INTEGRATION, A.RESUME, SYS, OPEN, FROM_STATUS),
    (S.COMPLETE_WAITING_OUTCOME_REGISTRATION, A.REGISTER_OUTCOME, SYS, PLAIN, FROM_STATUS),
    (S.CANCELLED_WAITING_OUTCOME_REGISTRATION, A.REVOKE, ADM, PLAIN, FROM_STATUS),
    # protocol on: nothing is worked before it is registered
    (S.SUBMITTED, A.TAKE_IN_CHARGE, OP, PROTO, FROM_STATUS),
    (S.SUBMITTED_AFTER_INTEGRATION, A.RESUME, SYS, OPEN_PROTO, FROM_STATUS),
    # actors
    (S.DRAFT, A.SUBMIT, OP, PLAIN, FOR_ACTOR),
    (S.PRE_SUBMIT, A.ACQUIRE, CIT, PLAIN, FOR_ACTOR),
    (S.SUBMITTED, A.REGISTER, OP, PROTO, FOR_ACTOR),
    (S.SUBMITTED, A.TAKE_IN_CHARGE, CIT, PLAIN, FOR_ACTOR),
    (S.SUBMITTED, A.TAKE_IN_CHARGE, ADM, PLAIN, FOR_ACTOR),
    (S.PENDING, A.ACCEPT, CIT, PLAIN, FOR_ACTOR),
    (S.PENDING, A.ACCEPT, SYS, PLAIN, FOR_ACTOR),
    (S.PAYMENT_PENDING, A.PAY_SUCCESS, CIT, PAY_FIRST, FOR_ACTOR),
    (S.REQUEST_INTEGRATION, A.START_INTEGRATION_ANSWER, OP, OPEN, FOR_ACTOR),
    (S.PENDING, A.WITHDRAW, OP, OPEN, FOR_ACTOR),
    (S.PENDING, A.WITHDRAW, ADM, OPEN, FOR_ACTOR),
    (S.COMPLETE, A.REOPEN, CIT, OPEN, FOR_ACTOR),
    (S.COMPLETE, A.REOPEN, ADM, OPEN, FOR_ACTOR),
    (S.PENDING, A.REVOKE, OP, PLAIN, FOR_ACTOR),
    (S.PENDING, A.REVOKE, CIT, PLAIN, FOR_ACTOR),
    # the actor is checked before the switches
    (S.PENDING, A.WITHDRAW, OP, PLAIN, FOR_ACTOR),
    # withdraw: disabled, with a payment, or from a state not listed
    (S.PENDING, A.WITHDRAW, CIT, PLAIN, DISABLED),
    (S.PENDING, A.WITHDRAW, CIT, OPEN_PAID, DISABLED),
    (S.PRE_SUBMIT, A.WITHDRAW, CIT, OPEN_PAID, DISABLED),
    (S.DRAFT, A.WITHDRAW, CIT, OPEN, FROM_STATUS),
    (S.SUBMITTED_AFTER_INTEGRATION, A.WITHDRAW, CIT, OPEN, FROM_STATUS),
    (S.PENDING_AFTER_INTEGRATION, A.WITHDRAW, CIT, OPEN, FROM_STATUS),
    (S.PAYMENT_PENDING, A.WITHDRAW, CIT, OPEN, FROM_STATUS),
    (S.COMPLETE, A.WITHDRAW, CIT, OPEN, FROM_STATUS),
    # reopen
    (S.COMPLETE, A.REOPEN, OP, PLAIN, DISABLED),
    (S.REVOKED, A.REOPEN, OP, OPEN, FROM_STATUS),
    (S.PENDING, A.REOPEN, OP, OPEN, FROM_STATUS),
    # integration
    (S.PENDING, A.REQUEST_INTEGRATION, OP, PLAIN, DISABLED),
    (S.SUBMITTED, A.REQUEST_INTEGRATION, OP, OPEN, FROM_STATUS),
    # revoke: not a draft, not twice
    (S.DRAFT, A.REVOKE, ADM, PLAIN, FROM_STATUS),
    (S.REVOKED, A.REVOKE, ADM, PLAIN, FROM_STATUS),
    # payment
    (S.PENDING, A.ASK_DEFERRED_PAYMENT, OP, PAY_FIRST, DISABLED),
    (S.PAYMENT_SUCCESS, A.ACCEPT, SYS, PAY_FIRST, FROM_STATUS),
    (S.PAYMENT_SUCCESS, A.SUBMIT, SYS, PLAIN, FROM_STATUS),
    (S.PAYMENT_ERROR, A.PAY_SUCCESS, SYS, PAY_FIRST, FROM_STATUS),
    (S.PAYMENT_SUCCESS, A.PAY_ERROR, SYS, PAY_FIRST, FROM_STATUS),
    # order and skipping steps
    (S.DRAFT, A.ACQUIRE, SYS, PLAIN, FROM_STATUS),
    (S.PRE_SUBMIT, A.TAKE_IN_CHARGE, OP, PLAIN, FROM_STATUS),
    (S.SUBMITTED, A.ACCEPT, OP, PLAIN, FROM_STATUS),
    (S.REQUEST_INTEGRATION, A.ANSWER_INTEGRATION, CIT, OPEN, FROM_STATUS),
    (S.COMPLETE, A.REGISTER_OUTCOME, SYS, PROTO, FROM_STATUS),
]


@pytest.mark.parametrize(("current", "action", "actor", "switches", "code"), REFUSED)
def test_refused_transitions(
    current: PracticeStatus,
    action: Action,
    actor: Actor,
    switches: ServiceSwitches,
    code: RefusalCode,
) -> None:
    with pytest.raises(TransitionRefused) as refused:
        next_status(current, action, actor, switches)
    assert refused.value.code == code
    assert refused.value.message
    assert action not in available_actions(current, actor, switches)


def test_refusal_codes_are_the_documented_strings() -> None:
    assert {str(code) for code in RefusalCode} == {
        "NOT_ALLOWED_FROM_STATUS",
        "NOT_ALLOWED_FOR_ACTOR",
        "DISABLED_FOR_SERVICE",
    }


def test_status_codes_are_sdc_codes() -> None:
    assert S.DRAFT.code == 1000
    assert S.PAYMENT_OUTCOME_PENDING.code == 1510
    assert S.PRE_SUBMIT.code == 1900
    assert S.PENDING_AFTER_INTEGRATION.code == 4500
    assert S.CANCELLED_WAITING_OUTCOME_REGISTRATION.code == 8000
    assert S.REVOKED.code == 50000
    assert S(20000) is S.WITHDRAWN
    assert len({status.code for status in S}) == len(S) == 20


def test_final_statuses() -> None:
    assert {S.COMPLETE, S.CANCELLED, S.WITHDRAWN, S.REVOKED} == FINAL_STATUSES
    assert [status for status in S if is_final(status)] == [
        S.COMPLETE,
        S.CANCELLED,
        S.WITHDRAWN,
        S.REVOKED,
    ]


@pytest.mark.parametrize(
    ("status", "effect"),
    [
        (S.WITHDRAWN, MeetingEffect.CANCEL),
        (S.REVOKED, MeetingEffect.CANCEL),
        (S.PAYMENT_ERROR, MeetingEffect.REFUSE),
        (S.CANCELLED, MeetingEffect.REFUSE),
        (S.COMPLETE, MeetingEffect.APPROVE),
        (S.PAYMENT_PENDING, MeetingEffect.EXTEND_HOLD_5_DAYS),
        (S.PENDING, None),
        (S.COMPLETE_WAITING_OUTCOME_REGISTRATION, None),
        (S.CANCELLED_WAITING_OUTCOME_REGISTRATION, None),
        (S.DRAFT, None),
    ],
)
def test_meeting_effects(status: PracticeStatus, effect: MeetingEffect | None) -> None:
    assert meeting_effect(status) == effect


def test_available_actions_examples() -> None:
    assert available_actions(S.DRAFT, CIT, PLAIN) == [A.SUBMIT]
    assert available_actions(S.DRAFT, OP, PLAIN) == []
    assert available_actions(S.PENDING, OP, PLAIN) == [
        A.REASSIGN,
        A.ASK_DEFERRED_PAYMENT,
        A.ACCEPT,
        A.REJECT,
    ]
    assert available_actions(S.PENDING, OP, OPEN) == [
        A.REASSIGN,
        A.REQUEST_INTEGRATION,
        A.ASK_DEFERRED_PAYMENT,
        A.ACCEPT,
        A.REJECT,
    ]
    assert available_actions(S.PENDING, CIT, OPEN) == [A.WITHDRAW]
    assert available_actions(S.PENDING, CIT, OPEN_PAID) == []
    assert available_actions(S.PENDING, ADM, PLAIN) == [A.REVOKE]
    assert available_actions(S.SUBMITTED, OP, PROTO) == []
    assert available_actions(S.SUBMITTED, SYS, PROTO) == [A.REGISTER]
    assert available_actions(S.SUBMITTED, SYS, PLAIN) == []
    assert available_actions(S.COMPLETE, OP, OPEN) == [A.REOPEN]
    assert available_actions(S.REVOKED, OP, OPEN) == []


# --- the machine as a whole, over every combination of switches ------------------------------

PAYMENT_BEFORE = {S.PAYMENT_PENDING, S.PAYMENT_OUTCOME_PENDING}
WORKED = {S.PENDING, S.PENDING_AFTER_INTEGRATION}
WITHDRAWABLE = {
    S.PRE_SUBMIT,
    S.SUBMITTED,
    S.REGISTERED,
    S.PENDING,
    S.REQUEST_INTEGRATION,
    S.DRAFT_FOR_INTEGRATION,
    S.REGISTERED_AFTER_INTEGRATION,
}
PENDING_EXITS = {
    S.REQUEST_INTEGRATION,
    S.PAYMENT_PENDING,
    S.COMPLETE,
    S.CANCELLED,
    S.COMPLETE_WAITING_OUTCOME_REGISTRATION,
    S.CANCELLED_WAITING_OUTCOME_REGISTRATION,
}

# DOMAIN.md's "Allowed transitions", edge by edge.
DOMAIN_EDGES: set[tuple[PracticeStatus, PracticeStatus]] = {
    (S.DRAFT, S.PRE_SUBMIT),
    (S.DRAFT, S.PAYMENT_PENDING),
    (S.PAYMENT_PENDING, S.PAYMENT_OUTCOME_PENDING),
    *((source, S.PAYMENT_SUCCESS) for source in PAYMENT_BEFORE),
    *((source, S.PAYMENT_ERROR) for source in PAYMENT_BEFORE),
    (S.PAYMENT_SUCCESS, S.PRE_SUBMIT),
    (S.PAYMENT_SUCCESS, S.COMPLETE),
    (S.PAYMENT_SUCCESS, S.COMPLETE_WAITING_OUTCOME_REGISTRATION),
    (S.PRE_SUBMIT, S.SUBMITTED),
    (S.SUBMITTED, S.REGISTERED),
    (S.SUBMITTED, S.PENDING),
    (S.REGISTERED, S.PENDING),
    *((source, target) for source in WORKED for target in PENDING_EXITS),
    *((source, source) for source in WORKED),  # re-assigning keeps the status
    (S.REQUEST_INTEGRATION, S.DRAFT_FOR_INTEGRATION),
    (S.DRAFT_FOR_INTEGRATION, S.SUBMITTED_AFTER_INTEGRATION),
    (S.SUBMITTED_AFTER_INTEGRATION, S.REGISTERED_AFTER_INTEGRATION),
    (S.SUBMITTED_AFTER_INTEGRATION, S.PENDING_AFTER_INTEGRATION),
    (S.SUBMITTED_AFTER_INTEGRATION, S.PENDING),
    (S.REGISTERED_AFTER_INTEGRATION, S.PENDING_AFTER_INTEGRATION),
    (S.REGISTERED_AFTER_INTEGRATION, S.PENDING),
    (S.COMPLETE_WAITING_OUTCOME_REGISTRATION, S.COMPLETE),
    (S.CANCELLED_WAITING_OUTCOME_REGISTRATION, S.CANCELLED),
    *((source, S.WITHDRAWN) for source in WITHDRAWABLE),
    *((source, S.PENDING) for source in (S.COMPLETE, S.CANCELLED, S.WITHDRAWN)),
    *((source, S.REVOKED) for source in set(S) - {S.DRAFT, S.REVOKED}),
    # interpretation: starting the payment (PAY_START) keeps PAYMENT_PENDING
    (S.PAYMENT_PENDING, S.PAYMENT_PENDING),
}


def _machine_edges() -> set[tuple[PracticeStatus, PracticeStatus]]:
    edges = set()
    for switches in ALL_SWITCHES:
        for current in S:
            for actor in Actor:
                for action in available_actions(current, actor, switches):
                    edges.add((current, next_status(current, action, actor, switches)))
    return edges


def test_the_machine_has_exactly_domain_edges() -> None:
    assert _machine_edges() == DOMAIN_EDGES


def test_at_most_one_rule_per_status_action_and_service() -> None:
    for switches in ALL_SWITCHES:
        for current in S:
            for action in Action:
                matching = [
                    rule
                    for rule in _RULES
                    if rule.action is action and current in rule.sources and rule.applies(switches)
                ]
                assert len(matching) <= 1, (current, action, switches)


def test_every_action_is_used_somewhere() -> None:
    used = {
        action
        for switches in ALL_SWITCHES
        for current in S
        for actor in Actor
        for action in available_actions(current, actor, switches)
    }
    assert used == set(Action)


def test_protocol_only_statuses_exist_only_with_protocol() -> None:
    for status in S:
        assert status_exists(status, PROTO)
        assert status_exists(status, PLAIN) == (status not in PROTOCOL_ONLY_STATUSES)
    assert {s for s in S if "REGISTERED" in s.name or "WAITING_OUTCOME" in s.name} == (
        PROTOCOL_ONLY_STATUSES
    )


# --- properties ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(S), st.sampled_from(Actor), switches_st)
def test_available_actions_agree_with_next_status(
    current: PracticeStatus, actor: Actor, switches: ServiceSwitches
) -> None:
    available = available_actions(current, actor, switches)
    for action in Action:
        if action in available:
            new = next_status(current, action, actor, switches)
            assert status_exists(new, switches)
        else:
            with pytest.raises(TransitionRefused):
                next_status(current, action, actor, switches)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(sorted(FINAL_STATUSES, key=lambda status: status.code)),
    st.sampled_from(Action),
    st.sampled_from(Actor),
    switches_st,
)
def test_only_reopen_and_revoke_leave_a_final_state(
    current: PracticeStatus, action: Action, actor: Actor, switches: ServiceSwitches
) -> None:
    try:
        new = next_status(current, action, actor, switches)
    except TransitionRefused:
        return
    if action is A.REVOKE:
        assert new is S.REVOKED
        return
    assert action is A.REOPEN
    assert current in {S.COMPLETE, S.CANCELLED, S.WITHDRAWN}
    assert new is S.PENDING


@settings(max_examples=200, deadline=None)
@given(switches_st, st.data())
def test_random_walks_stay_in_the_service_states(
    switches: ServiceSwitches, data: st.DataObject
) -> None:
    status = S.DRAFT
    for _ in range(40):
        moves = [
            (action, actor)
            for actor in Actor
            for action in available_actions(status, actor, switches)
        ]
        if not moves:
            break
        action, actor = data.draw(st.sampled_from(moves))
        previous, status = status, next_status(status, action, actor, switches)
        assert status_exists(status, switches)
        if not switches.protocol_required:
            assert "REGISTERED" not in status.name
            assert "WAITING_OUTCOME" not in status.name
        if action is A.SUBMIT and previous is S.DRAFT:
            paid_first = switches.payment_before_submission
            assert status is (S.PAYMENT_PENDING if paid_first else S.PRE_SUBMIT)
        if previous is S.PAYMENT_SUCCESS and status is not S.REVOKED:
            assert (status is S.PRE_SUBMIT) == switches.payment_before_submission
