"""The cost of a GraphQL operation, estimated from its validated document before anything
runs, and the extension that refuses an operation over its caller's budget.

The cost is the number of objects the answer may hold, as GitHub counts nodes: every object
field costs one, times the length of each list around it. A list's length is its connection's
`first`/`last` (20 when neither is given, never more than the 100 a page may hold), the number
of ids given to `nodes(ids:)`, or `LIST_SIZE` for a list without arguments (a practice's
history, a service's offices). Scalars, enums and introspection cost nothing. Each alias counts
on its own, a field selected twice under one name once; the fragments on the types of an
interface or union all count, as if each applied. Variables are read as sent, defaults as
declared. A DataLoader makes most of these objects cheap in statements, not in the work of
building and sending them, which is what the budget bounds.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    InlineFragmentNode,
    NamedTypeNode,
    OperationDefinitionNode,
    SelectionNode,
    SelectionSetNode,
    get_named_type,
    get_nullable_type,
    get_operation_ast,
    is_list_type,
    value_from_ast_untyped,
)
from strawberry.extensions import SchemaExtension

from auth.viewer import ANONYMOUS, Viewer
from models.user import Role
from resolvers.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from resolvers.wording import say

QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"

LIST_SIZE = 10
"""What a list without arguments is assumed to hold."""

PAGE_ARGUMENTS = ("first", "last")
STAFF = frozenset({Role.OPERATOR, Role.OPERATOR_ADMIN})
ADMINS = frozenset({Role.TENANT_ADMIN, Role.PLATFORM_ADMIN})


@dataclass(frozen=True)
class CostBudgets:
    """The largest cost an operation may have, by who asks."""

    anonymous: int
    citizen: int
    """Any signed-in user: citizens, partners."""
    staff: int
    """Operators and their office's admins."""
    admin: int
    """The tenant's administrators and the platform's."""

    def of(self, viewer: Viewer) -> int:
        """The budget of the viewer's largest role."""
        budget = self.citizen if viewer.authenticated else self.anonymous
        if viewer.roles & STAFF:
            budget = max(budget, self.staff)
        if viewer.roles & ADMINS:
            budget = max(budget, self.admin)
        return budget


DEFAULT_BUDGETS = CostBudgets(anonymous=2_500, citizen=5_000, staff=10_000, admin=20_000)
"""Room for every document of the frontend and the typed clients at its largest pages (the
public list of bookable services with their calendars and offices costs 2,202; a practice's 100
messages with their attachments 1,303), and none for a list of lists of 100 (20,301)."""


Composite = GraphQLObjectType | GraphQLInterfaceType | GraphQLUnionType


