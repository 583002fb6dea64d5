"""Who may read a practice, and as which actor of the state machine a viewer acts on it."""

from __future__ import annotations

import uuid

from auth.viewer import Viewer
from models.catalogue import ServiceAccessLevel
from models.practice_states import Actor, PracticeStatus
from models.user import IdentityProvider, User


def is_applicant(viewer: Viewer, applicant_id: uuid.UUID) -> bool:
    return viewer.user_id is not None and viewer.user_id == applicant_id


def may_read_practice(
    viewer: Viewer, tenant_slug: str, applicant_id: uuid.UUID, status: PracticeStatus
) -> bool:
    """The applicant always; the tenant's staff once the citizen has sent it (not drafts)."""
    if is_applicant(viewer, applicant_id):
        return True
    return viewer.is_staff_of(tenant_slug) and status is not PracticeStatus.DRAFT


def actors_of(viewer: Viewer, tenant_slug: str, applicant_id: uuid.UUID) -> list[Actor]:
    """Every role in which the viewer may act on this practice, most specific first."""
    actors = []
    if is_applicant(viewer, applicant_id):
        actors.append(Actor.CITIZEN)
    if viewer.is_staff_of(tenant_slug):
        actors.append(Actor.OPERATOR)
    if viewer.is_tenant_admin_of(tenant_slug):
        actors.append(Actor.TENANT_ADMIN)
    return actors


def sees_internal_notes(viewer: Viewer, tenant_slug: str) -> bool:
    return viewer.is_staff_of(tenant_slug)


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
