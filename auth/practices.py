"""Who may read a practice, and as which actor of the state machine a viewer acts on it."""

from __future__ import annotations

import uuid

from auth.scope import StaffScope
from auth.viewer import Viewer
from models.catalogue import ServiceAccessLevel
from models.practice import Practice
from models.practice_states import Actor, PracticeStatus
from models.user import IdentityProvider, User


def is_applicant(viewer: Viewer, applicant_id: uuid.UUID) -> bool:
    return viewer.user_id is not None and viewer.user_id == applicant_id


def may_read_practice(viewer: Viewer, scope: StaffScope, practice: Practice) -> bool:
    """The applicant always; staff whose scope covers it once the citizen has sent it."""
    if is_applicant(viewer, practice.applicant_id):
        return True
    return practice.status is not PracticeStatus.DRAFT and works_on(scope, practice)


def works_on(scope: StaffScope, practice: Practice) -> bool:
    """The practice is in the viewer's staff scope: its office (and service) is theirs."""
    return scope.covers_practice(practice.office_id, practice.service_id)


def actors_of(viewer: Viewer, scope: StaffScope, practice: Practice) -> list[Actor]:
    """Every role in which the viewer may act on this practice, most specific first."""
    actors = []
    if is_applicant(viewer, practice.applicant_id):
        actors.append(Actor.CITIZEN)
    if works_on(scope, practice):
        actors.append(Actor.OPERATOR)
    if scope.everything:
        actors.append(Actor.TENANT_ADMIN)
    return actors


def held_by_another(viewer: Viewer, scope: StaffScope, practice: Practice) -> bool:
    """Taken in charge by another operator: an operator reassigns it before acting on it; the
    tenant's admins act on any."""
    return (
        not scope.everything
        and practice.assignee_id is not None
        and practice.assignee_id != viewer.user_id
    )


def sees_internal_notes(scope: StaffScope, practice: Practice) -> bool:
    return works_on(scope, practice)


def login_level(user: User) -> ServiceAccessLevel:
    """How strong the user's login is, against a service's access level.

    A local account (the demo login, until SPID/CIE arrive) counts as the SPID level recorded
    on the user, and as a social login when none is.
    """
    if user.identity_provider == IdentityProvider.CIE:
        return ServiceAccessLevel.CIE
    if user.spid_level is None:
        return ServiceAccessLevel.SOCIAL
    return ServiceAccessLevel.SPID_L1 if user.spid_level <= 1 else ServiceAccessLevel.SPID_L2


def strong_enough(user: User, required: ServiceAccessLevel) -> bool:
    return login_level(user).value >= required.value