class CostEstimate:
    """The walk of one operation's selections, with its fragments and variables."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = dict(variables)

    def selections(
        self, parent: Composite, selection_set: SelectionSetNode, page: int | None
    ) -> int:
        """The cost of one object of type `parent` with these selections. `page` is the length
        of the lists directly on it (a connection's `edges`); None when it is no connection."""
        return sum(
            self.field(owner, fields, page)
            for owner, fields in self.grouped_fields(parent, selection_set).values()
        )

    def field(self, owner: Composite, nodes: list[FieldNode], page: int | None) -> int:
        name = nodes[0].name.value
        if isinstance(owner, GraphQLUnionType) or name.startswith("__"):
            return 0  # a union's own field is `__typename`; introspection is no store work
        definition = owner.fields.get(name)
        if definition is None:
            return 0
        named = get_named_type(definition.type)
        if not isinstance(named, Composite):
            return 0
        arguments = self.arguments(nodes[0])
        count = 1
        if is_list_type(get_nullable_type(definition.type)):
            count = self.list_length(arguments) if page is None else page
        merged = SelectionSetNode(
            selections=tuple(
                selection
                for node in nodes
                if node.selection_set is not None
                for selection in node.selection_set.selections
            )
        )
        children = self.selections(named, merged, self.page_size(definition.args, arguments))
        return count * (1 + children)

    def arguments(self, node: FieldNode) -> dict[str, Any]:
        return {
            argument.name.value: value_from_ast_untyped(argument.value, self.variables)
            for argument in node.arguments or ()
        }

    @staticmethod
    def page_size(accepted: Mapping[str, Any], given: Mapping[str, Any]) -> int | None:
        """The length of a connection's page; None for a field that takes no page arguments."""
        if not any(name in accepted for name in PAGE_ARGUMENTS):
            return None
        sizes = [given.get(name) for name in PAGE_ARGUMENTS]
        asked = [size for size in sizes if isinstance(size, int) and not isinstance(size, bool)]
        if not asked:
            return DEFAULT_PAGE_SIZE
        return max(0, min(max(asked), MAX_PAGE_SIZE))

    @staticmethod
    def list_length(given: Mapping[str, Any]) -> int:
        """As many as the longest list argument (`nodes(ids:)`), else `LIST_SIZE`."""
        lists = [len(value) for value in given.values() if isinstance(value, list)]
        return max(lists) if lists else LIST_SIZE

    def grouped_fields(
        self, parent: Composite, selection_set: SelectionSetNode
    ) -> dict[tuple[str, str], tuple[Composite, list[FieldNode]]]:
        """The fields by the type they are selected on and their response key, fragments
        flattened, skipped ones left out: one key selected twice on a type resolves once; the
        fragments on each type of an interface or union all count, as if each applied."""
        grouped: dict[tuple[str, str], tuple[Composite, list[FieldNode]]] = {}
        for owner, field in self.flattened(parent, selection_set, frozenset()):
            key = (owner.name, field.alias.value if field.alias else field.name.value)
            grouped.setdefault(key, (owner, []))[1].append(field)
        return grouped

    def flattened(
        self, owner: Composite, selection_set: SelectionSetNode, spread: frozenset[str]
    ) -> Iterator[tuple[Composite, FieldNode]]:
        for selection in selection_set.selections:
            if not self.included(selection):
                continue
            if isinstance(selection, FieldNode):
                yield owner, selection
            elif isinstance(selection, InlineFragmentNode):
                yield from self.flattened(
                    self.condition(selection.type_condition, owner),
                    selection.selection_set,
                    spread,
                )
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in spread:  # validation forbids cycles
                    yield from self.flattened(
                        self.condition(fragment.type_condition, owner),
                        fragment.selection_set,
                        spread | {name},
                    )

    def condition(self, type_condition: NamedTypeNode | None, owner: Composite) -> Composite:
        """The type a fragment's fields are selected on."""
        if type_condition is None:
            return owner
        named = self.schema.get_type(type_condition.name.value)
        return named if isinstance(named, Composite) else owner

    def included(self, selection: SelectionNode) -> bool:
        """False when `@skip(if: true)` or `@include(if: false)` leaves it out."""
        for directive in selection.directives or ():
            condition = next(
                (arg.value for arg in directive.arguments or () if arg.name.value == "if"), None
            )
            if condition is None:
                continue
            value = value_from_ast_untyped(condition, self.variables)
            if directive.name.value == "skip" and value is True:
                return False
            if directive.name.value == "include" and value is False:
                return False
        return True


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None = None,
    variables: Mapping[str, Any] | None = None,
) -> int:
    """The estimated cost of the operation `operation_name` of a validated document."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {
        definition.name.value: definition
        for definition in document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    estimate = CostEstimate(schema, fragments, variable_values(operation, variables))
    return estimate.selections(root, operation.selection_set, None)


def variable_values(
    operation: OperationDefinitionNode, given: Mapping[str, Any] | None
) -> dict[str, Any]:
    """The variables as sent, and the declared defaults of those not sent."""
    values: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        if definition.default_value is not None:
            values[definition.variable.name.value] = value_from_ast_untyped(
                definition.default_value
            )
    return {**values, **(given or {})}


class QueryCostLimiter(SchemaExtension):
    """Estimates each operation's cost once it is valid; refuses it with QUERY_TOO_COSTLY,
    before any resolver runs, when it is over the budget of the caller's role. Every answer of
    a valid operation reports `extensions.cost = {requested, budget}`."""

    def __init__(self, budgets: CostBudgets) -> None:
        self.budgets = budgets
        self.report: dict[str, int] | None = None

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None
        viewer = getattr(context.context, "viewer", ANONYMOUS)
        budget = self.budgets.of(viewer if isinstance(viewer, Viewer) else ANONYMOUS)
        requested = operation_cost(
            context.schema._schema,
            context.graphql_document,
            context.operation_name,
            context.variables,
        )
        self.report = {"requested": requested, "budget": budget}
        if requested > budget:
            # a result set before execution is the answer: graphql-core never runs
            refusal = GraphQLError(
                say(
                    "This query would cost {requested}, over the budget of {budget}: ask for "
                    "smaller pages or fewer fields at once.",
                    requested=requested,
                    budget=budget,
                ),
                extensions={"code": QUERY_TOO_COSTLY, "cost": requested, "budget": budget},
            )
            context.result = ExecutionResult(data=None, errors=[refusal])
        yield

    def get_results(self) -> dict[str, Any]:
        return {} if self.report is None else {"cost": self.report}
