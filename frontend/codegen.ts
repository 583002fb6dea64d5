import type { CodegenConfig } from "@graphql-codegen/cli";

// Types and typed documents for the frontend, from the committed schema and the .graphql files in src/.
const config: CodegenConfig = {
  schema: "../codegen/schema.graphql",
  documents: ["src/**/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" },
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", Time: "string", JSON: "unknown", Upload: "File" },
      },
    },
  },
};

export default config;
