"""The root Mutation: catalogue administration, forms and login."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from resolvers import accounts, catalogue_admin, forms
from resolvers.errors import Outcome
from schema.base import FieldError, Info, changes_of, decode_id, field_errors, optional_id
from schema.catalogue import Category, Service, ServiceAccessLevel, ServiceStatus
from schema.form import Form, FormVersion
from schema.permissions import Audience, Requires
from schema.user import User


@strawberry.input(description="Text per language; languages must be enabled for the tenant.")
class TranslatedTextInput:
    it: str | None = None
    en: str | None = None
    de: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {code: text for code, text in vars(self).items() if isinstance(text, str) and text}


@strawberry.input(description="Fields of a service; omitted fields are left as they are.")
class ServiceFieldsInput:
    slug: str | None = strawberry.UNSET
    name: TranslatedTextInput | None = strawberry.UNSET
    short_description: TranslatedTextInput | None = strawberry.UNSET
    description: TranslatedTextInput | None = strawberry.UNSET
    audience: TranslatedTextInput | None = strawberry.UNSET
    how_to: TranslatedTextInput | None = strawberry.UNSET
    requirements: TranslatedTextInput | None = strawberry.UNSET
    costs: TranslatedTextInput | None = strawberry.UNSET
    outcome: TranslatedTextInput | None = strawberry.UNSET
    legal_basis: TranslatedTextInput | None = strawberry.UNSET
    status: ServiceStatus | None = strawberry.UNSET
    access_level: ServiceAccessLevel | None = strawberry.UNSET
    category_id: relay.GlobalID | None = strawberry.UNSET
    group_id: relay.GlobalID | None = strawberry.UNSET
    form_id: relay.GlobalID | None = strawberry.UNSET
    payment_required: bool | None = strawberry.UNSET
    booking_required: bool | None = strawberry.UNSET
    protocol_required: bool | None = strawberry.UNSET
    allow_withdraw: bool | None = strawberry.UNSET
    allow_integration_request: bool | None = strawberry.UNSET
    allow_reopening: bool | None = strawberry.UNSET
    max_response_days: int | None = strawberry.UNSET
    publish_from: datetime | None = strawberry.UNSET
    publish_until: datetime | None = strawberry.UNSET
    topics: list[str] | None = strawberry.UNSET
    keywords: list[str] | None = strawberry.UNSET


NOT_NULL_SERVICE_FIELDS = {
    "status",
    "access_level",
    "payment_required",
    "booking_required",
    "protocol_required",
    "allow_withdraw",
    "allow_integration_request",
    "allow_reopening",
    "topics",
    "keywords",
}


def service_changes(fields: ServiceFieldsInput) -> dict[str, Any]:
    changes = changes_of(fields)
    for name in ("category_id", "group_id"):
        if changes.get(name) is not None:
            type_name = "Category" if name == "category_id" else "ServiceGroup"
            changes[name] = decode_id(changes[name], type_name)
    if changes.get("form_id") is not None:
        changes["form_id"] = changes["form_id"].node_id
    for name in NOT_NULL_SERVICE_FIELDS & {k for k, v in changes.items() if v is None}:
        del changes[name]
    return changes


@strawberry.input
class UpdateServiceInput:
    id: relay.GlobalID
    fields: ServiceFieldsInput


@strawberry.input
class SetServiceStatusInput:
    id: relay.GlobalID
    status: ServiceStatus
    publish_from: datetime | None = strawberry.UNSET
    publish_until: datetime | None = strawberry.UNSET


@strawberry.type
class ServicePayload:
    service: Service | None
    errors: list[FieldError]


@strawberry.input
class CategoryFieldsInput:
    slug: str | None = strawberry.UNSET
    name: TranslatedTextInput | None = strawberry.UNSET
    description: TranslatedTextInput | None = strawberry.UNSET
    parent_id: relay.GlobalID | None = strawberry.UNSET
    position: int | None = strawberry.UNSET


def category_changes(fields: CategoryFieldsInput) -> dict[str, Any]:
    changes = changes_of(fields)
    if "parent_id" in changes:
        changes["parent_id"] = optional_id(changes["parent_id"], "Category")
    if changes.get("position", 0) is None:
        del changes["position"]
    return changes


@strawberry.input
class UpdateCategoryInput:
    id: relay.GlobalID
    fields: CategoryFieldsInput


@strawberry.type
class CategoryPayload:
    category: Category | None
    errors: list[FieldError]


@strawberry.input
class SaveFormInput:
    form_id: relay.GlobalID | None = strawberry.field(
        default=None, description="The form to add a version to; omit it to create a new form."
    )
    title: str
    definition: JSON = strawberry.field(description="The Form.io JSON, as the builder made it.")


@strawberry.type
class FormPayload:
    form: Form | None
    version: FormVersion | None
    errors: list[FieldError]


@strawberry.input
class LoginInput:
    username: str = strawberry.field(description="Username, or fiscal code for citizens.")
    password: str


@strawberry.input
class RefreshTokenInput:
    refresh_token: str


@strawberry.type
class AuthPayload:
    access_token: str | None
    refresh_token: str | None = strawberry.field(
        description="Use it once with `refreshToken` to get a new pair."
    )
    expires_in: int | None = strawberry.field(description="Seconds the access token lives.")
    user: User | None
    errors: list[FieldError]
    retry_after: int | None = strawberry.field(
        default=None,
        description="With the error TOO_MANY_ATTEMPTS: seconds to wait before the next "
        "attempt (the HTTP answer is then 429 with the same `Retry-After`).",
    )


def service_payload(info: Info, outcome: Outcome[Any]) -> ServicePayload:
    service = None if outcome.value is None else Service.from_row(outcome.value, info.context)
    return ServicePayload(service=service, errors=field_errors(outcome.problems))


def category_payload(info: Info, outcome: Outcome[Any]) -> CategoryPayload:
    category = None if outcome.value is None else Category.from_row(outcome.value, info.context)
    return CategoryPayload(category=category, errors=field_errors(outcome.problems))


def auth_payload(outcome: Outcome[accounts.TokenPair]) -> AuthPayload:
    pair = outcome.value
    return AuthPayload(
        access_token=pair.access_token if pair else None,
        refresh_token=pair.refresh_token if pair else None,
        expires_in=pair.expires_in if pair else None,
        user=User.from_row(pair.user) if pair else None,
        errors=field_errors(outcome.problems),
        retry_after=outcome.retry_after if isinstance(outcome, accounts.LoginOutcome) else None,
    )


@strawberry.type
class Mutation:
    @strawberry.mutation(
        extensions=[Requires(Audience.ANYONE)],
        description="Log in with a local account; returns a token pair. Throttled: after a few "
        "failures an account waits a little longer before each next attempt is checked, and "
        "an address may fail only so often; a refused attempt gets the error "
        "TOO_MANY_ATTEMPTS with `retryAfter`, over HTTP a 429 answer with `Retry-After`.",
    )
    async def login(self, info: Info, input: LoginInput) -> AuthPayload:
        return auth_payload(await accounts.login(info.context, input.username, input.password))

    @strawberry.mutation(
        extensions=[Requires(Audience.ANYONE)],
        description="Trade a refresh token (usable once) for a new pair.",
    )
    async def refresh_token(self, info: Info, input: RefreshTokenInput) -> AuthPayload:
        return auth_payload(await accounts.refresh(info.context, input.refresh_token))

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Add a service to the catalogue.",
    )
    async def create_service(self, info: Info, input: ServiceFieldsInput) -> ServicePayload:
        outcome = await catalogue_admin.create_service(info.context, service_changes(input))
        return service_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change fields of a service.",
    )
    async def update_service(self, info: Info, input: UpdateServiceInput) -> ServicePayload:
        outcome = await catalogue_admin.update_service(
            info.context, decode_id(input.id, "Service"), service_changes(input.fields)
        )
        return service_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Publish, suspend, schedule or withdraw a service.",
    )
    async def set_service_status(self, info: Info, input: SetServiceStatusInput) -> ServicePayload:
        dates = {
            name: value
            for name, value in changes_of(input).items()
            if name in ("publish_from", "publish_until")
        }
        outcome = await catalogue_admin.set_service_status(
            info.context, decode_id(input.id, "Service"), input.status, dates
        )
        return service_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Add a category (topic).",
    )
    async def create_category(self, info: Info, input: CategoryFieldsInput) -> CategoryPayload:
        outcome = await catalogue_admin.create_category(info.context, category_changes(input))
        return category_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Change a category, or move it in the tree.",
    )
    async def update_category(self, info: Info, input: UpdateCategoryInput) -> CategoryPayload:
        outcome = await catalogue_admin.update_category(
            info.context, decode_id(input.id, "Category"), category_changes(input.fields)
        )
        return category_payload(info, outcome)

    @strawberry.mutation(
        extensions=[Requires(Audience.TENANT_ADMIN)],
        description="Save a Form.io definition as the newest version of a form; earlier "
        "versions stay readable.",
    )
    async def save_form(self, info: Info, input: SaveFormInput) -> FormPayload:
        form_id = None
        if input.form_id is not None:
            form_id = input.form_id.node_id if input.form_id.type_name == "Form" else ""
        outcome = await forms.save_form(info.context, form_id, input.title, input.definition)
        if outcome.value is None:
            return FormPayload(form=None, version=None, errors=field_errors(outcome.problems))
        head = await info.context.loaders.form.load(outcome.value.form_id)
        return FormPayload(
            form=Form.from_document(head) if head else None,
            version=FormVersion.from_document(outcome.value),
            errors=[],
        )
