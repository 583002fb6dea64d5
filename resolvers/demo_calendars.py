"""Demo calendars: Bugliano's registry and tax offices open for appointments, three bookable
rooms, and some bookings already made through the same use cases as the API."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from auth.viewer import Viewer
from models.booking import (
    Calendar,
    CalendarKind,
    OpeningHour,
    Resource,
    ResourceKind,
    ServiceCalendar,
)
from models.catalogue import Service
from models.clock import ITALY, local_today
from models.office import Office
from models.user import Role, User
from resolvers.appointment_changes import Confirmation, confirm
from resolvers.appointments import HoldRequest, hold_slot
from resolvers.calendars import calendar_slots
from resolvers.context import Context
from resolvers.demo_practices import ContextFor, checked
from resolvers.resource_bookings import BookingRequest, availability, book_resource

MORNINGS = (1, 2, 3, 4, 5)
AFTERNOONS = (2, 4)


@dataclass(frozen=True)
class Hours:
    weekdays: tuple[int, ...]
    begin: time
    end: time
    slot_minutes: int = 30
    capacity: int = 1


@dataclass(frozen=True)
class DemoCalendar:
    slug: str
    office: str | None
    name: dict[str, str]
    hours: tuple[Hours, ...]
    services: tuple[str, ...] = ()
    moderated: bool = False


@dataclass(frozen=True)
class DemoResource:
    slug: str
    kind: ResourceKind
    name: dict[str, str]
    capacity: int
    hours: tuple[Hours, ...]
    buffer_minutes: int = 0
    price_per_hour_cents: int | None = None
    moderated: bool = True
    office: str = "ufficio-scuola"
    """The office whose operators moderate its bookings (the one handling room bookings)."""
    extra: dict[str, int] = field(default_factory=dict)
    address: str | None = None
    photo_alt: dict[str, str] = field(default_factory=dict)
    """Its photo is `server/demo/photos/<tenant>/<slug>.svg`, served at /<tenant>/photos/."""
    payment_instructions: dict[str, str] = field(default_factory=dict)


CALENDARS = {
    "bugliano": (
        DemoCalendar(
            "agenda-anagrafe",
            "ufficio-anagrafe",
            {"it": "Sportello anagrafe", "en": "Registry desk"},
            (
                Hours(MORNINGS, time(8, 30), time(12, 30), capacity=2),
                Hours(AFTERNOONS, time(15, 0), time(17, 30), capacity=2),
            ),
            ("certificati-anagrafici", "carta-identita-elettronica", "cambio-residenza"),
        ),
        DemoCalendar(
            "agenda-tributi",
            "ufficio-tributi",
            {"it": "Sportello tributi", "en": "Tax desk"},
            (Hours((1, 3, 5), time(9, 0), time(12, 0), slot_minutes=20),),
            ("riduzione-tari",),
            moderated=True,
        ),
    ),
}

EVENINGS = Hours((1, 2, 3, 4, 5, 6), time(9, 0), time(23, 0))
RESOURCES = {
    "bugliano": (
        DemoResource(
            "sala-consiliare",
            ResourceKind.HALL,
            {"it": "Sala consiliare", "en": "Council hall"},
            80,
            (EVENINGS,),
            buffer_minutes=30,
            price_per_hour_cents=2500,
            address="Piazza del Municipio 1, primo piano, 56030 Bugliano (PI)",
            photo_alt={
                "it": "La sala consiliare: file di sedie rosse davanti al banco del consiglio, "
                "sotto lo stemma del Comune",
                "en": "The council hall: rows of red chairs facing the council's bench, below "
                "the municipality's crest",
            },
            payment_instructions={
                "it": "Dopo l'approvazione l'Ufficio scuola ti invia per e-mail l'avviso pagoPA "
                "da pagare entro 5 giorni, online o in una ricevitoria. La sala è confermata "
                "quando il pagamento risulta ricevuto.",
                "en": "Once approved, the school office e-mails you the pagoPA notice, to pay "
                "within 5 days online or at a payment point. The hall is yours once the "
                "payment is received.",
            },
        ),
        DemoResource(
            "palestra-comunale",
            ResourceKind.SPORTS_FIELD,
            {"it": "Palestra comunale", "en": "Municipal gym"},
            40,
            (Hours((1, 2, 3, 4, 5, 6, 7), time(8, 0), time(22, 0)),),
            price_per_hour_cents=1500,
            moderated=False,
            address="Via dello Sport 3, 56030 Bugliano (PI)",
            photo_alt={
                "it": "La palestra comunale: campo da pallavolo con la rete tesa e un pallone",
                "en": "The municipal gym: a volleyball court with its net and a ball",
            },
            payment_instructions={
                "it": "Paga con l'avviso pagoPA che trovi nell'e-mail di conferma, entro la data "
                "della prenotazione.",
                "en": "Pay with the pagoPA notice in the confirmation e-mail, by the day of "
                "the booking.",
            },
        ),
        DemoResource(
            "sala-riunioni-biblioteca",
            ResourceKind.ROOM,
            {"it": "Sala riunioni della biblioteca", "en": "Library meeting room"},
            12,
            (Hours(MORNINGS, time(9, 0), time(19, 0)),),
            moderated=False,
            address="Via della Biblioteca 4, 56030 Bugliano (PI)",
            photo_alt={
                "it": "La sala riunioni della biblioteca: un tavolo ovale con le sedie, gli "
                "scaffali dei libri e una lavagna",
                "en": "The library meeting room: an oval table with chairs, bookshelves and "
                "a whiteboard",
            },
        ),
    ),
}


async def seed_demo_calendars(context_for: ContextFor, tenant_id: uuid.UUID, slug: str) -> int:
    """Create the tenant's demo calendars and resources once; returns how many were created."""
    ctx = context_for(Viewer())
    created = 0
    async with ctx.db() as session, session.begin():
        offices = {
            o.slug: o.id
            for o in (await session.exec(select(Office).where(Office.tenant_id == tenant_id)))
        }
        services = {
            s.slug: s.id
            for s in (await session.exec(select(Service).where(Service.tenant_id == tenant_id)))
        }
        existing = set(
            await session.exec(select(Calendar.slug).where(Calendar.tenant_id == tenant_id))
        )
        for demo in CALENDARS.get(slug, ()):
            if demo.slug in existing:
                continue
            calendar = Calendar(
                tenant_id=tenant_id,
                slug=demo.slug,
                name=demo.name,
                office_id=offices.get(demo.office or ""),
                moderated=demo.moderated,
            )
            session.add(calendar)
            add_hours(session, tenant_id, calendar, demo.hours)
            session.add_all(
                ServiceCalendar(service_id=services[name], calendar_id=calendar.id)
                for name in demo.services
                if name in services
            )
            created += 1
        for resource in RESOURCES.get(slug, ()):
            if f"risorsa-{resource.slug}" in existing:
                continue
            calendar = Calendar(
                tenant_id=tenant_id,
                slug=f"risorsa-{resource.slug}",
                name=resource.name,
                kind=CalendarKind.VARIABLE_SLOTS,
                office_id=offices.get(resource.office),
                moderated=resource.moderated,
                booking_window_days=90,
            )
            session.add(calendar)
            add_hours(session, tenant_id, calendar, resource.hours)
            session.add(
                Resource(
                    tenant_id=tenant_id,
                    calendar_id=calendar.id,
                    slug=resource.slug,
                    name=resource.name,
                    kind=resource.kind,
                    capacity=resource.capacity,
                    buffer_minutes=resource.buffer_minutes,
                    price_per_hour_cents=resource.price_per_hour_cents,
                    address=resource.address,
                    photo_url=f"/{slug}/photos/{resource.slug}.svg",
                    photo_alt=resource.photo_alt,
                    payment_instructions=resource.payment_instructions,
                )
            )
            created += 1
    if created:
        await book_some(context_for, tenant_id, slug)
    return created


