"""The schema object: root types plus the limits and caches every request goes through."""

from __future__ import annotations

from typing import Any

import strawberry
from graphql import GraphQLError
from graphql.validation import NoSchemaIntrospectionCustomRule
from strawberry.extensions import (
    AddValidationRules,
    MaskErrors,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from resolvers.wording import say
from schema.appointment import Appointment, Calendar
from schema.appointment_api import AppointmentMutation, AppointmentQuery
from schema.calendar_admin import AdminBookingMutation, AdminBookingQuery
from schema.catalogue import Category, Office, Service, ServiceGroup
from schema.document_limits import DocumentLengthLimiter
from schema.form import Form
from schema.input_checks import check_inputs_of
from schema.mutations import Mutation
from schema.page_rating import PageRatingMutation, PageRatingQuery
from schema.practice import Message, Practice
from schema.practice_mutations import PracticeMutation
from schema.practice_queries import PracticeQuery
from schema.queries import Query
from schema.query_cost import DEFAULT_BUDGETS, CostBudgets, QueryCostLimiter
from schema.resource import Resource, ResourceBooking, ResourceMutation, ResourceQuery
from schema.staff import StaffMutation, StaffQuery
from schema.tenant import Tenant, TenantMutation
from schema.user import User

NODE_TYPES = [
    Appointment,
    Calendar,
    Category,
    Form,
    Message,
    Office,
    Practice,
    Resource,
    ResourceBooking,
    Service,
    ServiceGroup,
    Tenant,
    User,
]
ROOT_QUERY = merge_types(
    "Query",
    (
        Query,
        PracticeQuery,
        AppointmentQuery,
        ResourceQuery,
        AdminBookingQuery,
        StaffQuery,
        PageRatingQuery,
    ),
)
ROOT_MUTATION = merge_types(
    "Mutation",
    (
        Mutation,
        PracticeMutation,
        AppointmentMutation,
        ResourceMutation,
        AdminBookingMutation,
        TenantMutation,
        StaffMutation,
        PageRatingMutation,
    ),
)
check_inputs_of(ROOT_QUERY, ROOT_MUTATION)


def unexpected(error: GraphQLError) -> bool:
    """Masked in production: exceptions (bugs, outages) without a code of ours. What the client
    got wrong (syntax, validation, limits) is its to read."""
    return error.original_error is not None and not error.extensions


def build_schema(
    *,
    max_depth: int = 10,
    max_tokens: int = 2000,
    max_aliases: int = 30,
    max_length: int = 100_000,
    mask_errors: bool = False,
    introspection: bool = True,
    cost_budgets: CostBudgets = DEFAULT_BUDGETS,
) -> strawberry.Schema:
    # Factories: each request gets fresh extension objects; the parse and validation caches
    # live at module level in strawberry, so they are shared across requests all the same.
    # The depth and alias limits are validation rules, built here once: a limiter built per
    # request would bring new rule classes each time, and the validation cache (keyed by the
    # rules) would never hit.
    limit_rules = (
        *QueryDepthLimiter(max_depth=max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=max_aliases).validation_rules,
        *(() if introspection else (NoSchemaIntrospectionCustomRule,)),
    )
    extensions: list[Any] = [
        lambda: ParserCache(maxsize=512),
        lambda: AddValidationRules(list(limit_rules)),
        lambda: ValidationCache(maxsize=512),
        lambda: MaxTokensLimiter(max_token_count=max_tokens),
        lambda: DocumentLengthLimiter(max_length=max_length),
        lambda: QueryCostLimiter(cost_budgets),
    ]
    if mask_errors:
        # built per request, so the message is in the request's language
        extensions.append(
            lambda: MaskErrors(
                should_mask_error=unexpected,
                error_message=say("Something went wrong on our side. Please try again later."),
            )
        )
    return strawberry.Schema(
        query=ROOT_QUERY,
        mutation=ROOT_MUTATION,
        types=NODE_TYPES,
        extensions=extensions,
        config=StrawberryConfig(relay_max_results=100),
    )
