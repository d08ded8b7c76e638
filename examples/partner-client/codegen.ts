import type { CodegenConfig } from '@graphql-codegen/cli';

// Offline: the schema is the committed public API, not a running gateway's introspection.
const config: CodegenConfig = {
  schema: '../../infra/supergraph/api.graphql',
  documents: 'src/**/*.graphql',
  generates: {
    'src/generated/graphql.ts': {
      // typescript-operations writes the enums and scalars the operations use, and nothing else.
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        // Enums as string unions: the values are what arrives on the wire, e.g. 'STATEMENT_RECORDED'.
        enumsAsTypes: true,
        useTypeImports: true,
        avoidOptionals: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