def add_hours(
    session: AsyncSession, tenant_id: uuid.UUID, calendar: Calendar, hours: tuple[Hours, ...]
) -> None:
    for rule in hours:
        session.add(
            OpeningHour(
                tenant_id=tenant_id,
                calendar_id=calendar.id,
                weekdays=list(rule.weekdays),
                begin=rule.begin,
                end=rule.end,
                slot_minutes=rule.slot_minutes,
                capacity=rule.capacity,
            )
        )


async def book_some(context_for: ContextFor, tenant_id: uuid.UUID, slug: str) -> None:
    """Each demo citizen books the registry desk's first free slots of the coming days."""
    probe = context_for(Viewer())
    async with probe.db() as session:
        citizens = [
            user
            for user in (await session.exec(select(User).where(User.tenant_id == tenant_id)))
            if Role.CITIZEN.value in user.roles
        ]
        calendar = (
            await session.exec(
                select(Calendar).where(
                    Calendar.tenant_id == tenant_id, Calendar.slug == "agenda-anagrafe"
                )
            )
        ).first()
    if calendar is None or not citizens:
        return
    today = local_today(ZoneInfo(calendar.time_zone))
    first, last = today + timedelta(days=3), today + timedelta(days=10)
    slots = await calendar_slots(probe, calendar.id, first, last)
    for citizen, slot in zip(citizens, (s for s in slots or [] if s.free > 0), strict=False):
        ctx: Context = context_for(
            Viewer(citizen.id, slug, frozenset(Role(role) for role in citizen.roles))
        )
        held = checked(await hold_slot(ctx, HoldRequest(calendar.id, slot.start)))
        reason = "Rinnovo carta d'identità"
        checked(await confirm(ctx, Confirmation(held.id, reason)))
    await book_rooms(context_for, tenant_id, slug, citizens, today)


