"""The GraphQL schema: strawberry types and the root Query and Mutation."""
