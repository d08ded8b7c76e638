export {
  cachedPrometheus,
  ensurePrometheus,
  localScrapeConfig,
  observabilityDir,
  prometheusApi,
  promtool,
  promtoolChecks,
  startPrometheus,
  PROMETHEUS_VERSION,
  type PrometheusTools,
} from './prometheus';
export {
  legend,
  readDashboard,
  renderPanel,
  rowsOf,
  substitute,
  type Dashboard,
} from './dashboard';