async def book_rooms(
    context_for: ContextFor, tenant_id: uuid.UUID, slug: str, citizens: list[User], today: date
) -> None:
    """The first citizen books the council hall and the gym for an evening from next week on:
    the first one the resource has free (not a holiday, not taken)."""
    probe = context_for(Viewer())
    async with probe.db() as session:
        resources = {
            row.slug: row
            for row in await session.exec(select(Resource).where(Resource.tenant_id == tenant_id))
        }
    citizen = citizens[0]
    ctx = context_for(Viewer(citizen.id, slug, frozenset(Role(role) for role in citizen.roles)))
    monday = today + timedelta(days=7 - today.weekday())
    wanted = (
        ("sala-consiliare", monday + timedelta(days=1), 18, 20, "Assemblea del comitato", 35),
        ("palestra-comunale", monday + timedelta(days=2), 19, 21, "Allenamento di pallavolo", 14),
    )
    for resource_slug, day, begin, end, purpose, people in wanted:
        if resource_slug not in resources:
            continue
        evening = await first_free_evening(probe, resources[resource_slug].id, day, begin, end)
        if evening is None:
            continue
        request = BookingRequest(
            resources[resource_slug].id, *evening, purpose=purpose, attendees=people
        )
        checked(await book_resource(ctx, request))


async def first_free_evening(
    ctx: Context, resource_id: uuid.UUID, first_day: date, begin: int, end: int
) -> tuple[datetime, datetime] | None:
    """From `begin` to `end` o'clock on the first day from `first_day` that has them free."""
    free = await availability(ctx, resource_id, first_day, first_day + timedelta(days=13))
    for interval in free or []:
        day = interval.start.astimezone(ITALY).date()
        start = datetime.combine(day, time(begin), tzinfo=ITALY)
        stop = datetime.combine(day, time(end), tzinfo=ITALY)
        if interval.start <= start and stop <= interval.end:
            return start, stop
    return None
