"""Demo practices: every demo citizen's practices in each state the demo services reach.

They are made through the same use cases as the API (drafts, submission with validation,
numbers and receipts, the office's steps, messages), so the operator queue of a fresh demo
looks like a working office and every row is one the platform itself could have written.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from sqlmodel import col, select

from auth.viewer import Viewer
from models.catalogue import Service
from models.practice import MessageVisibility, Practice
from models.practice_states import Action, PracticeStatus
from models.user import Role, User
from resolvers.context import Context
from resolvers.errors import Outcome
from resolvers.messages import NewMessage, send_message
from resolvers.practice_work import (
    Work,
    answer_integration,
    decide,
    request_integration,
    simple_step,
    take_in_charge,
)
from resolvers.practices import Submission, create_draft, submit_practice

ContextFor = Callable[[Viewer], Context]

DEMO_OPERATOR = "operatore"
DEMO_ADMIN = "admin"


def applicant_data(citizen: User) -> dict[str, Any]:
    return {
        "givenName": citizen.given_name,
        "familyName": citizen.family_name,
        "fiscalCode": citizen.fiscal_code,
        "email": citizen.email,
        "truthfulness": True,
        "privacy": True,
    }


def certificate_data(citizen: User) -> dict[str, Any]:
    return applicant_data(citizen) | {
        "certificates": {
            "residenza": True,
            "famiglia": False,
            "cittadinanza": False,
            "esistenza": False,
        },
        "stamp": "bollo",
        "copies": 1,
    }


def identity_card_data(citizen: User) -> dict[str, Any]:
    return applicant_data(citizen) | {"reason": "scadenza", "organDonation": "si"}


def dog_data(citizen: User) -> dict[str, Any]:
    return applicant_data(citizen) | {
        "dogName": "Fido",
        "microchip": "380260000123456",
        "breed": "Meticcio",
        "dogBirthDate": "14/05/2021",
        "sex": "m",
    }


@dataclass(frozen=True)
class Scenario:
    """A practice to make: the service, its data, and the steps that bring it to `status`."""

    status: PracticeStatus
    service: str
    data: Callable[[User], dict[str, Any]]


SERVICES = {
    "certificati-anagrafici": certificate_data,
    "carta-identita-elettronica": identity_card_data,
    "anagrafe-canina": dog_data,
}

TARGETS = (
    PracticeStatus.DRAFT,
    PracticeStatus.SUBMITTED,
    PracticeStatus.PENDING,
    PracticeStatus.REQUEST_INTEGRATION,
    PracticeStatus.PENDING_AFTER_INTEGRATION,
    PracticeStatus.COMPLETE,
    PracticeStatus.CANCELLED,
    PracticeStatus.WITHDRAWN,
    PracticeStatus.REVOKED,
)


def scenarios(offset: int) -> list[Scenario]:
    """Every target status once, on services that rotate from one citizen to the next."""
    names = list(SERVICES)
    return [
        Scenario(
            status,
            names[(offset + index) % len(names)],
            SERVICES[names[(offset + index) % len(names)]],
        )
        for index, status in enumerate(TARGETS)
    ]


class DemoOffice:
    """Acts as the demo's citizen, operator and administrator in turn."""

    def __init__(self, context_for: ContextFor, tenant_slug: str, people: dict[str, User]):
        self.context_for = context_for
        self.tenant_slug = tenant_slug
        self.operator = self.as_user(people[DEMO_OPERATOR])
        self.admin = self.as_user(people[DEMO_ADMIN])

    def as_user(self, user: User) -> Context:
        roles = frozenset(Role(role) for role in user.roles)
        return self.context_for(Viewer(user.id, self.tenant_slug, roles))

    async def make(self, citizen: User, service: Service, scenario: Scenario) -> Practice:
        applicant = self.as_user(citizen)
        draft = checked(await create_draft(applicant, service.id, scenario.data(citizen), None))
        if scenario.status is PracticeStatus.DRAFT:
            return draft
        practice = checked(await submit_practice(applicant, Submission(draft.id, None, None)))
        for step in STEPS[scenario.status]:
            practice = await step(self, applicant, practice)
        return practice


Step = Callable[[DemoOffice, Context, Practice], Awaitable[Practice]]


def checked(outcome: Outcome[Any]) -> Any:
    if outcome.value is None:
        raise RuntimeError(f"demo practice refused: {outcome.problems}")
    return outcome.value


