/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment Viewer on User {\n  id\n  kind\n  roles\n  username\n  fiscalCode\n  givenName\n  familyName\n  fullName\n  email\n  phone\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...Viewer\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RefreshToken($input: RefreshTokenInput!) {\n  refreshToken(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...Viewer\n  }\n}": typeof types.ViewerFragmentDoc,
    "query Tenant {\n  tenant {\n    id\n    slug\n    name\n    siteUrl\n    defaultLanguage\n    languages\n    theme {\n      logoUrl\n      primaryColor\n    }\n    contacts {\n      email\n      pec\n      phone\n      address\n    }\n  }\n}": typeof types.TenantDocument,
};
const documents: Documents = {
    "fragment Viewer on User {\n  id\n  kind\n  roles\n  username\n  fiscalCode\n  givenName\n  familyName\n  fullName\n  email\n  phone\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...Viewer\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RefreshToken($input: RefreshTokenInput!) {\n  refreshToken(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...Viewer\n  }\n}": types.ViewerFragmentDoc,
    "query Tenant {\n  tenant {\n    id\n    slug\n    name\n    siteUrl\n    defaultLanguage\n    languages\n    theme {\n      logoUrl\n      primaryColor\n    }\n    contacts {\n      email\n      pec\n      phone\n      address\n    }\n  }\n}": types.TenantDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment Viewer on User {\n  id\n  kind\n  roles\n  username\n  fiscalCode\n  givenName\n  familyName\n  fullName\n  email\n  phone\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...Viewer\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RefreshToken($input: RefreshTokenInput!) {\n  refreshToken(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...Viewer\n  }\n}"): (typeof documents)["fragment Viewer on User {\n  id\n  kind\n  roles\n  username\n  fiscalCode\n  givenName\n  familyName\n  fullName\n  email\n  phone\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    user {\n      ...Viewer\n    }\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nmutation RefreshToken($input: RefreshTokenInput!) {\n  refreshToken(input: $input) {\n    accessToken\n    refreshToken\n    expiresIn\n    errors {\n      field\n      code\n      message\n    }\n  }\n}\n\nquery Me {\n  me {\n    ...Viewer\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Tenant {\n  tenant {\n    id\n    slug\n    name\n    siteUrl\n    defaultLanguage\n    languages\n    theme {\n      logoUrl\n      primaryColor\n    }\n    contacts {\n      email\n      pec\n      phone\n      address\n    }\n  }\n}"): (typeof documents)["query Tenant {\n  tenant {\n    id\n    slug\n    name\n    siteUrl\n    defaultLanguage\n    languages\n    theme {\n      logoUrl\n      primaryColor\n    }\n    contacts {\n      email\n      pec\n      phone\n      address\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;