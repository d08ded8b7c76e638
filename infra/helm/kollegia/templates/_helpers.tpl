{{/* The prefix of every resource name: `<release>-kollegia`, or the release name when it already says kollegia. */}}
{{- define "kollegia.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The subgraphs: the services only the gateway calls. */}}
{{- define "kollegia.subgraphs" -}}
{{- list "members" "roundtables" "recommendations" "requests" | toJson -}}
{{- end -}}

{{/* Every service the chart deploys, gateway first. */}}
{{- define "kollegia.serviceNames" -}}
{{- list "gateway" "members" "roundtables" "recommendations" "requests" "identity" "web" | toJson -}}
{{- end -}}

{{/* A service's settings: its block in `services` over `defaults`. Call with (dict "root" $ "name" NAME). */}}
{{- define "kollegia.service" -}}
{{- $own := index .root.Values.services .name -}}
{{- mergeOverwrite (deepCopy .root.Values.defaults) (deepCopy $own) | toJson -}}
{{- end -}}

{{- define "kollegia.resourceName" -}}
{{- printf "%s-%s" (include "kollegia.fullname" .root) .name -}}
{{- end -}}

{{- define "kollegia.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "kollegia.labels" -}}
{{ include "kollegia.selectorLabels" . }}
app.kubernetes.io/part-of: kollegia
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* In-cluster base URL of a service: http://<release>-kollegia-<name>:<port>. */}}
{{- define "kollegia.internalUrl" -}}
{{- $port := (index .root.Values.services .name).port -}}
{{- printf "http://%s:%v" (include "kollegia.resourceName" .) $port -}}
{{- end -}}

{{/* Where people reach a service: its public URL, else its in-cluster one. */}}
{{- define "kollegia.url" -}}
{{- $public := index .root.Values.publicUrls .name -}}
{{- default (include "kollegia.internalUrl" .) $public | trimSuffix "/" -}}
{{- end -}}

{{/* Where a service's /metrics listens: its port plus metrics.portOffset (its METRICS_PORT). */}}
{{- define "kollegia.metricsPort" -}}
{{- add (include "kollegia.service" . | fromJson).port .root.Values.metrics.portOffset -}}
{{- end -}}

{{- define "kollegia.secretName" -}}
{{- default (printf "%s-secrets" (include "kollegia.fullname" .)) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "kollegia.kafkaBrokers" -}}
{{- if .Values.kafka.strimzi.enabled -}}
{{- printf "%s-kafka-kafka-bootstrap:9092" (include "kollegia.fullname" .) -}}
{{- else -}}
{{- join "," .Values.kafka.brokers -}}
{{- end -}}
{{- end -}}

{{/*
The settings of one service, as its config schema (services/<name>/src/config.ts) names them; the
secret ones (MONGO_URL, GATEWAY_SECRET) come from the Secret in the Deployment instead.
*/}}
{{- define "kollegia.env" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := include "kollegia.service" . | fromJson -}}
{{- $subgraph := has $name (include "kollegia.subgraphs" . | fromJsonArray) -}}
{{- $env := dict "NODE_ENV" $root.Values.nodeEnv "HOST" "0.0.0.0" "PORT" (toString $svc.port) -}}
{{- if ne $name "web" -}}
{{- $_ := set $env "LOG_LEVEL" $root.Values.logLevel -}}
{{- $_ := set $env "MONGO_DB" $svc.database -}}
{{- end -}}
{{- if or $subgraph (eq $name "gateway") -}}
{{- $_ := set $env "KAFKA_BROKERS" (include "kollegia.kafkaBrokers" $root) -}}
{{- $_ := set $env "KAFKA_TOPIC_PREFIX" $root.Values.kafka.topicPrefix -}}
{{- $_ := set $env "KAFKA_TOPIC_PARTITIONS" (toString $root.Values.kafka.topicPartitions) -}}
{{- $_ := set $env "KAFKA_TOPIC_REPLICATION" (toString $root.Values.kafka.topicReplication) -}}
{{- $_ := set $env "AUTH_ISSUER" (include "kollegia.url" (dict "root" $root "name" "identity")) -}}
{{- $_ := set $env "AUTH_JWKS_URL" (printf "%s/jwks" (include "kollegia.internalUrl" (dict "root" $root "name" "identity"))) -}}
{{- $_ := set $env "AUTH_AUDIENCE" $root.Values.auth.audience -}}
{{- with $root.Values.auth.trustedIssuers -}}
{{- $_ := set $env "AUTH_TRUSTED_ISSUERS" (toJson .) -}}
{{- end -}}
{{- end -}}
{{- if eq $name "roundtables" -}}
{{- $_ := set $env "DOCUMENT_TIME_ZONE" $root.Values.timeZone -}}
{{- end -}}
{{- if eq $name "recommendations" -}}
{{- $_ := set $env "FOLLOW_UP_TIME_ZONE" $root.Values.timeZone -}}
{{- end -}}
{{- if eq $name "gateway" -}}
{{- $urls := list -}}
{{- range $subgraphName := include "kollegia.subgraphs" . | fromJsonArray -}}
{{- $urls = append $urls (printf "%s=%s/graphql" $subgraphName (include "kollegia.internalUrl" (dict "root" $root "name" $subgraphName))) -}}
{{- end -}}
{{- $_ := set $env "SUBGRAPH_URLS" (join "," $urls) -}}
{{- $self := include "kollegia.resourceName" . -}}
{{- $_ := set $env "ALLOWED_HOSTS" (printf "%s,%s.%s.svc,%s.%s.svc.cluster.local" $self $self $root.Release.Namespace $self $root.Release.Namespace) -}}
{{- with $root.Values.publicUrls.gateway -}}
{{- $_ := set $env "PUBLIC_URL" . -}}
{{- end -}}
{{- with $root.Values.publicUrls.web -}}
{{- $web := urlParse . -}}
{{- $_ := set $env "ALLOWED_ORIGINS" (printf "%s://%s" $web.scheme $web.host) -}}
{{- end -}}
{{- end -}}
{{- if eq $name "identity" -}}
{{- $web := include "kollegia.url" (dict "root" $root "name" "web") -}}
{{- $_ := set $env "OIDC_ISSUER" (include "kollegia.url" .) -}}
{{- $_ := set $env "OIDC_AUDIENCE" $root.Values.auth.audience -}}
{{- $_ := set $env "WEB_REDIRECT_URIS" (printf "%s/callback" $web) -}}
{{- $_ := set $env "WEB_POST_LOGOUT_REDIRECT_URIS" (printf "%s/" $web) -}}
{{- $_ := set $env "TRUST_PROXY" (toString $root.Values.ingress.enabled) -}}
{{- end -}}
{{- if eq $name "web" -}}
{{- $gateway := include "kollegia.url" (dict "root" $root "name" "gateway") -}}
{{- $_ := set $env "WEB_OIDC_ISSUER" (include "kollegia.url" (dict "root" $root "name" "identity")) -}}
{{- $_ := set $env "WEB_GRAPHQL_URL" (printf "%s/graphql" $gateway) -}}
{{- $_ := set $env "WEB_GRAPHQL_WS_URL" (printf "%s/graphql" ($gateway | replace "https://" "wss://" | replace "http://" "ws://")) -}}
{{- $_ := set $env "WEB_TIME_ZONE" $root.Values.timeZone -}}
{{- end -}}
{{- if $root.Values.metrics.enabled -}}
{{- $_ := set $env "METRICS_PORT" (include "kollegia.metricsPort" (dict "root" $root "name" $name)) -}}
{{- end -}}
{{- /* Traces follow the journey gateway → subgraphs → Kafka; the provider and the board are not traced. */ -}}
{{- if or $subgraph (eq $name "gateway") -}}
{{- with $root.Values.tracing.otlpEndpoint -}}
{{- $_ := set $env "OTEL_EXPORTER_OTLP_ENDPOINT" . -}}
{{- end -}}
{{- end -}}
{{- range $key, $value := $svc.env -}}
{{- $_ := set $env $key (toString $value) -}}
{{- end -}}
{{- toJson $env -}}
{{- end -}}
