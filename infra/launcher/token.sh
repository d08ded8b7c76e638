#!/bin/sh
# `npm run token`: prints a dev token in well under a second. Builds the launcher only when it was
# never built or a source it is made of changed since (tsc alone takes seconds), then runs it.
set -e
cd "$(dirname "$0")/../.."
built=infra/launcher/dist/token.js
if [ ! -f "$built" ] || [ -n "$(find infra/launcher/src packages/service-kit/src -name '*.ts' -newer "$built" | head -n 1)" ]; then
  npx turbo run build --filter=@kollegia/launcher --output-logs=errors-only >&2
fi
exec node --disable-warning=TimeoutNegativeWarning "$built" "$@"
