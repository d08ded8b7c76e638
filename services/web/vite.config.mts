import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The board's files go to dist/public; the static server (src/server, built to dist/main.js)
// serves them, so `npm start`'s launcher runs the package like any service. `.mts`: Vite loads it
// as the ES module it is (the package is CommonJS for its server).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist/public',
    emptyOutDir: true,
    sourcemap: true,
    // One chunk of about 570 kB (169 kB gzip: React DOM and Mantine, measured in the README) until
    // there are pages enough to split by; above this, Vite's warning is a signal again.
    chunkSizeWarningLimit: 650,
  },
  server: { host: '127.0.0.1', port: 5173 },
});
