import type { CodegenConfig } from '@graphql-codegen/cli';

// Offline, like examples/partner-client: the schema is the committed public API. The client preset
// types each `graphql(...)` call in src by its operation's text.
const config: CodegenConfig = {
  schema: '../../infra/supergraph/api.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/generated/**', '!src/server/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Enums as string unions: the values are what arrives on the wire.
        enumsAsTypes: true,
        useTypeImports: true,
        // Fields the API always sends are required; inputs and variables may be left out.
        avoidOptionals: { field: true },
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
