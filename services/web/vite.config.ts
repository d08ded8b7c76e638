import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The board's files go to dist/public; the static server (src/server, built to dist/main.js)
// serves them, so `npm start`'s launcher runs the package like any service.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/public', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', port: 5173 },
});