async def take(office: DemoOffice, _: Context, practice: Practice) -> Practice:
    practice = checked(await take_in_charge(office.operator, Work(practice.id)))
    await send(office.operator, practice, "Buongiorno, abbiamo preso in carico la sua pratica.")
    await send(
        office.operator,
        practice,
        "Verificare i dati anagrafici con l'archivio.",
        MessageVisibility.INTERNAL,
    )
    return practice


async def ask(office: DemoOffice, _: Context, practice: Practice) -> Practice:
    message = "Serve una copia del documento di identità in corso di validità."
    return checked(await request_integration(office.operator, Work(practice.id, message)))


async def answer(_: DemoOffice, applicant: Context, practice: Practice) -> Practice:
    message = "Ecco le informazioni richieste, grazie."
    return checked(await answer_integration(applicant, Work(practice.id, message)))


async def accept(office: DemoOffice, _: Context, practice: Practice) -> Practice:
    work = Work(practice.id, "Pratica accolta: il documento è pronto per il ritiro.")
    return checked(await decide(office.operator, work, accepted=True))


async def reject(office: DemoOffice, _: Context, practice: Practice) -> Practice:
    work = Work(practice.id, "Mancano i requisiti di residenza nel Comune.")
    return checked(await decide(office.operator, work, accepted=False))


async def withdraw(_: DemoOffice, applicant: Context, practice: Practice) -> Practice:
    work = Work(practice.id, "Non mi serve più, grazie.")
    return checked(await simple_step(applicant, work, Action.WITHDRAW))


async def revoke(office: DemoOffice, _: Context, practice: Practice) -> Practice:
    work = Work(practice.id, "Annullata in autotutela: dichiarazioni non veritiere.")
    return checked(await simple_step(office.admin, work, Action.REVOKE))


async def citizen_writes(_: DemoOffice, applicant: Context, practice: Practice) -> Practice:
    await send(applicant, practice, "Buongiorno, potete dirmi i tempi previsti?")
    return practice


STEPS: dict[PracticeStatus, list[Step]] = {
    PracticeStatus.SUBMITTED: [citizen_writes],
    PracticeStatus.PENDING: [take, citizen_writes],
    PracticeStatus.REQUEST_INTEGRATION: [take, ask],
    PracticeStatus.PENDING_AFTER_INTEGRATION: [take, ask, answer],
    PracticeStatus.COMPLETE: [take, accept],
    PracticeStatus.CANCELLED: [take, reject],
    PracticeStatus.WITHDRAWN: [withdraw],
    PracticeStatus.REVOKED: [take, accept, revoke],
}


async def send(
    ctx: Context,
    practice: Practice,
    body: str,
    visibility: MessageVisibility = MessageVisibility.APPLICANT,
) -> None:
    checked(await send_message(ctx, NewMessage(practice.id, body, visibility, (), None)))


@dataclass(frozen=True)
class DemoPractices:
    created: int
    unchanged: int
    """Practices of citizens who had some already: they are left as they are."""


async def seed_demo_practices(
    context_for: ContextFor, tenant_id: uuid.UUID, slug: str
) -> DemoPractices:
    """Make the demo practices of a tenant once; citizens who already have some are skipped."""
    probe = context_for(Viewer())
    async with probe.db() as session:
        users = (await session.exec(select(User).where(User.tenant_id == tenant_id))).all()
        services = (
            await session.exec(
                select(Service).where(
                    Service.tenant_id == tenant_id,
                    col(Service.slug).in_(SERVICES),
                )
            )
        ).all()
        existing = (
            await session.exec(select(Practice.applicant_id).where(Practice.tenant_id == tenant_id))
        ).all()
    busy = Counter(existing)
    people = {user.username or "": user for user in users}
    by_slug = {service.slug: service for service in services}
    if DEMO_OPERATOR not in people or DEMO_ADMIN not in people or len(by_slug) < len(SERVICES):
        return DemoPractices(0, 0)
    office = DemoOffice(context_for, slug, people)
    citizens = [user for user in users if Role.CITIZEN.value in user.roles and user.id not in busy]
    made = 0
    for offset, citizen in enumerate(sorted(citizens, key=lambda user: user.family_name)):
        # the draft last: starting the same service again would resume it (one open draft per
        # citizen and service) and send it on
        for scenario in sorted(scenarios(offset), key=lambda s: s.status is PracticeStatus.DRAFT):
            await office.make(citizen, by_slug[scenario.service], scenario)
            made += 1
    return DemoPractices(made, sum(busy.values()))
